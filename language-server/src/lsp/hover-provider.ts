import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { CstUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isDfdElement, isStrideCategory, isThreat } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { categoryHover, elementHover, threatHover } from './hover-content.js';

/** Hovers on element and threat names (declarations and references) and on STRIDE category keywords. */
export class ThreatModelHoverProvider extends AstNodeHoverProvider {
    private readonly index: ThreatModelWorkspaceIndex;

    constructor(services: ThreatModelServices) {
        super(services);
        this.index = services.workspace.ModelIndex;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position)) : undefined;
        if (leaf && isStrideCategory(leaf.text)) {
            return { contents: { kind: 'markdown', value: categoryHover(leaf.text) } };
        }
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isDfdElement(node)) return elementHover(node, this.index.coverage(node).coverageOf(node));
        if (isThreat(node)) return threatHover(node);
        return undefined;
    }
}
