import { formatThreatTableCsv } from './table-csv.js';
import { formatThreatTableHtml } from './table-html.js';
import { formatThreatTableJson } from './table-json.js';
import { formatThreatTableMarkdown } from './table-markdown.js';
import type { ThreatTable } from './table-model.js';

/** The formats of `tml table --format` (DESIGN.md §5). */
export const TABLE_FORMATS = ['md', 'csv', 'html', 'json'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** The threat table in one format. */
export function formatThreatTable(table: ThreatTable, format: TableFormat): string {
    switch (format) {
        case 'md': return formatThreatTableMarkdown(table);
        case 'csv': return formatThreatTableCsv(table);
        case 'html': return formatThreatTableHtml(table);
        case 'json': return formatThreatTableJson(table);
    }
}
