import { escapeMarkdownCell, escapeMarkdownText } from './escape-markdown.js';
import type { LinkedCell } from './table-links.js';
import { linkedSection } from './table-links.js';
import type { TableSection, ThreatTable } from './table-model.js';
import { COVERAGE_LEGEND, DREAD_LEGEND, ratingSummary, threatTableTitle } from './table-model.js';

/** A GitHub-flavoured Markdown table, one line per row, numbers right-aligned; ends with a newline. */
export function formatMarkdownTable(table: TableSection): string {
    const section = linkedSection(table);
    const line = (cells: readonly LinkedCell[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
    const delimiter = `| ${section.columns.map(c => (c.style === 'number' ? '---:' : '---')).join(' | ')} |`;
    return [line(section.columns.map(c => ({ text: c.header }))), delimiter, ...section.rows.map(line), ''].join('\n');
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

/** "Files: a.tm, b.tm. 2 threats: 0 High, 1 Medium, 1 Low." as one escaped paragraph. */
export function markdownScopeLine(table: ThreatTable): string {
    const files = table.files.length === 1 ? 'File' : 'Files';
    return escapeMarkdownText(`${files}: ${table.files.join(', ')}. ${ratingSummary(table.ratings)}.`);
}

/** The threat list with its legend, then the coverage matrix under a second-level heading. */
export function formatThreatTableSections(table: ThreatTable): string {
    return [
        formatMarkdownTable(table.threats),
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
