import { formatThreatTableCsv, formatThreatTablesCsv } from './table-csv.js';
import { formatThreatTableHtml, formatThreatTablesHtml } from './table-html.js';
import { formatThreatTableJson, formatThreatTablesJson } from './table-json.js';
import { formatThreatTableMarkdown } from './table-markdown.js';
import type { ThreatTable } from './table-model.js';
import type { TableFormat } from '../shared/formats.js';

/** The threat table in one format. */
export function formatThreatTable(table: ThreatTable, format: TableFormat): string {
    switch (format) {
        case 'md': return formatThreatTableMarkdown(table);
        case 'csv': return formatThreatTableCsv(table);
        case 'html': return formatThreatTableHtml(table);
        case 'json': return formatThreatTableJson(table);
    }
}

/**
 * The threat tables of several models (docs/language.md#models-in-a-workspace) in one format: Markdown documents one after
 * the other, one HTML page with a section per model, CSV blocks each under a record with the
 * model's title, a JSON array. One table is formatted exactly as {@link formatThreatTable} does.
 */
export function formatThreatTables(tables: readonly ThreatTable[], format: TableFormat): string {
    const [only] = tables;
    if (tables.length === 1 && only) return formatThreatTable(only, format);
    switch (format) {
        case 'md': return tables.map(formatThreatTableMarkdown).join('\n');
        case 'csv': return formatThreatTablesCsv(tables);
        case 'html': return formatThreatTablesHtml(tables);
        case 'json': return formatThreatTablesJson(tables);
    }
}
