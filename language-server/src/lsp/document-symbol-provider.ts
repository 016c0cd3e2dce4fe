import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import { displayText } from '../model/visible-text.js';

/**
 * Langium's outline (every named node, boundaries nesting their members), with each declaration's
 * title as the symbol's detail (as every output shows it, see {@link displayText}): names are short
 * identifiers, and the title says what they stand for.
 */
export class ThreatModelDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = 'title' in astNode ? astNode.title : undefined;
        return typeof title === 'string' ? { ...symbol, detail: displayText(title) } : symbol;
    }
}
