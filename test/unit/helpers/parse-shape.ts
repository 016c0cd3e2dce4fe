import * as assert from 'node:assert/strict';
import type { AstNode, CstNode, LeafCstNode, ParseResult } from 'langium';
import { isCompositeCstNode, isMultiReference, isReference } from 'langium';

/**
 * Everything a parse makes, as plain data to compare with `deepEqual`: two parses of the same
 * text must give the same (test/unit/perf/reparse.test.ts, test/unit/perf/fast-parser.test.ts).
 */

/** Grammar elements by identity: both trees come from the same grammar. */
const grammarIds = new Map<object, number>();
const grammarId = (element: object | undefined): number | null => {
    if (!element) return null;
    if (!grammarIds.has(element)) grammarIds.set(element, grammarIds.size);
    return grammarIds.get(element)!;
};

/** Every node of a syntax tree with its tokens, positions, ranges and grammar elements; its links checked on the way. */
export function syntaxTree(node: CstNode, root: CstNode): unknown {
    assert.ok(node.root === root, `${node.offset}: the node's root`);
    const common = [grammarId(node.grammarSource), node.offset, node.end, node.range, node.hidden];
    if (!isCompositeCstNode(node)) return ['leaf', (node as LeafCstNode).tokenType.name, node.text, ...common];
    for (const child of node.content) assert.ok(child.container === node, `${child.offset}: the child's container`);
    // The AST node a composite node has of its own (Langium's private field), not the one it finds through its container.
    const own = (node as unknown as { _astNode?: AstNode })._astNode;
    // Its keys too: a node the AST left out (a clause given twice) is still in the syntax tree.
    return [node.astNode.$type, own ? [own.$type, Object.keys(own)] : null, ...common, node.content.map(child => syntaxTree(child, root))];
}

/** How {@link ast} describes references: resolved (in a built document), or only as the parser made them. */
export type ReferenceView = 'resolved' | 'as parsed';

/**
 * Every property of every AST node, references by their text and target (or syntax node), with
 * the links between nodes checked; `keys`: also the order of every node's properties.
 */
export function ast(node: AstNode, container?: AstNode, references: ReferenceView = 'resolved', keys = false): unknown {
    assert.ok(node.$container === container, `${node.$type}: its container`);
    if (container) assert.ok((container as unknown as Record<string, unknown>)[node.$containerProperty!] === node
        || (container as unknown as Record<string, AstNode[]>)[node.$containerProperty!]?.[node.$containerIndex!] === node, `${node.$type}: its place in its container`);
    assert.ok(node.$cstNode?.astNode === node, `${node.$type}: its syntax node leads back to it`);
    const properties: Record<string, unknown> = { $type: node.$type, $containerProperty: node.$containerProperty, $containerIndex: node.$containerIndex, $cst: [node.$cstNode?.offset, node.$cstNode?.end, node.$cstNode?.text, grammarId(node.$cstNode?.grammarSource)] };
    if (keys) properties['$keys'] = Object.keys(node);
    const value = (item: unknown): unknown => {
        if (isReference(item)) {
            if (references === 'as parsed') {
                const at = item.$refNode;
                return { $keys: Object.keys(item), $refText: item.$refText, at: [at?.offset, at?.end, grammarId(at?.grammarSource), at?.container?.offset], ref: (item as { _ref?: unknown })._ref };
            }
            return { $refText: item.$refText, at: item.$refNode?.offset, ref: item.ref ? `${item.ref.$type}@${item.ref.$cstNode?.offset}` : item.error?.message };
        }
        if (isMultiReference(item)) return { $refText: item.$refText, items: item.items.map(target => `${target.ref.$type}@${target.ref.$cstNode?.offset}`) };
        if (Array.isArray(item)) return item.map(value);
        if (typeof item === 'object' && item !== null && '$type' in item) return ast(item as AstNode, node, references, keys);
        return item;
    };
    for (const [key, item] of Object.entries(node)) if (!key.startsWith('$')) properties[key] = value(item);
    return properties;
}

/** A parse result as the parser made it: its keys, errors, lexer report, AST (with key order) and syntax tree. */
export function describeParse(result: ParseResult): unknown {
    const { value, lexerErrors, parserErrors, lexerReport } = result;
    const root = value.$cstNode!;
    return {
        keys: Object.keys(result),
        text: root.root.fullText,
        lexerErrors,
        lexerReport,
        parserErrors: parserErrors.map(error => [error.name, error.message, error.token.startOffset, error.token.image, error.token.tokenType?.name, error.context?.ruleStack]),
        ast: ast(value, undefined, 'as parsed', true),
        cst: syntaxTree(root.root, root.root),
    };
}
