import { csvRecord } from './escape-csv.js';
import type { TableSection, ThreatTable } from './table-model.js';
import { threatTableTitle } from './table-model.js';

/**
 * `tml table --format csv`: the threat list, an empty record, then the coverage matrix, each with
 * its header. Every record has as many fields as the widest table (RFC 4180 asks for the same
 * number throughout), so the narrower one is padded with empty fields. A UTF-8 byte order mark
 * comes first: without it, spreadsheets read the file in a legacy code page and garble every
 * non-ASCII character.
 */
export function formatThreatTableCsv(table: ThreatTable): string {
    return ['\uFEFF', ...tableRecords(table, widthOf([table]))].join('');
}

/**
 * Several models' tables (docs/language.md#models-in-a-workspace): for each, a record with its title ("Threat list: …"),
 * then its threat list and coverage matrix as {@link formatThreatTableCsv} writes them, with an
 * empty record between models.
 */
export function formatThreatTablesCsv(tables: readonly ThreatTable[]): string {
    const width = widthOf(tables);
    const blocks = tables.map(table => [csvRecord(padTo(width, [threatTableTitle(table)])), ...tableRecords(table, width)].join(''));
    return `\uFEFF${blocks.join(csvRecord(padTo(width, [])))}`;
}

function widthOf(tables: readonly ThreatTable[]): number {
    return Math.max(...tables.flatMap(t => [t.threats.columns.length, t.coverage.columns.length]));
}

function padTo(width: number, cells: readonly string[]): string[] {
    return [...cells, ...Array<string>(width - cells.length).fill('')];
}

function tableRecords(table: ThreatTable, width: number): string[] {
    const records = (section: TableSection): string[] =>
        [section.columns.map(c => c.header), ...section.rows].map(cells => csvRecord(padTo(width, cells)));
    return [...records(table.threats), csvRecord(padTo(width, [])), ...records(table.coverage)];
}
