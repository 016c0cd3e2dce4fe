/**
 * The injection corpus through the data flow diagram: SVG (parsed as XML), DOT (tokenized, and its
 * HTML-like labels parsed as XML), Mermaid (every line one of tml's statements, labels decoded),
 * JSON and the preview's tooltips. Every payload comes back as the element's text, with its
 * invisible characters visible, and adds no element, attribute, statement or line.
 */
import * as assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import type { DfdDiagramJson } from '../../language-server/src/dfd/json.js';
import { wrapLabel } from '../../language-server/src/dfd/wrap.js';
import { injectionOutputs, PAYLOADS } from './injection-outputs.js';
import type { ElementLike } from './injection-parse.js';
import {
    domShape, dotStructure, invisibleIn, mermaidLabelOf, mermaidLabelText, PLAIN, shapeKinds, shown, tokenizeDot, unexpectedMermaidLines,
} from './injection-parse.js';

/** Parses strictly: any XML error or warning fails the test. */
function parseXml(text: string): Document {
    const parser = new DOMParser({ onError: (level, message) => { throw new Error(`not well-formed XML (${level}): ${message}`); } });
    return parser.parseFromString(text, 'image/svg+xml') as unknown as Document;
}

/** The lines of text of the SVG group `dfd-<id>`: `<text>` elements at the same height joined. */
function svgLines(svg: Document, id: string): string[] {
    const group = Array.from(svg.getElementsByTagName('g')).find(g => g.getAttribute('id') === `dfd-${id}`);
    assert.ok(group, `no group dfd-${id}`);
    const lines: { y: string | null; text: string }[] = [];
    for (const text of Array.from(group.getElementsByTagName('text'))) {
        const last = lines.at(-1);
        if (last && last.y === text.getAttribute('y')) last.text += text.textContent ?? '';
        else lines.push({ y: text.getAttribute('y'), text: text.textContent ?? '' });
    }
    return lines.map(line => line.text);
}

/** tml's own elements of an HTML-like label: line breaks, the mark's font, the data store's table. */
const LABEL_ELEMENTS = ['L', 'BR', 'FONT', 'TABLE', 'TR', 'TD'];

/**
 * The text of an HTML-like DOT label as Graphviz shows it: parsed as XML, `<BR/>` a line break.
 * A title's label holds only line breaks and plain `<FONT>` items (dot-escape.ts).
 */
function dotLabelText(html: string, title = true): string {
    const root = parseXml(`<L>${html}</L>`).documentElement!;
    const text = (node: Node): string => {
        if (node.nodeType === 3) return node.nodeValue ?? '';
        const name = node.nodeName;
        assert.ok((title ? ['L', 'BR', 'FONT'] : LABEL_ELEMENTS).includes(name), `element ${name} in a label`);
        if (title && name === 'FONT') assert.equal((node as Element).attributes.length, 0, 'a FONT with attributes in a title');
        return name === 'BR' ? '\n' : Array.from(node.childNodes).map(text).join('');
    };
    return text(root);
}

/** Text as Graphviz lays it out: no empty lines, white space runs (tabs, no-break spaces) as one space. */
function asLaidOut(lines: readonly string[]): string[] {
    return lines.map(line => line.replace(/[\s\u00A0]+/g, ' ').trim()).filter(line => line !== '');
}

/** The value of attribute `name` in the DOT statement that declares node `id`. */
function dotAttribute(dot: string, id: string, name: string): string {
    const tokens = tokenizeDot(dot);
    const start = tokens.findIndex((t, i) => t.kind === 'quoted' && t.text === id && tokens[i + 1]?.text === '[');
    assert.ok(start >= 0, `no statement for ${id}`);
    const at = tokens.findIndex((t, i) => i > start && t.kind === 'id' && t.text === name && tokens[i + 1]?.text === '=');
    return tokens[at + 2]!.text;
}

describe('injection corpus: data flow diagram', () => {
    for (const [index, payload] of PAYLOADS.entries()) {
        const name = `#${index} ${JSON.stringify(payload.slice(0, 40))}`;
        const expected = shown(payload);
        // The diagram wraps long titles onto lines (wrap.ts).
        const expectedWrapped = wrapLabel(expected).join('\n');

        it(`SVG: ${name} is well-formed, adds no element or attribute, and shows the title`, async () => {
            const { dfd } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            const svg = parseXml(dfd.svg);
            const kinds = shapeKinds(domShape(svg as unknown as ElementLike)!);
            const plainKinds = shapeKinds(domShape(parseXml(plain.dfd.svg) as unknown as ElementLike)!);
            assert.deepEqual([...kinds].filter(k => !plainKinds.has(k)), []);
            assert.deepEqual(asLaidOut(svgLines(svg, 'Ext')), asLaidOut(expectedWrapped.split('\n')));
            assert.deepEqual(invisibleIn(dfd.svg), []);
        });

        it(`DOT: ${name} keeps the statements, and the label is the title`, async () => {
            const { dfd } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            assert.deepEqual(dotStructure(tokenizeDot(dfd.dot)), dotStructure(tokenizeDot(plain.dfd.dot)));
            assert.equal(dotLabelText(dotAttribute(dfd.dot, 'Ext', 'label')), expectedWrapped);
            for (const token of tokenizeDot(dfd.dot)) if (token.kind === 'html') dotLabelText(token.text, false);
            assert.deepEqual(invisibleIn(dfd.dot), []);
        });

        it(`Mermaid: ${name} adds no statement or line, and the label is the title`, async () => {
            const { dfd } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            assert.deepEqual(unexpectedMermaidLines(dfd.mermaid), []);
            assert.equal(dfd.mermaid.split('\n').length, plain.dfd.mermaid.split('\n').length);
            assert.equal(mermaidLabelText(mermaidLabelOf(dfd.mermaid, 'Ext')!), expected);
            assert.equal(mermaidLabelText(mermaidLabelOf(dfd.mermaid, 'Zone')!), expected);
            assert.deepEqual(invisibleIn(dfd.mermaid), []);
        });

        it(`JSON and preview tooltips: ${name} is the same text`, async () => {
            const { dfd, tooltips } = await injectionOutputs(payload);
            const json = JSON.parse(dfd.json) as DfdDiagramJson;
            assert.equal(json.nodes.find(n => n.name === 'Ext')?.title, expected);
            assert.equal(json.edges.find(e => e.name === 'In')?.protocol, expected);
            assert.deepEqual(json.scenarios, [{ name: 'Use', title: expected }]);
            assert.ok(tooltips.includes(expected), 'the title is a tooltip line');
            assert.ok(tooltips.includes(`Repudiation: excluded (${expected})`), 'the exclude reason is in a tooltip line');
            assert.deepEqual(invisibleIn(JSON.stringify(json)), []);
            assert.deepEqual(invisibleIn(tooltips.join('\n')), []);
        });
    }
});
