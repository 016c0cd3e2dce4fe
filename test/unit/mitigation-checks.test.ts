import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import type { Model } from '../../language-server/src/generated/ast.js';
import { ThreatModelDocumentLinkProvider } from '../../language-server/src/lsp/document-link-provider.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { resolveLinkedPath } from '../../language-server/src/workspace/linked-path.js';
import { InMemorySourceFiles } from '../../language-server/src/workspace/source-files.js';
import { buildAlone, describeFinding } from './helpers/workspace.js';

/** Services whose linked files are exactly these (the model is file:///workspace/model.tm). */
const withFiles = createThreatModelServices({
    ...EmptyFileSystem,
    sourceFiles: () => new InMemorySourceFiles(['file:///workspace/src/session.ts', 'file:///workspace/test/session.test.ts']),
});

function build(text: string): Promise<LangiumDocument<Model>> {
    return buildAlone(withFiles, 'file:///workspace/model.tm', text);
}

function findingsOf(document: LangiumDocument, code: string): Array<{ at: string; message: string }> {
    return (document.diagnostics ?? []).filter(d => d.code === code).map(d => ({ at: describeFinding(d), message: d.message }));
}

const MITIGATION = 'mitigation M "m" {\n    implementedIn "src/session.ts#L10"\n    verifiedBy "./test/session.test.ts#rotatesCookie"\n}\n';

// The findings of mitigations on their own are specified as annotated fixtures in
// test/fixtures/validation/mitigations/; these tests need linked files that exist.
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
});
