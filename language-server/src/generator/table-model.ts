/**
 * The threat-list table of docs/language.md#outputs as plain data: every cell is already the text every
 * output format shows, so Markdown, CSV, HTML and JSON carry the same content by construction.
 */

/** How a column's cells are presented where the format can say so (HTML, Markdown alignment). */
export type ColumnStyle = 'text' | 'number' | 'rating' | 'coverage';

export interface TableColumn {
    /** The JSON property name of the column: unique, camelCase. */
    readonly key: string;
    /** The header as printed (`D` twice: Damage and Discoverability). */
    readonly header: string;
    /** What an abbreviated header stands for. */
    readonly meaning?: string;
    readonly style: ColumnStyle;
}

/** One table: a header and its rows, each row one cell per column, in column order. */
export interface TableSection {
    readonly columns: readonly TableColumn[];
    readonly rows: readonly (readonly string[])[];
}

/** How many threats there are of each rating, for the summary line. */
export interface RatingCounts {
    readonly High: number;
    readonly Medium: number;
    readonly Low: number;
    /** No complete, in-range DREAD block. */
    readonly notRated: number;
}

export interface ThreatTable {
    /** The system's title(s), or the empty string when the model declares no `system`. */
    readonly title: string;
    /** The files the table covers, as the user refers to them. */
    readonly files: readonly string[];
    readonly ratings: RatingCounts;
    /** The threat list: one row per threat, highest risk first. */
    readonly threats: TableSection;
    /** The STRIDE coverage matrix: one row per DFD element, one column per category. */
    readonly coverage: TableSection;
}

/** The threat list's columns, in the order of docs/language.md#outputs, then References (docs/language.md#optional-attributes). */
export const THREAT_COLUMNS: readonly TableColumn[] = [
    { key: 'id', header: 'ID', style: 'text' },
    { key: 'title', header: 'Title', style: 'text' },
    { key: 'stride', header: 'STRIDE', style: 'text' },
    { key: 'targets', header: 'Targets', style: 'text' },
    { key: 'assets', header: 'Assets', style: 'text' },
    { key: 'description', header: 'Description', style: 'text' },
    { key: 'impact', header: 'Impact', style: 'text' },
    { key: 'damage', header: 'D', meaning: 'Damage', style: 'number' },
    { key: 'reproducibility', header: 'R', meaning: 'Reproducibility', style: 'number' },
    { key: 'exploitability', header: 'E', meaning: 'Exploitability', style: 'number' },
    { key: 'affectedUsers', header: 'A', meaning: 'Affected users', style: 'number' },
    { key: 'discoverability', header: 'D', meaning: 'Discoverability', style: 'number' },
    { key: 'risk', header: 'Risk', meaning: 'Mean of the five DREAD factors', style: 'number' },
    { key: 'rating', header: 'Rating', style: 'rating' },
    { key: 'response', header: 'Response', style: 'text' },
    { key: 'mitigations', header: 'Mitigations', style: 'text' },
    { key: 'mitigationStatus', header: 'Mitigation status', style: 'text' },
    { key: 'bug', header: 'Bug', style: 'text' },
    { key: 'references', header: 'References', meaning: 'CWE and CAPEC entries, and the rule the threat answers', style: 'text' },
];

/** The coverage matrix's columns: the element, then one per STRIDE category in STRIDE order. */
export const COVERAGE_COLUMNS: readonly TableColumn[] = [
    { key: 'element', header: 'Element', style: 'text' },
    { key: 'title', header: 'Title', style: 'text' },
    { key: 'kind', header: 'Kind', style: 'text' },
    { key: 'spoofing', header: 'Spoofing', style: 'coverage' },
    { key: 'tampering', header: 'Tampering', style: 'coverage' },
    { key: 'repudiation', header: 'Repudiation', style: 'coverage' },
    { key: 'informationDisclosure', header: 'InformationDisclosure', style: 'coverage' },
    { key: 'denialOfService', header: 'DenialOfService', style: 'coverage' },
    { key: 'elevationOfPrivilege', header: 'ElevationOfPrivilege', style: 'coverage' },
];

/** The explanation printed under the threat list in Markdown and HTML. */
export const DREAD_LEGEND = 'D, R, E, A, D: the DREAD factors Damage, Reproducibility, Exploitability, Affected users and Discoverability (0–10). '
    + 'Risk: their mean; rating High from 7.0, Medium from 4.0, Low below. Threats without a complete rating come last.';

/** "Online Store: 2 threats (0 High, 1 Medium, 1 Low)". */
export function ratingSummary(ratings: RatingCounts): string {
    const total = ratings.High + ratings.Medium + ratings.Low + ratings.notRated;
    const parts = [`${ratings.High} High`, `${ratings.Medium} Medium`, `${ratings.Low} Low`];
    if (ratings.notRated > 0) parts.push(`${ratings.notRated} not rated`);
    return `${total} ${total === 1 ? 'threat' : 'threats'}: ${parts.join(', ')}`;
}

/** The explanation printed under the coverage matrix in Markdown and HTML. */
export const COVERAGE_LEGEND = 'addressed: every threat for the category is addressed; unmitigated: a threat for it is not addressed yet; '
    + 'missing: no threat and no exclude; excluded: an exclude says why it does not matter; not applicable: the category does not apply to the kind of element.';

/** The document title: "Threat list: Online Store", or "Threat list" without a system. */
export function threatTableTitle(table: ThreatTable): string {
    return table.title === '' ? 'Threat list' : `Threat list: ${table.title}`;
}
