import type { AstNodeDescription, LangiumDocument, LocalSymbols } from 'langium';
import { DefaultScopeComputation, MultiMap, interruptAndCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { NODES_BETWEEN_INTERRUPTS } from '../model/ast-walk.js';
import { documentNodes } from './document-nodes.js';

/**
 * Every name in tml is global: an element nested three boundaries deep is referenced by its bare
 * name from any file. So every named node is exported to the workspace index, and there are no
 * local scopes. The default scope provider then answers each reference with one lookup in the
 * cached global scope, instead of scanning the document's symbols per reference (which made
 * linking quadratic in model size).
 */
export class GlobalScopeComputation extends DefaultScopeComputation {
    /**
     * Langium's collectExportedSymbolsForNode over every node, root first, but checking for
     * cancellation every {@link NODES_BETWEEN_INTERRUPTS} nodes rather than awaiting at every one
     * (two promises per node of the model).
     */
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<AstNodeDescription[]> {
        const nodes = documentNodes(document);
        const exports: AstNodeDescription[] = [];
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 1) await interruptAndCheck(cancelToken);
            this.addExportedSymbol(nodes[i]!, exports, document);
        }
        return exports;
    }

    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap();
    }
}
