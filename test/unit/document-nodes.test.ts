import * as assert from 'node:assert/strict';
import { EmptyFileSystem, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { listAstNodes } from '../../language-server/src/model/ast-walk.js';
import { documentNodes } from '../../language-server/src/references/document-nodes.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';

/** The scope computation, the linker and the reference index share one walk of a parse (references/document-nodes.ts). */
describe('the nodes of a document, walked once per parse (references/document-nodes.ts)', () => {
    it('gives the walk of the tree as it is, once per parse, and the new tree after an edit', async () => {
        const { shared } = createThreatModelServices(EmptyFileSystem);
        const uri = URI.parse('file:///w/a.tm');
        const text = 'process Api "API"\nboundary Dc "DC" { datastore Db "Db" }\nflow Save: Api -> Db "Save"\n';
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'threat-model', 1, text));
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const first = documentNodes(document);
        assert.deepEqual(first, listAstNodes(document.parseResult.value));
        assert.equal(documentNodes(document), first, 'walked once');
        const edited = text.replace('"Db"', '"Database"').replace('process Api "API"', 'process Api "API"\nexternal User "User"');
        shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'threat-model', 2, edited));
        await shared.workspace.DocumentBuilder.update([uri], []);
        const second = documentNodes(document);
        assert.notEqual(second, first);
        assert.deepEqual(second.map(n => n.$type), listAstNodes(document.parseResult.value).map(n => n.$type));
        assert.equal(second[0], document.parseResult.value);
        assert.equal(second.length, first.length + 1);
    });
});
