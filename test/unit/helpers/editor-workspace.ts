import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A workspace of files open in the editor, by name under `file:///workspace/`. */
export interface EditorWorkspace {
    /** Replaces the workspace with `files`, each open in the editor, built as the language server opens files. */
    open(files: Record<string, string>): Promise<void>;
    /** Changes one open file as after a `didChange`. */
    change(name: string, text: string): Promise<void>;
    documentOf(name: string): LangiumDocument;
}

/** The files open in the editor of the workspace of `shared` ({@link EditorWorkspace}). */
export function editorWorkspace(shared: LangiumSharedServices): EditorWorkspace {
    let version = 0;
    const uriOf = (name: string): URI => URI.parse(`file:///workspace/${name}`);
    const show = (name: string, text: string): void => {
        shared.workspace.TextDocuments.set(TextDocument.create(uriOf(name).toString(), 'threat-model', ++version, text));
    };
    return {
        async open(files) {
            const all = shared.workspace.LangiumDocuments;
            await shared.workspace.DocumentBuilder.update([], all.all.map(d => d.uri).toArray());
            const created = Object.entries(files).map(([name, text]) => {
                show(name, text);
                const document = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
                all.addDocument(document);
                return document;
            });
            await shared.workspace.DocumentBuilder.build(created, shared.workspace.DocumentBuilder.updateBuildOptions);
        },
        async change(name, text) {
            show(name, text);
            await shared.workspace.DocumentBuilder.update([uriOf(name)], []);
        },
        documentOf: name => shared.workspace.LangiumDocuments.getDocument(uriOf(name))!,
    };
}
