import * as assert from 'node:assert/strict';
import type { JsonThreatTable } from '../../language-server/src/generator/table-json.js';
import { CSV_FORMULA, parseCsvRecords, parseHtmlTables, parseMarkdownTables } from './table-parse-back.js';

/** The generated documents of one table, in every format. */
export interface TableOutputs {
    readonly md: string;
    readonly csv: string;
    readonly html: string;
    readonly json: string;
}

/** The rows of a JSON table as the other formats show them: the header, then each row's cells in column order. */
function jsonRows(table: JsonThreatTable['threats']): string[][] {
    return [table.columns.map(c => c.header), ...table.rows.map(row => table.columns.map(c => row[c.key] ?? `MISSING ${c.key}`))];
}

/**
 * The Markdown threat list puts the columns a reviewer scans first right after ID and Title
 * (docs/threat-table.md); every other column keeps the JSON's order.
 */
function markdownOrder(table: JsonThreatTable['threats']): JsonThreatTable['threats'] {
    const first = ['id', 'title', 'risk', 'rating', 'response', 'mitigationStatus'];
    const columns = [...first.flatMap(key => table.columns.filter(c => c.key === key)), ...table.columns.filter(c => !first.includes(c.key))];
    return { ...table, columns };
}

/** The HTML page spells out the two `D` headers (Damage, Discoverability), which read the same in §6. */
function htmlHeaders(table: JsonThreatTable['threats']): JsonThreatTable['threats'] {
    const spelled: Record<string, string> = { damage: 'Dam.', discoverability: 'Disc.' };
    return { ...table, columns: table.columns.map(c => ({ ...c, header: spelled[c.key] ?? c.header })) };
}

/** Tags the HTML page is made of: any other `<` would have come from model text. */
const OWN_TAG = /^<(?:!DOCTYPE html>|\/?(?:html|head|meta|title|style|body|h1|h2|p|table|thead|tbody|tr|th|td|abbr)[\s>])/;

/**
 * Parses the Markdown, CSV and HTML back with independent parsers and checks that each holds
 * exactly the rows and cells of the JSON; returns the JSON.
 */
export function assertFormatsAgree(outputs: TableOutputs): JsonThreatTable {
    const json = JSON.parse(outputs.json) as JsonThreatTable;
    const threats = jsonRows(json.threats);
    const coverage = jsonRows(json.coverage);

    assert.deepEqual(parseMarkdownTables(outputs.md), [jsonRows(markdownOrder(json.threats)), coverage], 'Markdown');

    assert.deepEqual(parseHtmlTables(outputs.html), new Map([['threat-list', jsonRows(htmlHeaders(json.threats))], ['stride-coverage', coverage]]), 'HTML');
    for (const { index } of outputs.html.matchAll(/</g)) {
        assert.match(outputs.html.slice(index, index + 20), OWN_TAG, 'a < that is not one of the page\'s own tags');
    }

    // The CSV pads every record to the widest table and separates the two with an empty record.
    const width = Math.max(threats[0]!.length, coverage[0]!.length);
    const pad = (rows: string[][]): string[][] => rows.map(r => [...r, ...Array<string>(width - r.length).fill('')]);
    const neutralise = (rows: string[][]): string[][] => rows.map(r => r.map(c => (CSV_FORMULA.test(c) ? `'${c}` : c)));
    const records = parseCsvRecords(outputs.csv);
    assert.deepEqual(records, neutralise([...pad(threats), Array<string>(width).fill(''), ...pad(coverage)]), 'CSV');
    for (const field of records.flat()) assert.doesNotMatch(field, CSV_FORMULA, 'a CSV field starts with a formula trigger');
    return json;
}
