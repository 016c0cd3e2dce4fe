import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../../../language-server/src/generated/ast.js';

/** Shows a text as the editor does, at one URI: opened alone in the workspace, or changed. */
export type ShowInEditor = (text: string, document?: LangiumDocument<Model>) => Promise<LangiumDocument<Model>>;

/**
 * Opens `text` at `uri` as the editor does (the document is in TextDocuments) alone in the
 * workspace of `shared` and builds it; or, given the `document` it opened, changes it to `text`
 * and rebuilds, as after a keystroke.
 */
export function editorDocuments(shared: LangiumSharedServices, uri: string): ShowInEditor {
    let version = 0;
    return async (text, document) => {
        shared.workspace.TextDocuments.set(TextDocument.create(uri, 'threat-model', ++version, text));
        if (document) {
            await shared.workspace.DocumentBuilder.update([document.uri], []);
            return document;
        }
        const all = shared.workspace.LangiumDocuments;
        await shared.workspace.DocumentBuilder.update([], all.all.map(d => d.uri).toArray());
        const opened = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(uri));
        all.addDocument(opened);
        // With the options of a rebuild after a change, as the language server opens a file.
        await shared.workspace.DocumentBuilder.build([opened], shared.workspace.DocumentBuilder.updateBuildOptions);
        return opened;
    };
}
