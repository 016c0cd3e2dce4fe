import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import type { DocumentSymbol, Location, LocationLink, Position, Range, WorkspaceSymbol } from 'vscode-languageserver';
import { FoldingRangeKind, ResponseError, SymbolKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkWorkspace, services } from './helpers/workspace.js';

/** The DFD of a small model: an element nested two boundaries deep, referenced from the other file. */
const DFD = `boundary Internet "Public internet" {
    external Customer "Customer's browser"
}

boundary Dmz "DMZ" {
    process Storefront "Storefront web app" {
        technology "Node.js 20"
    }
    boundary Inner "Inner network" {
        datastore OrdersDb "Orders database" {
            logs
        }
    }
}

flow PlaceOrder: Customer -> Storefront "Submit order"
`;

const THREATS = `threat SessionHijack "Stolen session cookie" {
    stride Spoofing
    targets Customer, Storefront
    mitigatedBy SecureCookies
}

/* Mitigations: what the
   storefront does about
   its threats. */
mitigation SecureCookies "HttpOnly cookies" { status planned }

exclude Tampering on Storefront "Covered by the platform's code signing."
`;

const URI_DFD = 'file:///workspace/dfd.tm';
const URI_THREATS = 'file:///workspace/threats.tm';

async function loadModel(): Promise<{ dfd: LangiumDocument; threats: LangiumDocument }> {
    const [dfd, threats] = await checkWorkspace({ 'dfd.tm': DFD, 'threats.tm': THREATS });
    assert.deepEqual([...dfd!.diagnostics, ...threats!.diagnostics].filter(d => d.severity === 1), []);
    return { dfd: dfd!.document, threats: threats!.document };
}

/** The position of the `occurrence`-th `needle` in the document (0-based occurrence). */
function positionOf(document: LangiumDocument, needle: string, occurrence = 0): Position {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        assert.ok(offset >= 0, `'${needle}' #${occurrence} not in ${document.uri.toString()}`);
    }
    return document.textDocument.positionAt(offset);
}

/** `file.tm:line:col-line:col`, 1-based, for exact comparison of locations. */
function describeRange(uri: string, range: Range): string {
    const file = uri.slice(uri.lastIndexOf('/') + 1);
    return `${file}:${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** "Struct" for `SymbolKind.Struct`: `SymbolKind` is a namespace of numbers, not an enum. */
function kindName(kind: SymbolKind): string {
    return Object.entries(SymbolKind).find(([, value]) => value === kind)?.[0] ?? String(kind);
}

function outline(symbols: readonly DocumentSymbol[] | undefined): unknown[] {
    return (symbols ?? []).map(s => {
        return s.children ? [s.name, kindName(s.kind), s.detail, outline(s.children)] : [s.name, kindName(s.kind), s.detail];
    });
}

describe('navigation', () => {
    it('goes to the definition of an element nested in boundaries, in another file', async () => {
        const { threats } = await loadModel();
        const links = await services.ThreatModel.lsp.DefinitionProvider!.getDefinition(threats, {
            textDocument: { uri: URI_THREATS },
            position: positionOf(threats, 'Storefront'),
        }) as LocationLink[] | undefined;
        assert.deepEqual(links?.map(l => [describeRange(l.targetUri, l.targetSelectionRange), describeRange(l.targetUri, l.targetRange)]), [
            ['dfd.tm:6:13-6:23', 'dfd.tm:6:5-8:6'],
        ]);
    });

    it('finds every reference to an element across files, with or without its declaration', async () => {
        const { dfd } = await loadModel();
        const find = async (includeDeclaration: boolean): Promise<string[]> => {
            const locations: Location[] = await services.ThreatModel.lsp.ReferencesProvider!.findReferences(dfd, {
                textDocument: { uri: URI_DFD },
                position: positionOf(dfd, 'Storefront "'),
                context: { includeDeclaration },
            });
            return locations.map(l => describeRange(l.uri, l.range)).sort();
        };
        assert.deepEqual(await find(true), [
            'dfd.tm:16:30-16:40', 'dfd.tm:6:13-6:23', 'threats.tm:12:22-12:32', 'threats.tm:3:23-3:33',
        ]);
        assert.deepEqual(await find(false), ['dfd.tm:16:30-16:40', 'threats.tm:12:22-12:32', 'threats.tm:3:23-3:33']);
    });

    describe('rename', () => {
        it('renames the declaration and every reference in both files', async () => {
            const { threats } = await loadModel();
            const edit = await services.ThreatModel.lsp.RenameProvider!.rename(threats, {
                textDocument: { uri: URI_THREATS },
                position: positionOf(threats, 'Storefront'),
                newName: 'WebApp',
            });
            const apply = (uri: string, text: string): string =>
                TextDocument.applyEdits(TextDocument.create(uri, 'threat-model', 0, text), edit?.changes?.[uri] ?? []);
            assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), [URI_DFD, URI_THREATS]);
            assert.equal(apply(URI_DFD, DFD), DFD
                .replace('process Storefront "', 'process WebApp "')
                .replace('Customer -> Storefront', 'Customer -> WebApp'));
            assert.equal(apply(URI_THREATS, THREATS), THREATS
                .replace('targets Customer, Storefront', 'targets Customer, WebApp')
                .replace('on Storefront', 'on WebApp'));
            const [dfdAfter, threatsAfter] = await checkWorkspace({ 'dfd.tm': apply(URI_DFD, DFD), 'threats.tm': apply(URI_THREATS, THREATS) });
            assert.deepEqual([...dfdAfter!.diagnostics, ...threatsAfter!.diagnostics].filter(d => d.severity === 1), []);
        });

        it('renames from the declaration as well as from a reference', async () => {
            const { dfd } = await loadModel();
            const edit = await services.ThreatModel.lsp.RenameProvider!.rename(dfd, {
                textDocument: { uri: URI_DFD },
                position: positionOf(dfd, 'Customer "'),
                newName: 'Shopper',
            });
            const ranges = Object.entries(edit?.changes ?? {}).flatMap(([uri, edits]) => edits.map(e => `${describeRange(uri, e.range)} ${e.newText}`));
            assert.deepEqual(ranges.sort(), [
                'dfd.tm:16:18-16:26 Shopper', 'dfd.tm:2:14-2:22 Shopper', 'threats.tm:3:13-3:21 Shopper',
            ]);
        });

        it('refuses a new name that is a keyword or not an identifier, so no file breaks', async () => {
            const { threats } = await loadModel();
            for (const newName of ['threat', 'Web App', '1st', 'a-b', '']) {
                await assert.rejects(
                    async () => services.ThreatModel.lsp.RenameProvider!.rename(threats, {
                        textDocument: { uri: URI_THREATS }, position: positionOf(threats, 'Storefront'), newName,
                    }),
                    (error: unknown) => error instanceof ResponseError && error.message.startsWith(`'${newName}' is not a valid name`),
                    newName,
                );
            }
        });
    });

    describe('symbols', () => {
        it('outlines a file with its boundary nesting, each symbol titled and with an icon for its kind', async () => {
            const { dfd, threats } = await loadModel();
            const symbols = (document: LangiumDocument, uri: string): Promise<DocumentSymbol[]> =>
                Promise.resolve(services.ThreatModel.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri } }));
            assert.deepEqual(outline(await symbols(dfd, URI_DFD)), [
                ['Internet', 'Namespace', 'Public internet', [
                    ['Customer', 'Interface', "Customer's browser"],
                ]],
                ['Dmz', 'Namespace', 'DMZ', [
                    ['Storefront', 'Function', 'Storefront web app'],
                    ['Inner', 'Namespace', 'Inner network', [
                        ['OrdersDb', 'Struct', 'Orders database'],
                    ]],
                ]],
                ['PlaceOrder', 'Event', 'Submit order'],
            ]);
            assert.deepEqual(outline(await symbols(threats, URI_THREATS)), [
                ['SessionHijack', 'Class', 'Stolen session cookie'],
                ['SecureCookies', 'Property', 'HttpOnly cookies'],
            ]);
        });

        it('the outline symbol spans the declaration and selects its name', async () => {
            const { dfd } = await loadModel();
            const [, dmz] = await Promise.resolve(services.ThreatModel.lsp.DocumentSymbolProvider!.getSymbols(dfd, { textDocument: { uri: URI_DFD } }));
            assert.equal(describeRange(URI_DFD, dmz!.range), 'dfd.tm:5:1-14:2');
            assert.equal(describeRange(URI_DFD, dmz!.selectionRange), 'dfd.tm:5:10-5:13');
        });

        it('finds a nested element by part of its name among the workspace symbols', async () => {
            await loadModel();
            const found = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Orders' }) as WorkspaceSymbol[];
            assert.deepEqual(found.map(s => [s.name, kindName(s.kind), 'range' in s.location ? describeRange(s.location.uri, s.location.range) : s.location.uri]), [
                ['OrdersDb', 'Struct', 'dfd.tm:10:19-10:27'],
            ]);
        });
    });

    it('folds multi-line boundaries, bodies and block comments, leaving the closing line visible', async () => {
        const { dfd, threats } = await loadModel();
        const folds = async (document: LangiumDocument, uri: string): Promise<string[]> => {
            const ranges = await services.ThreatModel.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri } });
            return ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`);
        };
        assert.deepEqual(await folds(dfd, URI_DFD), ['1-2', '5-13', '6-7', '9-12', '10-11']);
        assert.deepEqual(await folds(threats, URI_THREATS), ['1-4', `7-8 ${FoldingRangeKind.Comment}`]);
    });
});
