import type { AstNode, AstReflection, LangiumDocument, ParseResult } from 'langium';
import { listAstNodes } from '../model/ast-walk.js';

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

/** Per AST reflection, per type: whether the type has a cross-reference property. */
const referringTypes = new WeakMap<AstReflection, Map<string, boolean>>();

/**
 * The nodes of {@link documentNodes} whose type has a cross-reference property (the only ones the
 * parser gives references), in the same order: the linker and the reference index look for
 * references only in them, instead of in every property of every node (most nodes hold none).
 */
export function referringNodes(document: LangiumDocument, reflection: AstReflection): readonly AstNode[] {
    const nodes = documentNodes(document);
    let referring = referringOf.get(nodes);
    if (referring === undefined) {
        let types = referringTypes.get(reflection);
        if (!types) referringTypes.set(reflection, types = new Map());
        const known = types;
        const refers = (type: string): boolean => {
            let answer = known.get(type);
            if (answer === undefined) {
                answer = Object.values(reflection.getTypeMetaData(type).properties).some(property => property.referenceType !== undefined);
                known.set(type, answer);
            }
            return answer;
        };
        referring = nodes.filter(node => refers(node.$type));
        referringOf.set(nodes, referring);
    }
    return referring;
}
