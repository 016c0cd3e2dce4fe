import type { AstNode, Grammar, MultiReference, Reference, TypeMetaData } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils, isAstNode, isMultiReference, isReference } from 'langium';
import { reflection } from '../generated/ast.js';
import { ThreatModelLanguageGrammar } from '../generated/grammar.js';

type Properties = Record<string, unknown>;

/**
 * Walks the syntax tree the parser built, in the order of Langium's `AstUtils.streamAst` and
 * `AstUtils.streamReferences` (properties in creation order, lists in order, parents before
 * children), but as plain loops: Langium's lazy streams allocate several objects per node and
 * were half the time of linking and a good part of validating a large model. A node's properties
 * are read only where the grammar can have put a node or a reference (test/unit/perf/validation-walks.test.ts
 * compares both walks with reading every property).
 */

/**
 * Calls `visit` for `root` and every node it contains. When `visit` returns false, the nodes
 * inside the one it was called for are skipped.
 */
export function forEachAstNode(root: AstNode, visit: (node: AstNode) => boolean | void): void {
    if (visit(root) === false) return;
    forEachProperty(root, containmentPropertiesOf(root.$type), visitChildren, visit);
}

/**
 * Calls `each` for those of `properties` that `node` has, in the order of its keys (the order
 * they were written in); for every property of `node` without `properties`.
 */
function forEachProperty<V>(node: AstNode, properties: readonly string[] | undefined, each: (node: AstNode, property: string, visit: V) => void, visit: V): void {
    if (properties === undefined) {
        for (const property of Object.keys(node)) {
            if (property.charCodeAt(0) !== 0x24 /* $ */) each(node, property, visit);
        }
    } else if (properties.length === 1) {
        each(node, properties[0]!, visit);
    } else if (properties.length > 1) {
        for (const property of Object.keys(node)) {
            if (properties.includes(property)) each(node, property, visit);
        }
    }
}

function visitChildren(node: AstNode, property: string, visit: (node: AstNode) => boolean | void): void {
    const value = (node as unknown as Properties)[property];
    if (Array.isArray(value)) {
        for (const item of value) if (isAstNode(item)) forEachAstNode(item, visit);
    } else if (isAstNode(value)) {
        forEachAstNode(value, visit);
    }
}

/**
 * The properties of a node type that can hold nodes, per type: those the grammar assigns a parser
 * rule's node to (or an action `current`), of the type's properties (generated/ast.ts). Most nodes
 * have none or one, and reading every property of every node was most of a walk of the tree.
 * Undefined for a type the grammar does not know.
 */
const containmentProperties = new Map<string, readonly string[] | undefined>();
let containmentFeatures: ReadonlySet<string> | undefined;

function containmentPropertiesOf(type: string): readonly string[] | undefined {
    if (containmentProperties.has(type)) return containmentProperties.get(type);
    containmentFeatures ??= featuresHoldingNodes(ThreatModelLanguageGrammar());
    const features = containmentFeatures;
    const properties = metadataOf(type)?.filter(p => features.has(p.name)).map(p => p.name);
    containmentProperties.set(type, properties);
    return properties;
}

/** The features a grammar assigns nodes to: assignments of a parser rule's node, and actions' `current`. */
function featuresHoldingNodes(grammar: Grammar): ReadonlySet<string> {
    const features = new Set<string>();
    for (const element of AstUtils.streamAllContents(grammar)) {
        if (GrammarAST.isAction(element) && element.feature) features.add(element.feature);
        else if (GrammarAST.isAssignment(element) && makesNode(element.terminal)) features.add(element.feature);
    }
    return features;
}

function makesNode(terminal: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isRuleCall(terminal)) {
        const rule = terminal.rule.ref;
        return GrammarAST.isParserRule(rule) && !GrammarUtils.isDataTypeRule(rule);
    }
    return GrammarAST.isAlternatives(terminal) && terminal.elements.some(makesNode);
}

function metadataOf(type: string): readonly { readonly name: string; readonly referenceType?: string }[] | undefined {
    const metadata = (reflection.types as Readonly<Record<string, TypeMetaData | undefined>>)[type];
    return metadata && Object.values(metadata.properties);
}

/** Calls `visit` for every cross-reference held by `node` itself (not by the nodes inside it), in the order of its properties. */
export function forEachReference(node: AstNode, visit: ReferenceVisit): void {
    forEachProperty(node, referencePropertiesOf(node.$type), visitReferences, visit);
}

type ReferenceVisit = (reference: Reference | MultiReference, property: string, index?: number) => void;

function visitReferences(node: AstNode, property: string, visit: ReferenceVisit): void {
    const value = (node as unknown as Properties)[property];
    if (isReference(value) || isMultiReference(value)) {
        visit(value, property);
    } else if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
            const item: unknown = value[index];
            if (isReference(item) || isMultiReference(item)) visit(item, property, index);
        }
    }
}

/**
 * The properties of a node type that the grammar makes cross-references (generated/ast.ts), per
 * type: most nodes have none, and reading every node's keys was most of a walk of the references.
 * Undefined for a type the grammar does not know.
 */
const referenceProperties = new Map<string, readonly string[] | undefined>();

function referencePropertiesOf(type: string): readonly string[] | undefined {
    if (referenceProperties.has(type)) return referenceProperties.get(type);
    const properties = metadataOf(type)?.filter(p => p.referenceType !== undefined).map(p => p.name);
    referenceProperties.set(type, properties);
    return properties;
}

/** Whether a node of `type` can hold a cross-reference: a type with a reference property, or one the grammar does not know (all its properties are read). */
export function mayHoldReferences(type: string): boolean {
    const properties = referencePropertiesOf(type);
    return properties === undefined || properties.length > 0;
}

/**
 * `root` and every node it contains, in walking order, as a list: for callers that check for
 * cancellation (an `await`) every so many nodes rather than at every one.
 */
export function listAstNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    forEachAstNode(root, node => { nodes.push(node); });
    return nodes;
}

/** How many nodes a walk handles between two checks for cancellation (and chances to yield). */
export const NODES_BETWEEN_INTERRUPTS = 256;
