import type { AstNode } from 'langium';
import { AstUtils, isReference } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { isAsset, isBoundary, isExclude, isExternal, isMitigation, isRule, isThreat } from '../generated/ast.js';
import { presentationOf } from './declaration-kinds.js';

/**
 * Colours what the TextMate grammar cannot know: what kind of declaration a name stands for. A
 * declared name gets its kind's token type (see {@link presentationOf}) with the `declaration`
 * modifier, and every reference (flow end points, `targets`, `mitigatedBy`, `carries`…) the token
 * type of the declaration it resolves to, so `Storefront` looks the same wherever it is written.
 * STRIDE categories, responses, mitigation statuses, the values of typed attributes (trust,
 * classification, type) and a rule's element kind are enum members. Unresolved references
 * stay uncoloured: the linker's error already marks them.
 */
export class ThreatModelSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = presentationOf(node.$type);
        if (declared) {
            acceptor({ node, property: 'name', type: declared.token, modifier: SemanticTokenModifiers.declaration });
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            const target = isReference(reference) ? reference.ref : undefined;
            const token = target ? presentationOf(target.$type)?.token : undefined;
            if (token && reference.$refNode) {
                acceptor({ cst: reference.$refNode, type: token });
            }
        }
        if (isThreat(node)) {
            acceptor({ node, property: 'stride', type: SemanticTokenTypes.enumMember });
            acceptor({ node, property: 'response', type: SemanticTokenTypes.enumMember });
        } else if (isExclude(node)) {
            acceptor({ node, property: 'categories', type: SemanticTokenTypes.enumMember });
        } else if (isMitigation(node)) {
            acceptor({ node, property: 'status', type: SemanticTokenTypes.enumMember });
        } else if (isAsset(node)) {
            acceptor({ node, property: 'classification', type: SemanticTokenTypes.enumMember });
            acceptor({ node, property: 'type', type: SemanticTokenTypes.enumMember });
        } else if (isExternal(node)) {
            acceptor({ node, property: 'type', type: SemanticTokenTypes.enumMember });
        } else if (isBoundary(node)) {
            acceptor({ node, property: 'trust', type: SemanticTokenTypes.enumMember });
        } else if (isRule(node)) {
            acceptor({ node, property: 'on', type: SemanticTokenTypes.enumMember });
            acceptor({ node, property: 'stride', type: SemanticTokenTypes.enumMember });
        }
    }
}
