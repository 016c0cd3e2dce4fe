import * as assert from 'node:assert/strict';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { CELL_FILLS, HEADER_FILL, NOT_APPLICABLE_TEXT } from '../../language-server/src/generator/table-colours.js';
import { formatThreatTableHtml } from '../../language-server/src/generator/table-html.js';
import type { ThreatTable } from '../../language-server/src/generator/table-model.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { cellRef, formatThreatTablesXlsx, MAX_CELL_LENGTH } from '../../language-server/src/generator/table-xlsx.js';
import { crc32 } from '../../language-server/src/generator/zip-writer.js';
import type { XmlElement } from '../../language-server/src/interop/xml.js';
import { childNamed, childrenNamed, parseXml } from '../../language-server/src/interop/xml.js';
import { checkWorkspace, services } from './helpers/workspace.js';
import { CSV_FORMULA } from './table-parse-back.js';

/** Reads a ZIP archive with its central directory, checking each entry's CRC with zlib's own. */
function unzip(bytes: Uint8Array): Map<string, string> {
    const buffer = Buffer.from(bytes);
    const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    assert.ok(end >= 0, 'no end of central directory');
    const count = buffer.readUInt16LE(end + 10);
    let at = buffer.readUInt32LE(end + 16);
    const files = new Map<string, string>();
    for (let i = 0; i < count; i++) {
        assert.equal(buffer.readUInt32LE(at), 0x02014b50);
        const method = buffer.readUInt16LE(at + 10);
        const crc = buffer.readUInt32LE(at + 16);
        const size = buffer.readUInt32LE(at + 20);
        const nameLength = buffer.readUInt16LE(at + 28);
        const local = buffer.readUInt32LE(at + 42);
        const name = buffer.subarray(at + 46, at + 46 + nameLength).toString('utf8');
        const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
        assert.equal(method, 8, name);
        const data = inflateRawSync(buffer.subarray(start, start + size));
        assert.equal(zlibCrc32(data), crc, `${name}: CRC`);
        files.set(name, data.toString('utf8'));
        at += 46 + nameLength;
    }
    return files;
}

/** A sheet's cells as text, row by row (`<v>` numbers as written, inline strings' text), and the cells' elements by reference. */
function readSheet(xml: string): { rows: string[][]; cells: Map<string, XmlElement>; root: XmlElement } {
    const root = parseXml(xml);
    const cells = new Map<string, XmlElement>();
    const rows = childrenNamed(childNamed(root, 'sheetData')!, 'row').map(row => {
        const values: string[] = [];
        for (const cell of childrenNamed(row, 'c')) {
            const ref = cell.attributes.get('r')!;
            cells.set(ref, cell);
            const column = /^[A-Z]+/.exec(ref)![0].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
            while (values.length < column) values.push('');
            const text = cell.attributes.get('t') === 'inlineStr' ? childNamed(childNamed(cell, 'is'), 't')!.text : childNamed(cell, 'v')!.text;
            values.push(text);
        }
        return values;
    });
    // Empty cells are left out of the file: pad every row to the header's width.
    const width = rows[0]?.length ?? 0;
    return { rows: rows.map(r => [...r, ...Array<string>(Math.max(0, width - r.length)).fill('')]), cells, root };
}

/** The fill colour (`RRGGBB`) and font colour a cell's style index gives, from styles.xml. */
function cellLook(styles: string, index: number): { fill?: string; font?: string; bold: boolean } {
    const root = parseXml(styles);
    const xf = childrenNamed(childNamed(root, 'cellXfs')!, 'xf')[index]!;
    const fill = childrenNamed(childNamed(root, 'fills')!, 'fill')[Number(xf.attributes.get('fillId'))]!;
    const font = childrenNamed(childNamed(root, 'fonts')!, 'font')[Number(xf.attributes.get('fontId'))]!;
    const fg = childNamed(childNamed(fill, 'patternFill'), 'fgColor')?.attributes.get('rgb');
    const color = childNamed(font, 'color')?.attributes.get('rgb');
    return { ...(fg ? { fill: fg.slice(2) } : {}), ...(color ? { font: color.slice(2) } : {}), bold: childNamed(font, 'b') !== undefined };
}

const INJECTION = "=cmd|' /C calc'!A0";

const MODEL = `system Shop "Shop"
process Api "API"
datastore Db "Orders" 
flow Save: Api -> Db "Save"
threat High "${INJECTION.replace(/"/g, '\\"')}" { stride Spoofing targets Api dread { damage 9 reproducibility 8 exploitability 8 affectedUsers 9 discoverability 8 } }
threat Medium "Medium one" { stride Tampering targets Db dread { damage 5 reproducibility 5 exploitability 5 affectedUsers 5 discoverability 5 } response accept justification "+1 is fine" }
threat Low "Low one" { stride DenialOfService targets Save dread { damage 1 reproducibility 2 exploitability 1 affectedUsers 1 discoverability 2 } }
threat Unrated "@SUM(1)" { stride InformationDisclosure targets Save }
exclude Repudiation on Api "Audited."
`;

async function tableOf(files: Record<string, string>): Promise<ThreatTable[]> {
    const checked = await checkWorkspace(files);
    const model = checked[0]!.document.parseResult.value;
    return [buildThreatTable(workspaceTableInput(checked.map(c => ({ path: c.document.uri.path.split('/').pop()!, model: c.document.parseResult.value })), services.ThreatModel.workspace.ModelIndex.coverage(model)))];
}

describe('tml table --format xlsx', () => {
    it('writes a ZIP of the Office Open XML parts, the same bytes every time', async () => {
        const tables = await tableOf({ 'shop.tm': MODEL });
        const bytes = formatThreatTablesXlsx(tables);
        assert.deepEqual([...unzip(bytes).keys()], [
            '[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml',
        ]);
        assert.deepEqual(formatThreatTablesXlsx(tables), bytes);
        assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    });

    it('holds the threat list and the coverage matrix cell for cell, text as inline strings and DREAD figures as numbers', async () => {
        const [table] = await tableOf({ 'shop.tm': MODEL });
        const files = unzip(formatThreatTablesXlsx([table!]));
        const workbook = parseXml(files.get('xl/workbook.xml')!);
        assert.deepEqual(childrenNamed(childNamed(workbook, 'sheets')!, 'sheet').map(s => s.attributes.get('name')), ['Threats', 'STRIDE coverage']);
        const threats = readSheet(files.get('xl/worksheets/sheet1.xml')!);
        assert.deepEqual(threats.rows, [
            table!.threats.columns.map(c => c.header),
            ...table!.threats.rows.map(row => row.map(cell => (CSV_FORMULA.test(cell) ? `'${cell}` : cell))),
        ]);
        assert.deepEqual(threats.rows.slice(1).map(r => [r[0], r[1], r[12], r[13], r[14]]), [
            ['High', `'${INJECTION}`, '8.4', 'High', ''],
            ['Medium', 'Medium one', '5.0', 'Medium', 'accept: +1 is fine'],
            ['Low', 'Low one', '1.4', 'Low', ''],
            ['Unrated', "'@SUM(1)", '', '', ''],
        ]);
        // The injected title stays text: an inline string, and no cell anywhere has a formula.
        assert.equal(threats.cells.get('B2')!.attributes.get('t'), 'inlineStr');
        assert.equal(threats.cells.get('M2')!.attributes.get('t'), undefined, 'the risk is a number');
        // …shown with its one decimal, as the other formats write it.
        assert.match(files.get('xl/styles.xml')!, /<numFmt numFmtId="164" formatCode="0\.0"\/>/);
        const risk = childrenNamed(childNamed(parseXml(files.get('xl/styles.xml')!), 'cellXfs')!, 'xf')[Number(threats.cells.get('M3')!.attributes.get('s'))]!;
        assert.equal(risk.attributes.get('numFmtId'), '164');
        for (const [name, xml] of files) assert.doesNotMatch(xml, /<f[ >]/, name);
        const coverage = readSheet(files.get('xl/worksheets/sheet2.xml')!);
        assert.deepEqual(coverage.rows, [table!.coverage.columns.map(c => c.header), ...table!.coverage.rows.map(row => [...row])]);
    });

    it('filters over the header, freezes it, and fills ratings and coverage in the HTML table\'s colours', async () => {
        const [table] = await tableOf({ 'shop.tm': MODEL });
        const files = unzip(formatThreatTablesXlsx([table!]));
        const styles = files.get('xl/styles.xml')!;
        const threats = readSheet(files.get('xl/worksheets/sheet1.xml')!);
        assert.equal(childNamed(threats.root, 'autoFilter')!.attributes.get('ref'), 'A1:S5');
        const pane = childNamed(childNamed(childNamed(threats.root, 'sheetViews'), 'sheetView'), 'pane')!;
        assert.deepEqual(Object.fromEntries(pane.attributes), { ySplit: '1', topLeftCell: 'A2', activePane: 'bottomLeft', state: 'frozen' });
        const look = (sheet: typeof threats, ref: string): ReturnType<typeof cellLook> => cellLook(styles, Number(sheet.cells.get(ref)!.attributes.get('s')));
        assert.deepEqual(look(threats, 'A1'), { fill: 'ECECEC', bold: true });
        assert.deepEqual(['N2', 'N3', 'N4'].map(ref => look(threats, ref)), [{ fill: 'F8D0D0', bold: false }, { fill: 'FBE8C0', bold: false }, { fill: 'DCEFD8', bold: false }]);
        assert.deepEqual(look(threats, 'B2'), { bold: false });
        const coverage = readSheet(files.get('xl/worksheets/sheet2.xml')!);
        assert.equal(childNamed(coverage.root, 'autoFilter')!.attributes.get('ref'), `A1:I${table!.coverage.rows.length + 1}`);
        const colours = new Map<string, ReturnType<typeof cellLook>>();
        for (const [ref, cell] of coverage.cells) {
            if (!/^[D-I]\d+$/.test(ref) || ref.endsWith('1') && ref.length === 2) continue;
            colours.set(childNamed(childNamed(cell, 'is'), 't')!.text, look(coverage, ref));
        }
        assert.deepEqual(Object.fromEntries(colours), {
            addressed: { fill: 'DCEFD8', bold: false }, excluded: { fill: 'DCEFD8', bold: false }, unmitigated: { fill: 'FBE8C0', bold: false },
            missing: { fill: 'F8D0D0', bold: false }, 'not applicable': { font: '888888', bold: false },
        });
        const workbook = files.get('xl/workbook.xml')!;
        assert.match(workbook, /<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Threats'!\$A\$1:\$S\$5<\/definedName>/);
    });

    it('paints the same colours as the HTML table', async () => {
        const [table] = await tableOf({ 'shop.tm': MODEL });
        const html = formatThreatTableHtml(table!);
        const painted = new Map<string, string>();
        for (const [, selectors, colour] of html.matchAll(/^([.\w\s,-]+)\{ background: #([0-9a-f]{6}); \}$/gm)) {
            for (const selector of selectors!.split(',')) painted.set(selector.trim().slice(1), colour!.toUpperCase());
        }
        for (const [value, colour] of Object.entries(CELL_FILLS)) assert.equal(painted.get(value), colour, value);
        assert.match(html, /\.not-applicable \{ color: #888; \}/);
        assert.match(html, new RegExp(`^thead th \\{ background: #${HEADER_FILL.toLowerCase()}; \\}$`, 'm'));
        assert.equal(NOT_APPLICABLE_TEXT, '888888');
    });

    it('gives several models a Models sheet and a pair of sheets each', async () => {
        const [one] = await tableOf({ 'a.tm': 'system A "Alpha"\nprocess P "P"\n' });
        const [two] = await tableOf({ 'b.tm': 'system B "Beta"\nexternal E "E"\n' });
        const files = unzip(formatThreatTablesXlsx([one!, two!]));
        const workbook = parseXml(files.get('xl/workbook.xml')!);
        assert.deepEqual(childrenNamed(childNamed(workbook, 'sheets')!, 'sheet').map(s => s.attributes.get('name')), ['Models', 'Threats 1', 'Coverage 1', 'Threats 2', 'Coverage 2']);
        assert.deepEqual(readSheet(files.get('xl/worksheets/sheet1.xml')!).rows, [
            ['Model', 'Files', 'Threats', 'Threat list sheet', 'Coverage sheet'],
            ['Threat list: Alpha', 'a.tm', '0 threats: 0 High, 0 Medium, 0 Low', 'Threats 1', 'Coverage 1'],
            ['Threat list: Beta', 'b.tm', '0 threats: 0 High, 0 Medium, 0 Low', 'Threats 2', 'Coverage 2'],
        ]);
    });

    it('caps a cell at Excel\'s 32,767 characters and names columns past Z', () => {
        const long = 'x'.repeat(40000);
        const table: ThreatTable = {
            title: 'T', files: ['t.tm'], ratings: { High: 0, Medium: 0, Low: 0, notRated: 0 },
            threats: { columns: [{ key: 'title', header: 'Title', style: 'text' }], rows: [[long]] },
            coverage: { columns: [{ key: 'element', header: 'Element', style: 'text' }], rows: [] },
        };
        const cell = readSheet(unzip(formatThreatTablesXlsx([table])).get('xl/worksheets/sheet1.xml')!).rows[1]![0]!;
        assert.equal(cell.length, MAX_CELL_LENGTH);
        assert.ok(cell.endsWith('x…'));
        assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(c => cellRef(c, 0)), ['A1', 'Z1', 'AA1', 'AB1', 'AZ1', 'BA1', 'ZZ1', 'AAA1']);
    });
});
