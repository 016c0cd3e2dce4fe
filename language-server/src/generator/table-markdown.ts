import { escapeMarkdownCell, escapeMarkdownText } from './escape-markdown.js';
import type { LinkedCell } from './table-links.js';
import { linkedSection } from './table-links.js';
import type { TableSection, ThreatTable } from './table-model.js';
import { COVERAGE_LEGEND, DREAD_LEGEND, ratingSummary, threatTableTitle } from './table-model.js';

/** A GitHub-flavoured Markdown table, one line per row, numbers right-aligned; ends with a newline. */
export function formatMarkdownTable(table: TableSection): string {
    // Without links (every table of a report but a threat list with bug URLs), a cell is its text escaped.
    const section = table.columns.some(c => c.linkFor !== undefined) ? linkedSection(table) : undefined;
    const columns = section?.columns ?? table.columns;
    const line = (cells: readonly LinkedCell[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
    const delimiter = `| ${columns.map(c => (c.style === 'number' ? '---:' : '---')).join(' | ')} |`;
    const rows = section
        ? section.rows.map(line)
        : table.rows.map(row => `| ${columns.map((_, i) => escapeMarkdownCell(row[i] ?? '')).join(' | ')} |`);
    return [line(columns.map(c => ({ text: c.header }))), delimiter, ...rows, ''].join('\n');
}

/** The cell's text, escaped; a link `[text](url)` when it has one. */
function markdownCell({ text, href }: LinkedCell): string {
    return href === undefined ? escapeMarkdownCell(text) : `[${escapeMarkdownCell(text)}](${markdownDestination(href)})`;
}

/**
 * A URL as a link destination inside a table cell: the characters that would end the
 * destination, escape in it or split the cell (parentheses, a backslash, `|`, `<`, `>` and spaces) percent-encoded.
 */
export function markdownDestination(url: string): string {
    return url.replace(/[()\\|<> ]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * The columns a reviewer scans first, right after ID and Title in the Markdown threat list: a
 * Markdown preview shows a wide table's first columns only. CSV, HTML and JSON keep the order
 * of docs/threat-table.md#the-threat-list.
 */
const MARKDOWN_EARLY_COLUMNS: readonly string[] = ['risk', 'rating', 'response', 'mitigationStatus'];

/** The threat list with {@link MARKDOWN_EARLY_COLUMNS} moved after Title, every other column in its order. */
export function markdownThreatSection(section: TableSection): TableSection {
    const keys = section.columns.map(c => c.key);
    const early = MARKDOWN_EARLY_COLUMNS.filter(key => keys.includes(key));
    const rest = keys.filter(key => !early.includes(key));
    const order = [...rest.slice(0, rest.indexOf('title') + 1), ...early, ...rest.slice(rest.indexOf('title') + 1)].map(key => keys.indexOf(key));
    return { columns: order.map(i => section.columns[i]!), rows: section.rows.map(row => order.map(i => row[i] ?? '')) };
}

/** "Files: a.tm, b.tm. 2 threats: 0 High, 1 Medium, 1 Low." as one escaped paragraph. */
export function markdownScopeLine(table: ThreatTable): string {
    const files = table.files.length === 1 ? 'File' : 'Files';
    return escapeMarkdownText(`${files}: ${table.files.join(', ')}. ${ratingSummary(table.ratings)}.`);
}

/** The threat list with its legend, then the coverage matrix under a second-level heading. */
export function formatThreatTableSections(table: ThreatTable): string {
    return [
        formatMarkdownTable(markdownThreatSection(table.threats)),
        escapeMarkdownText(DREAD_LEGEND),
        '',
        '## STRIDE coverage',
        '',
        formatMarkdownTable(table.coverage),
        escapeMarkdownText(COVERAGE_LEGEND),
        '',
    ].join('\n');
}

/** `tml table --format md`: a Markdown document with the threat list and the coverage matrix. */
export function formatThreatTableMarkdown(table: ThreatTable): string {
    return [
        `# ${escapeMarkdownText(threatTableTitle(table))}`,
        '',
        markdownScopeLine(table),
        '',
        formatThreatTableSections(table),
    ].join('\n');
}
