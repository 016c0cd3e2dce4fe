/**
 * CSV fields as RFC 4180 writes them, safe to open in a spreadsheet.
 */

import { visibleText } from '../model/visible-text.js';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"): a model
 * title such as `=HYPERLINK(…)` must stay text when the threat list is opened in Excel. Spreadsheets
 * skip leading whitespace before `=`, `+`, `-` and `@` (`   =1+1` is a formula too), and a leading
 * tab or carriage return starts one on its own.
 */
const FORMULA_TRIGGER = /^\s*[=+\-@]|^[\t\r]/;

/** The text with a leading `'` when it starts with a formula trigger, else unchanged. */
export function neutraliseFormula(text: string): string {
    return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/**
 * One field: invisible characters made visible, neutralised (see {@link neutraliseFormula}),
 * always quoted, inner quotes doubled. Quoting every field keeps line breaks, commas and quotes
 * inside it without case analysis.
 */
export function escapeCsvField(text: string): string {
    return `"${spreadsheetText(text).replace(/"/g, '""')}"`;
}

/** A cell's text as every spreadsheet output writes it (CSV and xlsx): invisible characters made visible, formulas neutralised. */
export function spreadsheetText(text: string): string {
    return neutraliseFormula(visibleText(text));
}

/** RFC 4180 ends every record with CRLF. */
export const CSV_LINE_END = '\r\n';

/** One record: the fields escaped, separated by commas, ended by CRLF. */
export function csvRecord(fields: readonly string[]): string {
    return `${fields.map(escapeCsvField).join(',')}${CSV_LINE_END}`;
}
