import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { ThreatModelCodeActionProvider } from '../../../language-server/src/lsp/code-actions/code-action-provider.js';
import { services } from './workspace.js';

/** The code actions the server offers for one diagnostic, as for a lightbulb on it. */
export function codeActionsFor(document: LangiumDocument, diagnostic: Diagnostic, only?: string[]): CodeAction[] {
    const provider = services.ThreatModel.lsp.CodeActionProvider as ThreatModelCodeActionProvider;
    return provider.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only },
    });
}

/** Applies a code action's edits for `uri` to `text`, as an editor would (LSP semantics). */
export function applyAction(text: string, uri: string, action: CodeAction): string {
    const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
    return TextDocument.applyEdits(TextDocument.create(uri, 'threat-model', 0, text), edits);
}
