/**
 * The injection corpus through the threat table (Markdown, CSV, HTML, JSON) and the report, each
 * read back with the parser its consumers use: every payload comes back as text, in its own cell,
 * with its invisible characters visible, and the document has the shape it has for plain words.
 */
import * as assert from 'node:assert/strict';
import { parse as parseHtml } from 'parse5';
import type { JsonThreatTable } from '../../language-server/src/generator/table-json.js';
import { injectionOutputs, PAYLOADS } from './injection-outputs.js';
import type { ElementLike } from './injection-parse.js';
import { domShape, invisibleIn, markdownShape, parseMarkdown, PLAIN, shown } from './injection-parse.js';
import { CSV_FORMULA, parseCsvRecords, parseHtmlTables, parseMarkdownTables } from './table-parse-back.js';

const THREAT_COLUMNS = 19; // docs/language.md#outputs, then References (docs/language.md#optional-attributes)

/** The row of threat `id` in a parsed table whose first column is the ID. */
function rowOf(rows: readonly string[][], id: string): string[] {
    const row = rows.find(r => r[0] === id);
    assert.ok(row, `no row for ${id}`);
    return row;
}

function htmlShape(html: string): unknown {
    return domShape(parseHtml(html) as unknown as ElementLike);
}

describe('injection corpus: threat table and report', () => {
    it(`holds at least 50 payloads (${PAYLOADS.length})`, () => {
        assert.ok(PAYLOADS.length >= 50);
        assert.equal(new Set(PAYLOADS).size, PAYLOADS.length, 'a payload is listed twice');
    });

    for (const [index, payload] of PAYLOADS.entries()) {
        const name = `#${index} ${JSON.stringify(payload.slice(0, 40))}`;
        const expected = shown(payload);

        it(`Markdown table: ${name} stays in its cells, as text`, async () => {
            const { table } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            assert.deepEqual(markdownShape(parseMarkdown(table.md)), markdownShape(parseMarkdown(plain.table.md)));
            const [threats, coverage] = parseMarkdownTables(table.md);
            for (const row of threats!) assert.equal(row.length, THREAT_COLUMNS);
            for (const row of coverage!) assert.equal(row.length, coverage![0]!.length);
            const accepted = rowOf(threats!, 'Accepted');
            assert.equal(accepted[1], expected, 'Title');
            assert.equal(accepted[6], expected, 'Impact');
            assert.equal(accepted[14], `accept: ${expected}`, 'Response');
            assert.equal(accepted[17], expected, 'Bug');
            assert.deepEqual(invisibleIn(table.md), []);
        });

        it(`CSV table: ${name} stays in its field, never a formula`, async () => {
            const { table } = await injectionOutputs(payload);
            const records = parseCsvRecords(table.csv);
            for (const record of records) assert.equal(record.length, THREAT_COLUMNS);
            const neutralised = CSV_FORMULA.test(expected) ? `'${expected}` : expected;
            const accepted = rowOf(records, 'Accepted');
            assert.equal(accepted[1], neutralised, 'Title');
            assert.equal(accepted[17], neutralised, 'Bug');
            for (const field of records.flat()) assert.doesNotMatch(field, CSV_FORMULA);
            assert.deepEqual(invisibleIn(table.csv.replace(/^\uFEFF/, '')), []);
        });

        it(`HTML table: ${name} adds no element or attribute`, async () => {
            const { table } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            assert.deepEqual(htmlShape(table.html), htmlShape(plain.table.html));
            const threats = parseHtmlTables(table.html).get('threat-list')!;
            const accepted = rowOf(threats, 'Accepted');
            assert.equal(accepted[1], expected, 'Title');
            assert.equal(accepted[14], `accept: ${expected}`, 'Response');
            assert.deepEqual(invisibleIn(table.html), []);
        });

        it(`JSON table: ${name} is the same text`, async () => {
            const { table } = await injectionOutputs(payload);
            const json = JSON.parse(table.json) as JsonThreatTable;
            const accepted = json.threats.rows.find(r => r['id'] === 'Accepted');
            assert.equal(accepted?.['title'], expected);
            assert.equal(accepted?.['bug'], expected);
            assert.equal(json.title, `Threat list: ${expected}`);
            assert.deepEqual(invisibleIn(JSON.stringify(json)), []);
        });

        it(`report: ${name} adds no Markdown structure`, async () => {
            const { report } = await injectionOutputs(payload);
            const plain = await injectionOutputs(PLAIN);
            assert.deepEqual(markdownShape(parseMarkdown(report)), markdownShape(parseMarkdown(plain.report)));
            for (const table of parseMarkdownTables(report)) {
                for (const row of table) assert.equal(row.length, table[0]!.length);
            }
            const threats = parseMarkdownTables(report).find(t => t[0]?.[0] === 'ID' && t[0].length === THREAT_COLUMNS);
            assert.equal(rowOf(threats!, 'Accepted')[1], expected);
            assert.deepEqual(invisibleIn(report), []);
        });
    }
});
