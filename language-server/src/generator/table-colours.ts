/**
 * The background colours of rated and coverage cells, by cell value: the HTML table's CSS is written
 * from them (table-html.ts; test/unit/table-xlsx.test.ts checks the two agree) and the xlsx table fills them:
 * red for High and missing, amber for Medium and unmitigated, green for Low, addressed and excluded.
 */
export const CELL_FILLS: Readonly<Record<string, string>> = {
    High: 'F8D0D0', Medium: 'FBE8C0', Low: 'DCEFD8',
    addressed: 'DCEFD8', excluded: 'DCEFD8', unmitigated: 'FBE8C0', missing: 'F8D0D0',
};

/** The header row's background. */
export const HEADER_FILL = 'ECECEC';

/** "not applicable" coverage cells are written in grey, not filled. */
export const NOT_APPLICABLE_TEXT = '888888';
