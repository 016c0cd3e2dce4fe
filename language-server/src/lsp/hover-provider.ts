import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { CstUtils, GrammarUtils } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { isDfdElement, isFactPath, isStrideCategory, isThreat } from '../generated/ast.js';
import { factAt, factHover, subjectAt } from './rule-fact-context.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { categoryHover, elementHover, threatHover } from './hover-content.js';

/** Hovers on element and threat names (declarations and references), on STRIDE category keywords and on the facts of a rule's condition. */
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
        const path = leaf?.astNode;
        if (leaf && isFactPath(path)) {
            const index = GrammarUtils.findNodesForProperty(path.$cstNode, 'segments').findIndex(n => n.offset === leaf.offset);
            const subject = subjectAt(path);
            const fact = subject && index >= 0 ? factAt(subject, path.segments, index) : undefined;
            return fact && { contents: { kind: 'markdown', value: factHover(fact) } };
        }
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isDfdElement(node)) return elementHover(node, this.index.coverage(node).coverageOf(node));
        if (isThreat(node)) return threatHover(node);
        return undefined;
    }
}
