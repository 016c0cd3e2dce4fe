import type { AstNode, LangiumDocument, ParseResult } from 'langium';
import { listAstNodes } from '../model/ast-walk.js';

/** Per parse of a document, its nodes in walking order. */
const nodesByParse = new WeakMap<ParseResult, readonly AstNode[]>();

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
