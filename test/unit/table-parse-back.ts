/**
 * Independent parsers for the generated tables, so that tests read the output the way GitHub, a
 * spreadsheet and a browser would: a GFM table parser (micromark), csv-parse, and parse5.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Nodes, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parse as parseHtml } from 'parse5';

/**
 * What makes a spreadsheet read a CSV field as a formula: `=`, `+`, `-` or `@` after any white
 * space, or a leading tab or CR. A field tml writes never matches (its neutralising `'` comes first).
 */
export const CSV_FORMULA = /^\s*[=+\-@]|^[\t\r]/;

/** A table as text: rows of cells, the header row first. */
export type ParsedTable = string[][];

/** Raw HTML other than the `<br>` that stands for a line break; a test fails if there is any. */
export class UnexpectedHtml extends Error {}

function markdownCellText(node: Nodes): string {
    if (node.type === 'html') {
        if (node.value !== '<br>') throw new UnexpectedHtml(`raw HTML in a cell: ${node.value}`);
        return '\n';
    }
    if (node.type === 'text' || node.type === 'tableCell') {
        return node.type === 'text' ? node.value : node.children.map(markdownCellText).join('');
    }
    // Any other node (emphasis, link, code…) means text turned into markup; keep its text so the
    // comparison shows where.
    return `[${node.type}:${toString(node)}]`;
}

/** Every GFM table of a Markdown document, in order. */
export function parseMarkdownTables(markdown: string): ParsedTable[] {
    const tree = fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
    return tree.children
        .filter((node): node is Table => node.type === 'table')
        .map(table => table.children.map(row => row.children.map(markdownCellText)));
}

/** The records of a CSV document (byte order mark skipped), as csv-parse reads them. */
export function parseCsvRecords(csv: string): string[][] {
    return parseCsv(csv, { bom: true, relax_quotes: false, relax_column_count: false }) as string[][];
}

interface HtmlNode {
    readonly nodeName: string;
    readonly value?: string;
    readonly attrs?: readonly { readonly name: string; readonly value: string }[];
    readonly childNodes?: readonly HtmlNode[];
}

function* descendants(node: HtmlNode): Generator<HtmlNode> {
    for (const child of node.childNodes ?? []) {
        yield child;
        yield* descendants(child);
    }
}

function textContent(node: HtmlNode): string {
    if (node.nodeName === '#text') return node.value ?? '';
    return (node.childNodes ?? []).map(textContent).join('');
}

/** The page parsed as a browser would (parse5 implements the HTML standard's parser). */
export function parseHtmlDocument(html: string): HtmlNode {
    return parseHtml(html) as unknown as HtmlNode;
}

/** Every table of the page by its id: header and data rows, each cell's text content. */
export function parseHtmlTables(html: string): Map<string, ParsedTable> {
    const tables = new Map<string, ParsedTable>();
    for (const table of descendants(parseHtmlDocument(html))) {
        if (table.nodeName !== 'table') continue;
        const id = table.attrs?.find(a => a.name === 'id')?.value ?? '';
        tables.set(id, [...descendants(table)]
            .filter(n => n.nodeName === 'tr')
            .map(row => (row.childNodes ?? []).filter(c => c.nodeName === 'th' || c.nodeName === 'td').map(textContent)));
    }
    return tables;
}

/** The table with this id: header and data rows, each cell's text content. */
export function parseHtmlTable(html: string, id: string): ParsedTable {
    const table = parseHtmlTables(html).get(id);
    if (!table) throw new Error(`no table with id ${id}`);
    return table;
}

/** The text of every element with this tag name, in document order. */
export function htmlTexts(html: string, tagName: string): string[] {
    return [...descendants(parseHtmlDocument(html))].filter(n => n.nodeName === tagName).map(textContent);
}
