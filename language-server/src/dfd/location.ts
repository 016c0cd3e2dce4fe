import type { AstNode } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { DfdLocation, DfdRange } from '../shared/dfd/graph.js';

const NOWHERE: DfdRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a named declaration is: its document, its whole text and its name. */
export function locationOf(node: AstNode & { readonly name?: string }): DfdLocation {
    const cst = node.$cstNode;
    const range = cst ? copyRange(cst.range) : NOWHERE;
    const nameNode = GrammarUtils.findNodeForProperty(cst, 'name');
    return {
        uri: AstUtils.getDocument(node).uri.toString(),
        range,
        selection: nameNode ? copyRange(nameNode.range) : range,
    };
}

/** A detached copy: the CST's ranges belong to the parse and must not leak into plain data. */
function copyRange(range: DfdRange): DfdRange {
    return {
        start: { line: range.start.line, character: range.start.character },
        end: { line: range.end.line, character: range.end.character },
    };
}
