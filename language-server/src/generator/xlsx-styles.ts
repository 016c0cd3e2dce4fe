import { CELL_FILLS, HEADER_FILL, NOT_APPLICABLE_TEXT } from './table-colours.js';

/** The first id of a custom number format (0–163 are Excel's built-in ones). */
const ONE_DECIMAL_FORMAT = 164;

/** The fill colours in the order of `<fills>` after the two every workbook starts with (none, gray125). */
const FILLS = [HEADER_FILL, ...new Set(Object.values(CELL_FILLS))];

/**
 * Cell formats (`s="…"` in a sheet) of the xlsx table: every cell top-aligned and wrapped; the
 * header bold on grey; rated and coverage cells filled in {@link CELL_FILLS}, "not applicable"
 * in grey text.
 */
export const STYLE = {
    body: 0,
    header: 1,
    notApplicable: 2,
    /** A number shown with one decimal, as the other formats write the risk ("5.0", not "5"). */
    oneDecimal: 3 + FILLS.length - 1,
    /** The format of a rating or coverage cell with this value. */
    valued(text: string): number {
        const colour = Object.hasOwn(CELL_FILLS, text) ? CELL_FILLS[text] : undefined;
        if (colour !== undefined) return 2 + FILLS.indexOf(colour);
        return text === 'not applicable' ? STYLE.notApplicable : STYLE.body;
    },
} as const;

/** `xl/styles.xml`: fonts (normal, bold, grey), the fills, and the cell formats of {@link STYLE}. */
export function stylesXml(): string {
    const fill = (rgb: string): string => `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
    const xf = (font: number, fillId: number): string =>
        `<xf numFmtId="0" fontId="${font}" fillId="${fillId}" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`;
    // Format 3 onwards: one per cell fill, in FILLS order after the header's (fill ids from 3).
    const formats = [xf(0, 0), xf(1, 2), xf(2, 0), ...FILLS.slice(1).map((_, i) => xf(0, 3 + i)), xf(0, 0).replace('numFmtId="0"', `numFmtId="${ONE_DECIMAL_FORMAT}" applyNumberFormat="1"`)];
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + `<numFmts count="1"><numFmt numFmtId="${ONE_DECIMAL_FORMAT}" formatCode="0.0"/></numFmts>`
        + '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
        + `<font><sz val="11"/><color rgb="FF${NOT_APPLICABLE_TEXT}"/><name val="Calibri"/><family val="2"/></font></fonts>`
        + `<fills count="${2 + FILLS.length}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${FILLS.map(fill).join('')}</fills>`
        + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        + `<cellXfs count="${formats.length}">${formats.join('')}</cellXfs>`
        + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        + '</styleSheet>';
}
