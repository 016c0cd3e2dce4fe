import type { AstNode, LangiumDocument, ParseResult } from 'langium';
import { listAstNodes, mayHoldReferences } from '../model/ast-walk.js';

/** Per parse of a document, its nodes in walking order. */
const nodesByParse = new WeakMap<ParseResult, readonly AstNode[]>();
/** Per list of {@link documentNodes}, those of them that can hold a cross-reference. */
const referringOf = new WeakMap<readonly AstNode[], readonly AstNode[]>();

/**
 * The nodes of `document`'s syntax tree in walking order (model/ast-walk.ts), walked once per
 * parse: the scope computation, the linker and the reference index of one build each walked the
 * whole tree. A parse gives the document a new parse result, and the tree of one does not change.
 */
export function documentNodes(document: LangiumDocument): readonly AstNode[] {
    const parsed = document.parseResult;
    let nodes = nodesByParse.get(parsed);
    if (nodes === undefined || nodes[0] !== parsed.value) {
        nodes = listAstNodes(parsed.value);
        nodesByParse.set(parsed, nodes);
    }
    return nodes;
}

/**
 * The nodes of {@link documentNodes} whose type can hold a cross-reference (the only ones the
 * parser gives references; model/ast-walk.ts knows which), in the same order: the linker and the
 * reference index look for references only in them, instead of in every property of every node
 * (most nodes hold none).
 */
export function referringNodes(document: LangiumDocument): readonly AstNode[] {
    const nodes = documentNodes(document);
    let referring = referringOf.get(nodes);
    if (referring === undefined) {
        referring = nodes.filter(node => mayHoldReferences(node.$type));
        referringOf.set(nodes, referring);
    }
    return referring;
}
