/**
 * The injection corpus through the findings (`tml check` as text, JSON and SARIF) and the editor
 * (hover, code lenses, outline): one line per finding, valid SARIF, hovers with the shape they have
 * for plain words and the payload as their text, invisible characters always visible.
 */
import * as assert from 'node:assert/strict';
import type { Paragraph, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { Finding } from '../../language-server/src/generator/findings.js';
import { sarifSchemaErrors } from '../cli/helpers/sarif-schema.js';
import { injectionOutputs, PAYLOADS } from './injection-outputs.js';
import { invisibleIn, markdownShape, parseMarkdown, PLAIN, shown, shownOnOneLine } from './injection-parse.js';

const FINDING_LINE = /^model\.tm:\d+:\d+: (?:error|warning|information|hint) tm\/[a-z-]+ \S.*$/;
const LENS_TITLE = /^(?:risk \d+\.\d · (?:High|Medium|Low)|risk not rated|STRIDE \d+\/\d+ addressed)$/;

function allSymbols(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
    return symbols.flatMap(s => [s, ...allSymbols(s.children ?? [])]);
}

function hoverParts(markdown: string): { heading: string; rows: string[][] } {
    const root = parseMarkdown(markdown) as Root;
    const heading = toString(root.children[0] as Paragraph);
    const table = root.children.find((n): n is Table => n.type === 'table');
    return { heading, rows: table?.children.map(row => row.children.map(cell => toString(cell))) ?? [] };
}

describe('injection corpus: findings and editor', () => {
    for (const [index, payload] of PAYLOADS.entries()) {
        const name = `#${index} ${JSON.stringify(payload.slice(0, 40))}`;

        it(`check text, JSON and SARIF: ${name} keeps one finding a line, valid SARIF, nothing invisible`, async () => {
            const { check } = await injectionOutputs(payload);
            const findings = JSON.parse(check.json) as Finding[];
            const lines = check.text.trimEnd().split('\n');
            assert.equal(lines.length, findings.length + 1);
            for (const line of lines.slice(0, -1)) assert.match(line, FINDING_LINE);
            assert.deepEqual(sarifSchemaErrors(JSON.parse(check.sarif)), []);
            for (const output of [check.text, check.json, check.sarif]) assert.deepEqual(invisibleIn(output), []);
        });

        it(`hover: ${name} adds no Markdown structure and shows the title on one line`, async () => {
            const { hovers } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            assert.deepEqual(markdownShape(parseMarkdown(hovers.element)), markdownShape(parseMarkdown(plain.hovers.element)));
            assert.deepEqual(markdownShape(parseMarkdown(hovers.threat)), markdownShape(parseMarkdown(plain.hovers.threat)));
            const element = hoverParts(hovers.element);
            assert.equal(element.heading, `External entity 'Ext' — ${shownOnOneLine(payload)}`);
            for (const row of element.rows) assert.equal(row.length, 3);
            assert.equal(element.rows.find(r => r[0] === 'Repudiation')?.[2], shownOnOneLine(payload).trim());
            assert.equal(hoverParts(hovers.threat).heading, `Threat Accepted — ${shownOnOneLine(payload)}`);
            assert.deepEqual(invisibleIn(hovers.element + hovers.threat), []);
        });

        it(`code lenses and outline: ${name} shows no model text in lenses, the title as the symbol's detail`, async () => {
            const { lenses, symbols } = await injectionOutputs(payload);
            for (const lens of lenses) assert.match(lens.command?.title ?? '', LENS_TITLE);
            const details = allSymbols(symbols).map(s => s.detail);
            assert.ok(details.length >= 14);
            for (const detail of details) assert.equal(detail, shown(payload));
        });
    }
});
