import type { AstNode, CompositeCstNode, CstNode, RootCstNode } from 'langium';
import type { Model } from '../generated/ast.js';
import { isBoundary, isModel } from '../generated/ast.js';
import { forgetLineStarts } from '../parser/cst-nodes.js';
import type { EditedDeclaration } from './reparse.js';

/** The declarations directly in a file or in a boundary; `undefined` for other nodes. */
export function childrenOf(node: AstNode): AstNode[] | undefined {
    if (isModel(node)) return node.declarations;
    if (isBoundary(node)) return node.members;
    return undefined;
}

/** The fields of Langium's composite syntax nodes that the splice sets: each caches or links what the splice changes. */
interface SplicedComposite extends CompositeCstNode {
    root: RootCstNode;
    container: CompositeCstNode | undefined;
    _astNode?: AstNode;
    _rangeCache?: unknown;
}

/**
 * Puts `fresh` (the edited declaration parsed alone, its offsets `shift` before those of the new
 * text) in the place of the edited declaration, and returns the new root of the file.
 *
 * The syntax tree is changed in place: the new declaration's subtree replaces the old one, every
 * token after it moves by the edit's length, the ranges cached by the nodes that moved are
 * forgotten, and the root takes the new text. The AST is copied along the path from the root to
 * the declaration (the root and the boundaries around it, with new lists), so that the previous
 * version, which validation keeps to compare with (incremental/validation-reuse.ts), still holds
 * its own declaration; every other node is the same object in both, its references unlinked by
 * Langium before the document is parsed again.
 */
export function spliceDeclaration({ edit, around, index, declaration }: EditedDeclaration, fresh: AstNode, shift: number, text: string): Model {
    const own = declaration.$cstNode as SplicedComposite;
    const root = own.root as SplicedComposite & RootCstNode;
    const parsed = fresh.$cstNode as SplicedComposite;
    moveTree(parsed, shift);
    adoptTree(parsed, root);

    const parent = own.container!;
    const at = parent.content.lastIndexOf(own);
    parent.content[at] = parsed;
    parsed.container = parent;
    for (let node: CstNode = parsed; node.container; node = node.container) {
        const container = node.container as SplicedComposite;
        const content = container.content;
        for (let i = (node === parsed ? at : content.lastIndexOf(node)) + 1; i < content.length; i++) moveTree(content[i]!, edit.delta);
        forgetRange(container);
    }
    (root as unknown as { _text: string })._text = text;
    forgetLineStarts(root);

    // The AST, copied from the declaration up to the root.
    const copies = new Map<AstNode, AstNode>();
    let replacement = fresh;
    let place = index;
    for (let level = around.length - 1; level >= 0; level--) {
        const node = around[level]!;
        const children = childrenOf(node)!.slice();
        children[place] = replacement;
        const property = isModel(node) ? 'declarations' : 'members';
        const copy = { ...node, [property]: children } as AstNode;
        children.forEach((child, i) => adopt(child, copy, property, i));
        copies.set(node, copy);
        replacement = copy;
        place = node.$containerIndex ?? 0;
    }
    for (let node: SplicedComposite | undefined = parent as SplicedComposite; node; node = node.container as SplicedComposite | undefined) {
        const copy = node._astNode && copies.get(node._astNode);
        if (copy) node._astNode = copy;
    }
    return replacement as Model;
}

function adopt(child: AstNode, container: AstNode, property: string, index: number): void {
    const node = child as { $container: AstNode; $containerProperty: string; $containerIndex: number };
    node.$container = container;
    node.$containerProperty = property;
    node.$containerIndex = index;
}

/** Moves every token of `node`'s subtree by `delta`, and forgets the ranges its composite nodes cached. */
function moveTree(node: CstNode, delta: number): void {
    const content = (node as Partial<CompositeCstNode>).content;
    if (content) {
        forgetRange(node as SplicedComposite);
        for (let i = 0; i < content.length; i++) moveTree(content[i]!, delta);
    } else if (delta !== 0) {
        (node as { offset: number }).offset += delta;
    }
}

/** Makes the composite nodes of `node`'s subtree, parsed alone, part of the tree of `root`. */
function adoptTree(node: CstNode, root: RootCstNode): void {
    const content = (node as Partial<CompositeCstNode>).content;
    if (!content) return;
    (node as SplicedComposite).root = root;
    for (let i = 0; i < content.length; i++) adoptTree(content[i]!, root);
}

/** Forgets a cached range; a node that has none is left as it is (adding the field to every node would change their shape). */
function forgetRange(node: SplicedComposite): void {
    if (node._rangeCache !== undefined) node._rangeCache = undefined;
}
