import { spreadsheetText } from './escape-csv.js';
import type { TableColumn, TableSection, ThreatTable } from './table-model.js';
import { ratingSummary, threatTableTitle } from './table-model.js';
import { STYLE, stylesXml } from './xlsx-styles.js';
import { zipArchive } from './zip-writer.js';

/** `tml table --format xlsx` (docs/threat-table.md): the CLI writes it to `--out FILE` only, being binary. */
export const XLSX_FORMAT = 'xlsx';

/** Excel refuses a file with a longer cell ("We found a problem with some content"). */
export const MAX_CELL_LENGTH = 32767;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

interface Sheet {
    readonly name: string;
    readonly section: TableSection;
}

/**
 * The threat tables as an Excel workbook (Office Open XML, written here without a library): per
 * model a "Threats" sheet and a "STRIDE coverage" sheet with the same columns and rows as the CSV,
 * a bold header row that stays in view (frozen) and carries an auto-filter, ratings and coverage
 * filled in the HTML table's colours. Every text cell is an inline string (never a formula), and
 * the text is neutralised as in CSV, so that copying a cell into another sheet cannot start a
 * formula either. The DREAD factors and the risk are numbers, so they sort and filter as numbers.
 * Several models (docs/language.md#models-in-a-workspace): a "Models" sheet first, then "Threats N" and "Coverage N".
 */
export function formatThreatTablesXlsx(tables: readonly ThreatTable[]): Uint8Array {
    const several = tables.length > 1;
    const sheets: Sheet[] = tables.flatMap((table, i) => [
        { name: several ? `Threats ${i + 1}` : 'Threats', section: table.threats },
        { name: several ? `Coverage ${i + 1}` : 'STRIDE coverage', section: table.coverage },
    ]);
    if (several) sheets.unshift({ name: 'Models', section: modelIndex(tables, sheets) });
    const text = (s: string): Uint8Array => Buffer.from(s, 'utf8');
    return zipArchive([
        { name: '[Content_Types].xml', data: text(contentTypes(sheets.length)) },
        { name: '_rels/.rels', data: text(`${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
        { name: 'xl/workbook.xml', data: text(workbookXml(sheets)) },
        { name: 'xl/_rels/workbook.xml.rels', data: text(workbookRels(sheets.length)) },
        { name: 'xl/styles.xml', data: text(stylesXml()) },
        ...sheets.map((sheet, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: text(sheetXml(sheet.section)) })),
    ]);
}

/** The first sheet of a workbook of several models: which sheets hold which model. */
function modelIndex(tables: readonly ThreatTable[], sheets: readonly Sheet[]): TableSection {
    const column = (key: string, header: string): TableColumn => ({ key, header, style: 'text' });
    return {
        columns: [column('model', 'Model'), column('files', 'Files'), column('threats', 'Threats'), column('threatSheet', 'Threat list sheet'), column('coverageSheet', 'Coverage sheet')],
        rows: tables.map((table, i) => [threatTableTitle(table), table.files.join(', '), ratingSummary(table.ratings), sheets[2 * i]!.name, sheets[2 * i + 1]!.name]),
    };
}

function contentTypes(sheetCount: number): string {
    const sheets = Array.from({ length: sheetCount }, (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + `${sheets.join('')}</Types>`;
}

function workbookXml(sheets: readonly Sheet[]): string {
    const entries = sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
    // Excel records each sheet's filter range under this hidden name; some readers look for it.
    const filters = sheets.map((sheet, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(sheet.name)}'!${absolute(filterRange(sheet.section))}</definedName>`);
    return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${entries.join('')}</sheets><definedNames>${filters.join('')}</definedNames></workbook>`;
}

function workbookRels(sheetCount: number): string {
    const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    return `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">${sheets.join('')}<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`;
}

/** The header and rows of one table, the header frozen and filtered. */
function sheetXml(section: TableSection): string {
    const width = section.columns.length;
    const header = section.columns.map((column, c) => textCell(cellRef(c, 0), column.header, STYLE.header));
    const rows = section.rows.map((cells, r) => `<row r="${r + 2}">${cells.slice(0, width).map((text, c) => dataCell(section.columns[c]!, c, r + 1, text)).join('')}</row>`);
    const cols = section.columns.map((column, c) => `<col min="${c + 1}" max="${c + 1}" width="${columnWidth(column, section.rows.map(row => row[c] ?? ''))}" customWidth="1"/>`);
    const range = filterRange(section);
    return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`
        + `<dimension ref="${range}"/>`
        + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        + '<sheetFormatPr defaultRowHeight="15"/>'
        + `<cols>${cols.join('')}</cols>`
        + `<sheetData><row r="1">${header.join('')}</row>${rows.join('')}</sheetData>`
        + `<autoFilter ref="${range}"/>`
        + '</worksheet>';
}

/** A1 to the last column of the last row (the header alone when there is no row). */
function filterRange(section: TableSection): string {
    return `A1:${cellRef(section.columns.length - 1, section.rows.length)}`;
}

function absolute(range: string): string {
    return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

/** Numbers as numbers in number columns; every other cell as an inline string; empty cells left out. */
function dataCell(column: TableColumn, c: number, r: number, text: string): string {
    if (text === '') return '';
    const ref = cellRef(c, r);
    if (column.style === 'number' && /^-?\d{1,9}(\.\d{1,9})?$/.test(text)) return `<c r="${ref}" s="${/\.\d$/.test(text) ? STYLE.oneDecimal : STYLE.body}"><v>${text}</v></c>`;
    return textCell(ref, text, column.style === 'rating' || column.style === 'coverage' ? STYLE.valued(text) : STYLE.body);
}

function textCell(ref: string, text: string, style: number): string {
    const safe = spreadsheetText(text);
    // Cut before a surrogate pair rather than through it: half a pair is not XML.
    const cut = /[\uD800-\uDBFF]/.test(safe.charAt(MAX_CELL_LENGTH - 2)) ? MAX_CELL_LENGTH - 2 : MAX_CELL_LENGTH - 1;
    const capped = safe.length > MAX_CELL_LENGTH ? `${safe.slice(0, cut)}…` : safe;
    return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(capped)}</t></is></c>`;
}

/** Wide enough for the header and the longest line of a cell, between 6 and 60 characters. */
function columnWidth(column: TableColumn, cells: readonly string[]): number {
    const longest = Math.max(column.header.length, ...cells.flatMap(cell => cell.split('\n').map(line => line.length)));
    return Math.min(60, Math.max(6, longest + 2));
}

/** `A1` notation from zero-based column and row numbers (column 26 is `AA`). */
export function cellRef(column: number, row: number): string {
    let letters = '';
    for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    return `${letters}${row + 1}`;
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
