import type { TableColumn, TableSection } from './table-model.js';

/** A cell as the formats that can link show it: its text and, when it is a link, where to. */
export interface LinkedCell {
    readonly text: string;
    readonly href?: string;
}

/** A table with its URL columns folded into the cells they link (see {@link TableColumn.linkFor}). */
export interface LinkedSection {
    readonly columns: readonly TableColumn[];
    readonly rows: readonly (readonly LinkedCell[])[];
}

/**
 * The section for HTML and Markdown: every column that holds another column's URLs is left out,
 * and the other column's cells link to them (an empty URL is no link).
 */
export function linkedSection(section: TableSection): LinkedSection {
    const keyIndex = new Map(section.columns.map((column, i) => [column.key, i]));
    const linkOf = new Map<number, number>();
    section.columns.forEach((column, i) => {
        const target = column.linkFor === undefined ? undefined : keyIndex.get(column.linkFor);
        if (target !== undefined) linkOf.set(target, i);
    });
    const shown = section.columns.flatMap((column, i) => (column.linkFor === undefined ? [i] : []));
    return {
        columns: shown.map(i => section.columns[i]!),
        rows: section.rows.map(row => shown.map(i => {
            const text = row[i] ?? '';
            const link = linkOf.get(i);
            const href = link === undefined ? '' : row[link] ?? '';
            return href === '' || text === '' ? { text } : { text, href };
        })),
    };
}
