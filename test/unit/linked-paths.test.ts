import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI, UriUtils } from 'langium';
import type { Model } from '../../language-server/src/generated/ast.js';
import type { ThreatModelDocumentLinkProvider } from '../../language-server/src/lsp/document-link-provider.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import type { GitHistory, ReviewState } from '../../language-server/src/workspace/git-history.js';
import { resolveLinkedPath } from '../../language-server/src/workspace/linked-path.js';
import { NodeSourceFiles } from '../../language-server/src/workspace/node-source-files.js';
import type { LinkedFileState, SourceFiles } from '../../language-server/src/workspace/source-files.js';
import { StalenessTracker } from '../../language-server/src/workspace/staleness.js';
import { buildAlone, describeFinding } from './helpers/workspace.js';

/** How a path text resolves, compactly: the file URI, or `refused <reason>`, or `not checked`. */
function resolved(model: string, folders: readonly string[], text: string): string {
    const result = resolveLinkedPath(URI.parse(model), folders.map(f => URI.parse(f)), text);
    if (!result) return 'not checked';
    return result.kind === 'refused' ? `refused ${result.reason}` : `${result.file.toString()}${result.fragment ? ` #${result.fragment}` : ''}`;
}

describe('linked paths stay inside the workspace folder (tm/linked-file-outside)', () => {
    describe('resolving the text (no file is touched)', () => {
        const MODEL = 'file:///ws/models/m.tm';
        const WS = ['file:///ws'];

        it('resolves relative paths inside the workspace folder, and refuses network, absolute, escaping and backslash paths', () => {
            const cases: Array<[string, string]> = [
                ['src/a.ts#L10', 'file:///ws/models/src/a.ts #L10'],
                ['../src/a.ts', 'file:///ws/src/a.ts'],
                ['./src/../lib//b.ts', 'file:///ws/models/lib/b.ts'],
                ['../../etc/passwd', 'refused outside'],
                ['../../../../etc/passwd', 'refused outside'],
                ['src/../../../x', 'refused outside'],
                ['.../x', 'file:///ws/x'],
                ['.../.../x', 'refused outside'],
                ['.. /.. /x', 'refused outside'],
                ['/etc/shadow', 'refused absolute'],
                ['\\x', 'refused absolute'],
                ['C:\\Windows\\win.ini', 'refused absolute'],
                ['C:win.ini', 'refused absolute'],
                ['c:/x', 'refused absolute'],
                ['//host/share/x', 'refused network'],
                ['/\\host\\share\\x', 'refused network'],
                ['\\\\host\\share\\x', 'refused network'],
                ['\\/host/share', 'refused network'],
                ['\\\\?\\C:\\x', 'refused network'],
                ['\\\\.\\pipe\\x', 'refused network'],
                ['src\\..\\..\\..\\x', 'refused backslash'],
                ['https://example.com/a.ts', 'not checked'],
                ['  #L3', 'not checked'],
            ];
            assert.deepEqual(cases.map(([text]) => [text, resolved(MODEL, WS, text)]), cases);
        });

        it("without a workspace folder that holds the model, the model's own folder is the workspace", () => {
            assert.equal(resolved(MODEL, [], 'src/a.ts'), 'file:///ws/models/src/a.ts');
            assert.equal(resolved(MODEL, [], '../src/a.ts'), 'refused outside');
            assert.equal(resolved(MODEL, ['file:///other', 'file:///w'], '../src/a.ts'), 'refused outside', 'a folder that merely starts the same is not a parent');
            assert.equal(resolved(MODEL, ['file://host/ws'], '../src/a.ts'), 'refused outside', 'another authority is another place');
        });

        it('with nested workspace folders, the outermost one that holds the model; drive letters in either case', () => {
            assert.equal(resolved(MODEL, ['file:///ws/models', 'file:///ws'], '../src/a.ts'), 'file:///ws/src/a.ts');
            assert.equal(resolved('file:///c%3A/ws/models/m.tm', ['file:///C%3A/ws'], '../src/a.ts'), 'file:///c%3A/ws/src/a.ts');
            assert.equal(resolved('file:///c%3A/ws/m.tm', ['file:///C%3A/ws'], '../x'), 'refused outside');
        });

        it('never throws, and whatever it follows lies below the workspace folder', () => {
            const pathText = fc.string({ unit: fc.constantFrom('/', '\\', '.', '..', ':', 'C', 'a', ' ', '#', '?', '%2e', '\0', '\u202e', 'é'), maxLength: 24 });
            fc.assert(fc.property(fc.oneof(pathText, fc.string({ unit: 'binary' })), text => {
                const result = resolveLinkedPath(URI.parse(MODEL), [URI.parse('file:///ws')], text);
                if (result?.kind !== 'inside') return;
                assert.ok(result.file.path === '/ws' || result.file.path.startsWith('/ws/'), result.file.path);
                assert.ok(result.segments.every(s => s !== '' && s !== '.' && !/^[. ]+$/.test(s)), result.segments.join('|'));
                assert.equal(result.file.toString(), UriUtils.joinPath(URI.parse('file:///ws'), ...result.segments).toString());
            }), { seed: 11, numRuns: 2000 });
        });
    });

    describe('in the checks, the document links and the staleness check', () => {
        /** Records every question, to prove that refused paths are never probed. */
        class SpySourceFiles implements SourceFiles {
            readonly asked: string[] = [];
            locate(folder: URI, segments: readonly string[]): LinkedFileState {
                const file = UriUtils.joinPath(folder, ...segments).toString();
                this.asked.push(file);
                return file.endsWith('/exists.ts') ? 'exists' : 'missing';
            }
        }
        const spy = new SpySourceFiles();
        const services = createThreatModelServices({ ...EmptyFileSystem, sourceFiles: () => spy });
        services.shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: 'file:///ws', name: 'ws' }] });

        const HOSTILE = [
            'mitigation M "m" {',
            '    implementedIn "//host/share/x"',
            '    verifiedBy "../../../../etc/passwd"',
            '}',
            'mitigation N "n" { implementedIn "/etc/shadow" verifiedBy "/\\\\host\\\\share\\\\x" }',
            'mitigation O "o" { implementedIn "C:\\\\x" verifiedBy "src\\\\..\\\\..\\\\x" }',
            'mitigation P "p" { implementedIn "../src/exists.ts#L3" verifiedBy "../test/gone.ts" }',
            '',
        ].join('\n');

        function build(text: string): Promise<LangiumDocument<Model>> {
            spy.asked.length = 0;
            return buildAlone(services, 'file:///ws/models/m.tm', text);
        }

        const INSIDE = 'Use a path relative to this model, inside the workspace.';

        it('reports each refused path on its string, probes only the paths inside, and throws nowhere', async () => {
            const document = await build(HOSTILE);
            const findings = (document.diagnostics ?? []).filter(d => String(d.code).startsWith('tm/linked-file') || !String(d.code).startsWith('tm/'));
            assert.deepEqual(findings.map(d => [describeFinding(d), d.severity, d.message]), [
                ['tm/linked-file-outside @2:19-2:35', 2, `'//host/share/x' (implementedIn of mitigation 'M') is a network path; tml never opens one, so that a model cannot make the editor or CI contact another host. ${INSIDE}`],
                ['tm/linked-file-outside @3:16-3:40', 2, `'../../../../etc/passwd' (verifiedBy of mitigation 'M') leads outside the workspace folder; tml only links files inside it. ${INSIDE}`],
                ['tm/linked-file-outside @5:34-5:47', 2, `'/etc/shadow' (implementedIn of mitigation 'N') is an absolute path; tml only links files inside the workspace folder, by paths relative to the model. ${INSIDE}`],
                ['tm/linked-file-outside @5:59-5:78', 2, `'/\\host\\share\\x' (verifiedBy of mitigation 'N') is a network path; tml never opens one, so that a model cannot make the editor or CI contact another host. ${INSIDE}`],
                ['tm/linked-file-outside @6:34-6:41', 2, `'C:\\x' (implementedIn of mitigation 'O') is an absolute path; tml only links files inside the workspace folder, by paths relative to the model. ${INSIDE}`],
                ['tm/linked-file-outside @6:53-6:69', 2, "'src\\..\\..\\x' (verifiedBy of mitigation 'O') contains '\\', which Windows reads as a separator or the start of a network path; tml only follows paths written with '/'. Write it with '/', relative to this model."],
                ['tm/linked-file-missing @7:67-7:84', 2, "'../test/gone.ts' (verifiedBy of mitigation 'P') does not exist relative to this model. Fix the path, or remove it if the file is gone."],
            ]);
            assert.deepEqual([...new Set(spy.asked)], ['file:///ws/src/exists.ts', 'file:///ws/test/gone.ts'], 'only the paths inside the workspace were probed');
        });

        it('links only files inside the workspace that exist, and never fails for the whole file', async () => {
            const document = await build(HOSTILE);
            const provider = services.ThreatModel.lsp.DocumentLinkProvider as ThreatModelDocumentLinkProvider;
            const links = provider.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
            assert.deepEqual(links.map(l => [`${l.range.start.line + 1}:${l.range.start.character + 1}`, l.target]), [['7:35', 'file:///ws/src/exists.ts#L3']]);
            assert.deepEqual([...new Set(spy.asked)], ['file:///ws/src/exists.ts', 'file:///ws/test/gone.ts']);
        });

        it('hands git only the implementation files inside the workspace', async () => {
            const document = await build(HOSTILE);
            const asked: string[][] = [];
            const history: GitHistory = {
                head: () => Promise.resolve('h'),
                reviewState: (_model, linked): Promise<ReviewState> => (asked.push(linked.map(uri => uri.toString())), Promise.resolve({ reviewed: 'r', changedSince: new Map() })),
            };
            await new StalenessTracker(services.shared.workspace.LangiumDocuments, history, services.ThreatModel.workspace.LinkedFiles).refresh(document);
            assert.deepEqual(asked, [['file:///ws/src/exists.ts']]);
        });
    });

    describe('symbolic links on the disk (NodeSourceFiles)', () => {
        let root: string;
        let workspace: URI;

        before(() => {
            root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tml-links-')));
            const ws = path.join(root, 'ws');
            mkdirSync(path.join(ws, 'src'), { recursive: true });
            mkdirSync(path.join(root, 'secret'));
            writeFileSync(path.join(ws, 'src', 'a.ts'), 'a');
            writeFileSync(path.join(root, 'secret', 'key.txt'), 'k');
            symlinkSync('src', path.join(ws, 'relative-in'));
            symlinkSync(path.join(ws, 'src'), path.join(ws, 'absolute-in'));
            symlinkSync(path.join(root, 'secret'), path.join(ws, 'out'));
            symlinkSync('../secret/key.txt', path.join(ws, 'climbs-out'));
            symlinkSync(path.join(root, 'secret', 'none'), path.join(ws, 'dangling-out'));
            symlinkSync('loop', path.join(ws, 'loop'));
            // Windows may read '...' as '..': counted as climbing, as in the text of a path.
            symlinkSync('.../secret/key.txt', path.join(ws, 'dots-out'));
            workspace = URI.file(ws);
        });

        after(() => rmSync(root, { recursive: true, force: true }));

        it('follows links that stay inside; a link that leads out is outside, whether its target exists or not', () => {
            const files = new NodeSourceFiles();
            const cases: Array<[string, LinkedFileState]> = [
                ['src/a.ts', 'exists'],
                ['src', 'exists'],
                ['src/none.ts', 'missing'],
                ['relative-in/a.ts', 'exists'],
                ['absolute-in/a.ts', 'exists'],
                ['out/key.txt', 'outside'],
                ['out/none.txt', 'outside'],
                ['climbs-out', 'outside'],
                ['dangling-out', 'outside'],
                ['dots-out', 'outside'],
                ['loop', 'missing'],
                ['src/a.ts/x', 'missing'],
            ];
            assert.deepEqual(cases.map(([relative]) => [relative, files.locate(workspace, relative.split('/'))]), cases);
        });
    });
});
