import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { DfdDiagramJson } from '../../language-server/src/dfd/json.js';
import { OPEN_MARK, openMark } from '../../language-server/src/shared/dfd/labels.js';
import { wrapLabel } from '../../language-server/src/dfd/wrap.js';
import { DESIGN_EXAMPLE, exampleNames, REPO_ROOT, runDfd } from './dfd-helpers.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAYLOAD = 'test/fixtures/dfd/payload.tm';

/** Parses strictly: any XML error or warning fails the test. */
function parseSvg(text: string): Document {
    const parser = new DOMParser({
        onError: (level, message) => {
            throw new Error(`SVG is not well-formed XML (${level}): ${message}`);
        },
    });
    return parser.parseFromString(text, 'image/svg+xml') as unknown as Document;
}

/**
 * The lines of text of the SVG (entities decoded), in document order. Graphviz writes a line as
 * several `<text>` elements when it has several text items (dot-escape.ts splits titles with
 * `\N` and the like), all at the same height in the same group: those are joined.
 */
function svgTexts(document: Document): string[] {
    const lines: { parent: Node | null; y: string | null; text: string }[] = [];
    for (const text of Array.from(document.getElementsByTagNameNS(SVG_NS, 'text'))) {
        const last = lines.at(-1);
        const y = text.getAttribute('y');
        if (last && last.parent === text.parentNode && last.y === y) last.text += text.textContent ?? '';
        else lines.push({ parent: text.parentNode, y, text: text.textContent ?? '' });
    }
    return lines.map(line => line.text);
}

/** What the SVG must show as text: each title, line by line as wrapped, then the element's mark, if any. */
function expectedTexts(diagram: DfdDiagramJson): string[] {
    const lines = (title: string): string[] => wrapLabel(title);
    return [
        ...diagram.boundaries.flatMap(b => lines(b.title)),
        ...diagram.nodes.flatMap(e => [...lines(e.title), ...(e.open.length > 0 ? [openMark(e.open)] : [])]),
        // A flow with findings and no open category is marked with the sign alone.
        ...diagram.edges.flatMap(e => [...lines(e.title), ...(e.open.length > 0 ? [openMark(e.open)] : (e.findings ?? []).length > 0 ? [OPEN_MARK] : [])]),
    ];
}

const sorted = (items: readonly string[]): string[] => [...items].sort();

async function svgAndDiagram(args: readonly string[]): Promise<{ svg: string; document: Document; diagram: DfdDiagramJson }> {
    const svg = (await runDfd([...args, '--format', 'svg'])).stdout;
    const diagram = JSON.parse((await runDfd([...args, '--format', 'json'])).stdout) as DfdDiagramJson;
    return { svg, document: parseSvg(svg), diagram };
}

describe('tml dfd --format svg', () => {
    const models = [DESIGN_EXAMPLE, ...exampleNames().map(name => `examples/${name}`)];
    for (const model of models) {
        it(`writes well-formed SVG for ${model} showing every title exactly once, as text`, async () => {
            const { document, diagram } = await svgAndDiagram([model]);
            assert.equal(document.documentElement?.localName, 'svg');
            // The texts of the SVG are exactly the titles and marks: each title as often as it is declared.
            assert.deepEqual(sorted(svgTexts(document)), sorted(expectedTexts(diagram)));
            for (const element of [...diagram.nodes, ...diagram.edges, ...diagram.boundaries]) {
                assert.ok(document.getElementById(`dfd-${element.id}`), `no SVG group for ${element.id}`);
            }
        });
    }

    it('writes one diagram per scenario of an example', async () => {
        const example = 'examples/web-shop';
        const { diagram: overview } = await svgAndDiagram([example]);
        for (const { name } of overview.scenarios) {
            const { document, diagram } = await svgAndDiagram([example, '--scenario', name]);
            assert.deepEqual(sorted(svgTexts(document)), sorted(expectedTexts(diagram)), name);
        }
    });

    it('renders titles holding markup, quotes, ampersands, </svg> and newlines as plain text', async () => {
        for (const scenario of [[], ['--scenario', 'Attack']]) {
            const { svg, document, diagram } = await svgAndDiagram([PAYLOAD, ...scenario]);
            assert.deepEqual(sorted(svgTexts(document)), sorted(expectedTexts(diagram)));
            for (const tag of ['script', 'foreignObject', 'iframe', 'img']) {
                assert.equal(document.getElementsByTagName(tag).length, 0, `a <${tag}> element got into the SVG`);
            }
            assert.doesNotMatch(svg, /<script|<img|<iframe|<foreignObject|<!-- -->/i);
            const attributes = Array.from(document.getElementsByTagName('*')).flatMap(e => Array.from(e.attributes, a => a.name));
            assert.deepEqual(attributes.filter(name => /^on|href$/i.test(name)), [], 'an event handler or link got into the SVG');
        }
        const { document, diagram } = await svgAndDiagram([PAYLOAD]);
        const titles = Object.fromEntries(diagram.nodes.map(n => [n.id, n.title]));
        assert.equal(titles['Attacker'], "<script>window.__pwned = 'external'</script>");
        assert.equal(titles['Renderer'], '"quoted" & &amp; \'apos\' \\N \\l backslash');
        assert.equal(titles['Store'], 'Line one\nline <two> & </svg>');
        // The newline is a line break: two lines of text in the data store's group.
        const store = document.getElementById('dfd-Store');
        const storeTexts = Array.from(store?.getElementsByTagNameNS(SVG_NS, 'text') ?? [], t => t.textContent);
        assert.deepEqual(storeTexts.slice(0, 2), ['Line one', 'line <two> & </svg>']);
    });

    it('writes the payloads into the SVG with <, > and & escaped', async () => {
        const svg = (await runDfd([PAYLOAD])).stdout;
        assert.ok(readFileSync(join(REPO_ROOT, PAYLOAD), 'utf8').includes("<script>window.__pwned = 'external'</script>"), 'the fixture lost its payload');
        // The title is wrapped onto two lines (wrap.ts), each escaped text.
        assert.ok(svg.includes('>&lt;script&gt;window.__pwned =</text>') && svg.includes('>&#39;external&#39;&lt;/script&gt;</text>'), 'the <script> title is not escaped text');
        assert.ok(svg.includes('&lt;/svg&gt;&lt;script&gt;'), 'the </svg> title is not escaped text');
        assert.ok(svg.includes('&quot;quoted&quot; &amp; &amp;amp;'), 'quotes and ampersands are not escaped');
    });
});
