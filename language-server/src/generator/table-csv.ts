import { csvRecord } from './escape-csv.js';
import type { TableSection, ThreatTable } from './table-model.js';

/**
 * `tml table --format csv`: the threat list, an empty record, then the coverage matrix, each with
 * its header. Every record has as many fields as the widest table (RFC 4180 asks for the same
 * number throughout), so the narrower one is padded with empty fields. A UTF-8 byte order mark
 * comes first: without it, spreadsheets read the file in a legacy code page and garble every
 * non-ASCII character.
 */
export function formatThreatTableCsv(table: ThreatTable): string {
    const width = Math.max(table.threats.columns.length, table.coverage.columns.length);
    const pad = (cells: readonly string[]): string[] => [...cells, ...Array<string>(width - cells.length).fill('')];
    const records = (section: TableSection): string[] =>
        [section.columns.map(c => c.header), ...section.rows].map(cells => csvRecord(pad(cells)));
    return ['\uFEFF', ...records(table.threats), csvRecord(pad([])), ...records(table.coverage)].join('');
}
