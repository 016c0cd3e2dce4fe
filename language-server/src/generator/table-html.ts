import { escapeHtml } from './escape-html.js';
import { CELL_FILLS, HEADER_FILL, NOT_APPLICABLE_TEXT } from './table-colours.js';
import type { LinkedCell } from './table-links.js';
import { linkedSection } from './table-links.js';
import type { TableColumn, TableSection, ThreatTable } from './table-model.js';
import { COVERAGE_LEGEND, DREAD_LEGEND, ratingSummary, threatTableTitle } from './table-model.js';

/** A colour of table-colours.ts as CSS: `#f8d0d0`, or `#888` where the short form says the same. */
function css(hex: string | undefined): string {
    const lower = (hex ?? '').toLowerCase();
    return /^(.)\1(.)\2(.)\3$/.test(lower) ? `#${lower[0]}${lower[2]}${lower[4]}` : `#${lower}`;
}

/**
 * Screen and print styles, in the colours of table-colours.ts (the xlsx table's too). Cells keep line
 * breaks and the threat tree's indentation (`pre-wrap`); printed, the page is landscape, headers
 * repeat on every page and rows do not split.
 */
const STYLE = `
body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
p { margin: 4px 0 12px; }
.legend { color: #555; font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #b8b8b8; padding: 4px 6px; text-align: left; vertical-align: top; white-space: pre-wrap; overflow-wrap: break-word; min-width: 3em; }
thead th { background: ${css(HEADER_FILL)}; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; min-width: 0; }
td.High, td.Medium, td.Low { white-space: nowrap; }
.col-description { min-width: 16em; }
.col-id, .col-title, .col-impact, .col-response, .col-mitigations, .col-element { min-width: 8em; }
.col-stride, .col-targets, .col-assets, .col-mitigationStatus, .col-references { min-width: 7em; }
abbr { text-decoration: none; }
.High { background: ${css(CELL_FILLS['High'])}; }
.Medium { background: ${css(CELL_FILLS['Medium'])}; }
.Low { background: ${css(CELL_FILLS['Low'])}; }
.addressed, .excluded { background: ${css(CELL_FILLS['addressed'])}; }
.unmitigated { background: ${css(CELL_FILLS['unmitigated'])}; }
.missing { background: ${css(CELL_FILLS['missing'])}; }
.not-applicable { color: ${css(NOT_APPLICABLE_TEXT)}; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
    body { margin: 0; font-size: 8.5pt; }
    th, td { padding: 2px 4px; }
    .High, .Medium, .Low, .addressed, .excluded, .unmitigated, .missing { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** Cell values that get a colour: a fixed allow-list, so model text never becomes a class name. */
const STYLED_VALUES: ReadonlySet<string> = new Set(['High', 'Medium', 'Low', 'addressed', 'excluded', 'unmitigated', 'missing', 'not applicable']);

/** `col-<key>` (column keys are fixed identifiers), then the class of a number or a styled value. */
function cellClasses(column: TableColumn, text: string): string {
    const classes = [`col-${column.key}`];
    if (column.style === 'number') classes.push('number');
    if ((column.style === 'rating' || column.style === 'coverage') && STYLED_VALUES.has(text)) classes.push(text.replace(' ', '-'));
    return classes.join(' ');
}

/**
 * Headers the page spells out further than the threat list's own (docs/threat-table.md): its two
 * `D` columns (Damage and Discoverability) would read the same. Still abbreviations, with the full
 * word on hover.
 */
const HTML_HEADERS: Readonly<Record<string, string>> = { damage: 'Dam.', discoverability: 'Disc.' };

function headerCell(column: TableColumn): string {
    const header = escapeHtml(HTML_HEADERS[column.key] ?? column.header);
    const content = column.meaning === undefined ? header : `<abbr title="${escapeHtml(column.meaning)}">${header}</abbr>`;
    return `<th class="col-${column.key}${column.style === 'number' ? ' number' : ''}">${content}</th>`;
}

function dataCell(column: TableColumn | undefined, { text, href }: LinkedCell): string {
    const content = href === undefined ? escapeHtml(text) : `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
    return `<td${column ? ` class="${cellClasses(column, text)}"` : ''}>${content}</td>`;
}

/** One `<table>` with a `<thead>` row of headers and a `<tbody>` row per data row. */
export function formatHtmlTable(table: TableSection, id: string): string {
    const section = linkedSection(table);
    const rows = section.rows.map(cells => `<tr>${cells.map((cell, i) => dataCell(section.columns[i], cell)).join('')}</tr>`);
    return [
        `<table id="${id}">`,
        `<thead><tr>${section.columns.map(headerCell).join('')}</tr></thead>`,
        '<tbody>',
        ...rows,
        '</tbody>',
        '</table>',
    ].join('\n');
}

/**
 * `tml table --format html`: a standalone page. Every piece of model text is escaped; the page
 * loads nothing and runs nothing (its Content Security Policy allows only its own style).
 */
export function formatThreatTableHtml(table: ThreatTable): string {
    return htmlPage(threatTableTitle(table), tableBody(table, 'h1', 'h2', ''));
}

/** Several models' tables (docs/language.md#models-in-a-workspace): one page, a section per model titled with its system. */
export function formatThreatTablesHtml(tables: readonly ThreatTable[]): string {
    const sections = tables.flatMap((table, i) => ['<section>', ...tableBody(table, 'h1', 'h2', `model-${i + 1}-`), '</section>']);
    return htmlPage(tables.map(threatTableTitle).join('; '), sections);
}

function htmlPage(title: string, body: readonly string[]): string {
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${escapeHtml(title)}</title>`,
        `<style>${STYLE}</style>`,
        '</head>',
        '<body>',
        ...body,
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

function tableBody(table: ThreatTable, heading: string, subheading: string, idPrefix: string): string[] {
    const files = table.files.length === 1 ? 'File' : 'Files';
    return [
        `<${heading}>${escapeHtml(threatTableTitle(table))}</${heading}>`,
        `<p>${escapeHtml(`${files}: ${table.files.join(', ')}. ${ratingSummary(table.ratings)}.`)}</p>`,
        formatHtmlTable(table.threats, `${idPrefix}threat-list`),
        `<p class="legend">${escapeHtml(DREAD_LEGEND)}</p>`,
        `<${subheading}>STRIDE coverage</${subheading}>`,
        formatHtmlTable(table.coverage, `${idPrefix}stride-coverage`),
        `<p class="legend">${escapeHtml(COVERAGE_LEGEND)}</p>`,
    ];
}
