import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { Model } from '../../language-server/src/generated/ast.js';
import { ThreatModelDocumentLinkProvider } from '../../language-server/src/lsp/document-link-provider.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { resolveLinkedPath } from '../../language-server/src/workspace/linked-path.js';
import { InMemorySourceFiles } from '../../language-server/src/workspace/source-files.js';
import { buildAlone, checkModel, describeFinding } from './helpers/workspace.js';

/** Services whose linked files are exactly these (the model is file:///workspace/model.tm). */
const withFiles = createThreatModelServices({
    ...EmptyFileSystem,
    sourceFiles: new InMemorySourceFiles(['file:///workspace/src/session.ts', 'file:///workspace/test/session.test.ts']),
});

function build(text: string): Promise<LangiumDocument<Model>> {
    return buildAlone(withFiles, 'file:///workspace/model.tm', text);
}

function findingsOf(document: LangiumDocument, code: string): Array<{ at: string; message: string }> {
    return (document.diagnostics ?? []).filter(d => d.code === code).map(d => ({ at: describeFinding(d), message: d.message }));
}

const MITIGATION = 'mitigation M "m" {\n    implementedIn "src/session.ts#L10"\n    verifiedBy "./test/session.test.ts#rotatesCookie"\n}\n';

describe('TMA step 6: implement and test', () => {
    it('resolves linked paths relative to the model, with #L10 or #symbol after them', () => {
        const model = URI.parse('file:///workspace/models/store.tm');
        const folders = [URI.parse('file:///workspace')];
        const inside = resolveLinkedPath(model, folders, 'src/a.ts#L10');
        assert.equal(inside?.kind === 'inside' && String(inside.file), 'file:///workspace/models/src/a.ts');
        assert.equal(inside?.kind === 'inside' && inside.fragment, 'L10');
        const up = resolveLinkedPath(model, folders, '../b.ts');
        assert.equal(up?.kind === 'inside' && String(up.file), 'file:///workspace/b.ts');
        assert.equal(resolveLinkedPath(model, folders, '  '), undefined);
        assert.equal(resolveLinkedPath(model, folders, 'https://example.com/a.ts'), undefined);
        assert.equal(resolveLinkedPath(URI.parse('untitled:Untitled-1'), folders, 'src/a.ts'), undefined);
    });

    it('tm/linked-file-missing is reported on each path that does not exist', async () => {
        const { diagnostics } = await checkModel(MITIGATION);
        assert.deepEqual(diagnostics.filter(d => d.code === 'tm/linked-file-missing').map(d => [describeFinding(d), d.severity, d.message]), [
            ['tm/linked-file-missing @2:19-2:39', 2, "'src/session.ts#L10' (implementedIn of mitigation 'M') does not exist relative to this model. Fix the path, or remove it if the file is gone."],
            ['tm/linked-file-missing @3:16-3:54', 2, "'./test/session.test.ts#rotatesCookie' (verifiedBy of mitigation 'M') does not exist relative to this model. Fix the path, or remove it if the file is gone."],
        ]);
    });

    it('tm/linked-file-missing is not reported when the files exist', async () => {
        assert.deepEqual(findingsOf(await build(MITIGATION), 'tm/linked-file-missing'), []);
    });

    it('links existing files, #L10 as a line fragment, and nothing for missing ones', async () => {
        const document = await build(`${MITIGATION}mitigation N "n" { implementedIn "src/gone.ts" }`);
        const provider = withFiles.ThreatModel.lsp.DocumentLinkProvider as ThreatModelDocumentLinkProvider;
        const links = provider.getDocumentLinks(document, { textDocument: { uri: document.uri.toString() } });
        assert.deepEqual(links.map(l => [`${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.line + 1}:${l.range.end.character + 1}`, l.target]), [
            ['2:20-2:38', 'file:///workspace/src/session.ts#L10'],
            ['3:17-3:53', 'file:///workspace/test/session.test.ts'],
        ]);
    });

    it('tm/verified-without-test is reported on the status of a verified mitigation without verifiedBy', async () => {
        assert.deepEqual(findingsOf((await checkModel('mitigation A "a" { status verified }\nmitigation B "b" { status verified verifiedBy "t.ts" }\nmitigation C "c" { status implemented }')).document, 'tm/verified-without-test'), [{
            at: 'tm/verified-without-test @1:27-1:35',
            message: "Mitigation 'A' is verified but names no test. Add 'verifiedBy \"path/to/test\"'.",
        }]);
    });

    it('tm/fix-only-planned is information on the response of a fix whose mitigations are all planned', async () => {
        const model = 'process P "p"\nmitigation Soon "s" { status planned }\nmitigation Done "d" { status implemented }\n' +
            'threat A "a" { stride Spoofing targets P response fix mitigatedBy Soon }\n' +
            'threat B "b" { stride Spoofing targets P response fix mitigatedBy Soon, Done }\n' +
            'threat C "c" { stride Spoofing targets P response accept justification "j" }';
        const { diagnostics } = await checkModel(model);
        assert.deepEqual(diagnostics.filter(d => d.code === 'tm/fix-only-planned').map(d => [describeFinding(d), d.severity, d.message]), [
            ['tm/fix-only-planned @4:42-4:50', 3, "Threat 'A' is to be fixed, but its mitigation is planned, not implemented."],
        ]);
    });
});
