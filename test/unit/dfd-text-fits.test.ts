/**
 * Labels fit their shapes: every line of text of an example's overview lies inside its node's or
 * boundary's outline, measured with the metrics Graphviz lays out with (LAYOUT_FONT, shared/dfd/font.ts),
 * which the SVG asks the viewer for first.
 */
import * as assert from 'node:assert/strict';
import type { Viz } from '@viz-js/viz';
import { instance } from '@viz-js/viz';
import { DOMParser } from '@xmldom/xmldom';
import { htmlLabelText } from '../../language-server/src/dfd/dot-escape.js';
import { LAYOUT_FONT, SVG_FONT_FAMILY } from '../../language-server/src/shared/dfd/font.js';
import { wrapLabel } from '../../language-server/src/dfd/wrap.js';
import { DESIGN_EXAMPLE, exampleNames, runDfd } from './dfd-helpers.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Box { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number }

/** The width Graphviz gives a text in LAYOUT_FONT, in points: a margin-less plain-text node of it. */
function textWidth(viz: Viz, text: string, fontSize: number): number {
    const dot = `digraph { node [shape=plaintext, margin=0, fontname="${LAYOUT_FONT}", fontsize=${fontSize}]; t [label=<${htmlLabelText(text)}>] }`;
    const result = viz.render(dot, { format: 'json', engine: 'dot' });
    assert.equal(result.status, 'success');
    const layout = JSON.parse(result.output ?? '') as { objects: { width: string }[] };
    return Number(layout.objects[0]!.width) * 72;
}

function numbers(text: string | null): number[] {
    return (text ?? '').split(/[\s,]+/).filter(s => s !== '').map(Number);
}

function boxOf(points: readonly number[]): Box {
    const xs = points.filter((_, i) => i % 2 === 0);
    const ys = points.filter((_, i) => i % 2 === 1);
    return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

/** The outline of a node or boundary group: its polygon(s), polylines or path, as one box; or its ellipse. */
function outline(group: Element): { box: Box; ellipse?: { cx: number; cy: number; rx: number; ry: number } } {
    const ellipse = group.getElementsByTagNameNS(SVG_NS, 'ellipse')[0];
    if (ellipse) {
        const [cx, cy, rx, ry] = ['cx', 'cy', 'rx', 'ry'].map(name => Number(ellipse.getAttribute(name))) as [number, number, number, number];
        return { box: { left: cx - rx, right: cx + rx, top: cy - ry, bottom: cy + ry }, ellipse: { cx, cy, rx, ry } };
    }
    const points = [...Array.from(group.getElementsByTagNameNS(SVG_NS, 'polygon')), ...Array.from(group.getElementsByTagNameNS(SVG_NS, 'polyline'))]
        .flatMap(shape => numbers(shape.getAttribute('points')));
    const paths = Array.from(group.getElementsByTagNameNS(SVG_NS, 'path')).flatMap(path => numbers((path.getAttribute('d') ?? '').replace(/[A-Za-z]/g, ' ')));
    return { box: boxOf([...points, ...paths]) };
}

/** Where a text line that is not inside its outline sticks out, or undefined when it fits. */
function overflow(text: Element, width: number, shape: ReturnType<typeof outline>): string | undefined {
    const x = Number(text.getAttribute('x'));
    const baseline = Number(text.getAttribute('y'));
    const size = Number(text.getAttribute('font-size'));
    const anchor = text.getAttribute('text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    const right = left + width;
    // The line's box: from the cap height above the baseline to the baseline.
    const top = baseline - 0.75 * size;
    const { box, ellipse } = shape;
    const slack = 0.5;
    if (left < box.left - slack || right > box.right + slack || top < box.top - slack || baseline > box.bottom + slack) {
        return `text [${left.toFixed(1)}, ${right.toFixed(1)}] outside the outline [${box.left.toFixed(1)}, ${box.right.toFixed(1)}]`;
    }
    if (ellipse) {
        for (const y of [top, baseline]) {
            const half = ellipse.rx * Math.sqrt(Math.max(0, 1 - ((y - ellipse.cy) / ellipse.ry) ** 2));
            if (left < ellipse.cx - half - slack || right > ellipse.cx + half + slack) return `text [${left.toFixed(1)}, ${right.toFixed(1)}] outside the ellipse at y=${y.toFixed(1)}`;
        }
    }
    return undefined;
}

describe('DFD labels fit their shapes', () => {
    let viz: Viz;
    before(async () => {
        viz = await instance();
    });

    for (const model of [DESIGN_EXAMPLE, ...exampleNames().map(name => `examples/${name}`)]) {
        it(`every line of text of the ${model} overview is inside its node or boundary, in ${LAYOUT_FONT}'s metrics`, async () => {
            const svg = (await runDfd([model, '--format', 'svg'])).stdout;
            const document = new DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
            const problems: string[] = [];
            let checked = 0;
            for (const group of Array.from(document.getElementsByTagNameNS(SVG_NS, 'g'))) {
                const classes = (group.getAttribute('class') ?? '').split(' ');
                if (!classes.includes('tm-node') && !classes.includes('tm-boundary')) continue;
                const shape = outline(group);
                for (const text of Array.from(group.getElementsByTagNameNS(SVG_NS, 'text'))) {
                    assert.equal(text.getAttribute('font-family'), SVG_FONT_FAMILY);
                    const content = text.textContent ?? '';
                    const problem = overflow(text, textWidth(viz, content, Number(text.getAttribute('font-size'))), shape);
                    if (problem) problems.push(`${group.getAttribute('id')} '${content}': ${problem}`);
                    checked++;
                }
            }
            assert.ok(checked > 0);
            assert.deepEqual(problems, []);
        });
    }
});

describe('wrapLabel', () => {
    it('breaks a long title between words into lines of at most 24 characters', () => {
        assert.deepEqual(wrapLabel('Payment service provider (PSP) hosted payment page'), ['Payment service provider', '(PSP) hosted payment', 'page']);
    });

    it('keeps a short title, the title\'s own line breaks, and a word longer than a line whole', () => {
        assert.deepEqual(wrapLabel('Orders DB'), ['Orders DB']);
        assert.deepEqual(wrapLabel('Line one\r\nline two'), ['Line one', 'line two']);
        assert.deepEqual(wrapLabel('See https://example.com/a/very/long/path here'), ['See', 'https://example.com/a/very/long/path', 'here']);
        assert.deepEqual(wrapLabel(''), ['']);
        assert.deepEqual(wrapLabel('  a  b  c', 6), ['  a  b', 'c']);
    });
});
