import type { AstNode, CstNode, GrammarAST } from 'langium';
import { AstUtils, GrammarAST as Grammar, isCompositeCstNode } from 'langium';

/** The feature each grammar element assigns to, by the assignment it is part of (null: none). */
const assignedFeatures = new Map<GrammarAST.AbstractElement, string | null>();

function assignedFeature(source: GrammarAST.AbstractElement | undefined): string | null {
    if (!source) return null;
    let feature = assignedFeatures.get(source);
    if (feature === undefined) {
        feature = AstUtils.getContainerOfType(source, Grammar.isAssignment)?.feature ?? null;
        assignedFeatures.set(source, feature);
    }
    return feature;
}

/**
 * The syntax node of `property` in `node`'s own syntax, as Langium's `GrammarUtils.findNodeForProperty`
 * finds it (the `index`-th value, clamped to the values there are; the first without `index`), but
 * without climbing the grammar for every syntax node around it and without collecting every value
 * before picking one. Langium uses it for the range of every finding that names a property, which
 * made it a good part of validating a model with thousands of findings.
 */
export function findPropertyNode(node: AstNode, property: string, index?: number): CstNode | undefined {
    const root = node.$cstNode;
    if (!root) return undefined;
    const wanted = index === undefined ? 0 : Math.max(0, index);
    const found: CstNode[] = [];
    collect(root, property, root.astNode, wanted, found);
    return found[Math.min(wanted, found.length - 1)];
}

/** Every syntax node of `property` in `node`'s own syntax, in text order, as `GrammarUtils.findNodesForProperty` finds them. */
export function findPropertyNodes(node: AstNode, property: string): CstNode[] {
    const root = node.$cstNode;
    const found: CstNode[] = [];
    if (root) collect(root, property, root.astNode, Number.POSITIVE_INFINITY, found);
    return found;
}

/**
 * The syntax nodes of each of `properties` (distinct) in `node`'s own syntax, in text order, as
 * {@link findPropertyNodes} finds them for each, in one walk (the same place in `properties` as the
 * property; an empty list for one not written). A syntax node belongs to one assignment at most,
 * and a node holding a value is not searched for another: an assignment holds no other.
 */
export function findNodesOfProperties(node: AstNode, properties: readonly string[]): CstNode[][] {
    const found = properties.map((): CstNode[] => []);
    const root = node.$cstNode;
    if (root) collectEach(root, properties, root.astNode, found);
    return found;
}

function collectEach(parent: CstNode, properties: readonly string[], owner: AstNode, found: CstNode[][]): void {
    if (!isCompositeCstNode(parent)) return;
    for (const child of parent.content) {
        const feature = assignedFeature(child.grammarSource);
        const at = feature === null ? -1 : properties.indexOf(feature);
        if (at >= 0) found[at]!.push(child);
        else if (isCompositeCstNode(child) && child.astNode === owner) collectEach(child, properties, owner, found);
    }
}

/** Adds the nodes of `property` below `parent` to `found`, in text order; true once it holds `wanted` + 1. */
function collect(parent: CstNode, property: string, owner: AstNode, wanted: number, found: CstNode[]): boolean {
    if (!isCompositeCstNode(parent)) return false;
    for (const child of parent.content) {
        if (assignedFeature(child.grammarSource) === property) {
            found.push(child);
            if (found.length > wanted) return true;
        } else if (isCompositeCstNode(child) && child.astNode === owner && collect(child, property, owner, wanted, found)) {
            return true;
        }
    }
    return false;
}
