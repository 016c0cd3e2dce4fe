import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { DefaultScopeComputation, MultiMap } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { documentNodes } from './document-nodes.js';

/**
 * Every name in tml is global: an element nested three boundaries deep is referenced by its bare
 * name from any file. So every named node is exported to the workspace index, and there are no
 * local scopes. The default scope provider then answers each reference with one lookup in the
 * cached global scope, instead of scanning the document's symbols per reference (which made
 * linking quadratic in model size).
 */
export class GlobalScopeComputation extends DefaultScopeComputation {
    override collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        // Every node below the root (the root itself is added by Langium, and has no name).
        return this.collectExportedSymbolsForNode(document.parseResult.value, document, () => documentNodes(document).slice(1), cancelToken);
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
