import type { TableSection, ThreatTable } from './table-model.js';
import { threatTableTitle } from './table-model.js';

/** A table in JSON: its columns (key and header), and each row as an object from column key to cell text. */
export interface JsonTable {
    readonly columns: readonly { readonly key: string; readonly header: string }[];
    readonly rows: readonly Readonly<Record<string, string>>[];
}

/** `tml table --format json`: the same cells as every other format, as text, under the columns' keys. */
export interface JsonThreatTable {
    readonly title: string;
    readonly files: readonly string[];
    readonly ratings: ThreatTable['ratings'];
    readonly threats: JsonTable;
    readonly coverage: JsonTable;
}

function jsonTable(section: TableSection): JsonTable {
    return {
        columns: section.columns.map(({ key, header }) => ({ key, header })),
        rows: section.rows.map(cells => Object.fromEntries(section.columns.map((column, i) => [column.key, cells[i] ?? '']))),
    };
}

/** Pretty-printed with two spaces, ending with a newline. */
export function formatThreatTableJson(table: ThreatTable): string {
    return `${JSON.stringify(jsonThreatTable(table), undefined, 2)}\n`;
}

/** Several models' tables (docs/language.md#models-in-a-workspace): an array of what {@link formatThreatTableJson} writes for each. */
export function formatThreatTablesJson(tables: readonly ThreatTable[]): string {
    return `${JSON.stringify(tables.map(jsonThreatTable), undefined, 2)}\n`;
}

function jsonThreatTable(table: ThreatTable): JsonThreatTable {
    return {
        title: threatTableTitle(table),
        files: table.files,
        ratings: table.ratings,
        threats: jsonTable(table.threats),
        coverage: jsonTable(table.coverage),
    };
}
