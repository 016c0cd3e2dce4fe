import type { AstNode, MultiReference, Reference } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { isBoundary, isMitigation, isModel } from '../generated/ast.js';
import { forEachReference } from '../model/ast-walk.js';
import { moveFindings, PositionMover, textEdit } from './text-edit.js';

/**
 * Where a reference leads: a node of the same document, by its position in the walk; a node of
 * another document, itself; or nothing (-1).
 */
export type Target = number | AstNode;

/** The nodes of one version of a document in walking order (model/ast-walk.ts), and where their references lead. */
export interface NodeMap {
    readonly nodes: readonly AstNode[];
    readonly positions: ReadonlyMap<AstNode, number>;
    /** Per node: the position of its container; -1 for none, or one that is not in `nodes` (a node whose checks do not run). */
    readonly parents: Int32Array;
    /** Per node: where each of its own references leads, in order. */
    readonly targets: readonly (readonly Target[])[];
}

/** One validated version of a document, kept to validate the next one: what it read, and what each node's checks found. */
export interface ValidatedVersion extends NodeMap {
    readonly text: string;
    /** The settings the checks read (what they read from the workspace index is kept by workspace/index-reads.ts). */
    readonly context: string;
    /** Per node: what its checks found. */
    readonly findings: readonly (readonly Diagnostic[])[];
}

const NO_TARGETS: readonly Target[] = [];

export function nodeMap(nodes: readonly AstNode[]): NodeMap {
    const positions = new Map<AstNode, number>();
    const parents = new Int32Array(nodes.length);
    nodes.forEach((node, i) => {
        positions.set(node, i);
        // Containers come before their contents in the walk.
        parents[i] = node.$container ? positions.get(node.$container) ?? -1 : -1;
    });
    // One closure for every node: its references' targets are gathered in `found`.
    let found: Target[] | undefined;
    const add = (ref: AstNode | undefined): void => {
        (found ??= []).push(ref === undefined ? -1 : positions.get(ref) ?? ref);
    };
    const visit = (reference: Reference | MultiReference): void => {
        if ('items' in reference) for (const item of reference.items) add(item.ref);
        else add(reference.ref);
    };
    const targets = nodes.map(node => {
        found = undefined;
        forEachReference(node, visit);
        return (found as Target[] | undefined) ?? NO_TARGETS;
    });
    return { nodes, positions, parents, targets };
}

/** A node directly in the file or in a boundary (as validation/syntax-errors.ts counts them). */
function isDeclaration(node: AstNode): boolean {
    return node.$container !== undefined && (isModel(node.$container) || isBoundary(node.$container));
}

/** The innermost declaration of `root` whose text strictly contains [start, end): the edit leaves its first and last characters alone. */
function declarationAround(root: AstNode, start: number, end: number): AstNode | undefined {
    let found: AstNode | undefined;
    let children = (root as { declarations?: AstNode[] }).declarations ?? [];
    for (;;) {
        const inside = children.find(child => child.$cstNode && child.$cstNode.offset < start && child.$cstNode.end > end);
        if (!inside) return found;
        found = inside;
        if (!isBoundary(inside)) return found;
        children = inside.members;
    }
}

/** The position after the last node of `node`'s subtree, which starts at `at` (a walk visits a subtree in one run). */
function subtreeEnd(nodes: readonly AstNode[], at: number): number {
    const top = nodes[at]!;
    let end = at + 1;
    while (end < nodes.length && isInside(nodes[end]!, top)) end++;
    return end;
}

function isInside(node: AstNode, ancestor: AstNode): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) if (current === ancestor) return true;
    return false;
}

/**
 * The findings of the new version's nodes that need no checking: per node, the previous version's
 * findings moved past the edit, or `undefined` for a node whose checks must run. `undefined`
 * overall when the previous findings cannot be reused (docs/performance.md#keystroke-validation).
 *
 * The edit must lie inside one declaration D, and the two versions must be the same nodes outside
 * it. A node's checks read its own declaration, the declarations its references lead to (and
 * theirs, on), the declarations around it, the settings (the `context`, which must be unchanged)
 * and the workspace index (the caller asks workspace/index-reads.ts whether its answers changed).
 * So the checks that run again are those of D, of the declarations around D, of every declaration
 * whose references lead into a declaration that runs again or changed where they lead, of the
 * file itself, and of mitigations (which read files and git history).
 */
export function reusableFindings(previous: ValidatedVersion, text: string, context: string, current: NodeMap, uri: string): (readonly Diagnostic[] | undefined)[] | undefined {
    if (previous.context !== context) return undefined;
    const edit = textEdit(previous.text, text);
    if (!edit) return undefined;
    const root = current.nodes[0];
    const before = previous.nodes[0];
    if (!root || !before) return undefined;
    const oldD = declarationAround(before, edit.start, edit.oldEnd);
    const newD = declarationAround(root, edit.start, edit.newEnd);
    if (!oldD || !newD || oldD.$type !== newD.$type || oldD.$cstNode!.offset !== newD.$cstNode!.offset || oldD.$cstNode!.end + edit.delta !== newD.$cstNode!.end) return undefined;
    const at = previous.positions.get(oldD);
    if (at === undefined || current.positions.get(newD) !== at) return undefined;
    const oldEnd = subtreeEnd(previous.nodes, at);
    const newEnd = subtreeEnd(current.nodes, at);
    const shift = newEnd - oldEnd;
    if (previous.nodes.length + shift !== current.nodes.length) return undefined;
    for (let i = newEnd; i < current.nodes.length; i++) if (current.nodes[i]!.$type !== previous.nodes[i - shift]!.$type) return undefined;
    for (let i = 0; i < at; i++) if (current.nodes[i]!.$type !== previous.nodes[i]!.$type) return undefined;

    const changed = new Set<AstNode>([newD]);
    const inD = (position: number): boolean => position >= at && position < newEnd;
    const ownerOf = (node: AstNode): AstNode | undefined => {
        for (let current: AstNode | undefined = node; current; current = current.$container) if (isDeclaration(current)) return current;
        return undefined;
    };
    // Outside D: a reference that now leads elsewhere (or into D) makes its declaration run again.
    const oldPosition = (i: number): number => (i < at ? i : i - shift);
    const outside = (i: number): boolean => !inD(i);
    for (let i = 0; i < current.nodes.length; i++) {
        if (!outside(i)) continue;
        const now = current.targets[i]!;
        const then = previous.targets[oldPosition(i)]!;
        if (now.length === 0 && then.length === 0) continue;
        if (now.length !== then.length || now.some((target, k) => !sameTarget(target, then[k]!, at, oldEnd, shift))) {
            const owner = ownerOf(current.nodes[i]!);
            if (owner) changed.add(owner);
        }
    }
    // Then every declaration whose references lead into one that runs again, until none is added.
    for (let added = true; added;) {
        added = false;
        const inChanged = within(current, node => changed.has(node));
        const leadsIntoChanged = (target: Target): boolean => typeof target === 'number' && target >= 0 && inChanged[target] === 1;
        for (let i = 0; i < current.nodes.length; i++) {
            const targets = current.targets[i]!;
            if (targets.length === 0 || !outside(i) || !targets.some(leadsIntoChanged)) continue;
            const owner = ownerOf(current.nodes[i]!);
            if (owner && !changed.has(owner)) {
                changed.add(owner);
                added = true;
            }
        }
    }
    const around = new Set<AstNode>();
    for (let up = newD.$container; up; up = up.$container) around.add(up);

    // A node in a declaration that runs again, or in a mitigation (which reads files and git history).
    const runsAgain = within(current, node => changed.has(node) || isMitigation(node));
    const mover = new PositionMover(edit, previous.text, text);
    const result: (readonly Diagnostic[] | undefined)[] = new Array(current.nodes.length);
    for (let i = 0; i < current.nodes.length; i++) {
        const node = current.nodes[i]!;
        if (inD(i) || around.has(node) || runsAgain[i] === 1) continue;
        const moved = moveFindings(previous.findings[oldPosition(i)]!, mover, uri);
        if (!moved) return undefined;
        result[i] = moved;
    }
    return result;
}

/** Per node (by position): 1 when it or a node around it is `marked`. */
function within(map: NodeMap, marked: (node: AstNode) => boolean): Uint8Array {
    const flags = new Uint8Array(map.nodes.length);
    for (let i = 0; i < map.nodes.length; i++) {
        const node = map.nodes[i]!;
        const parent = map.parents[i]!;
        flags[i] = marked(node) || (parent >= 0 ? flags[parent] === 1 : aroundMarked(map, node, flags, marked)) ? 1 : 0;
    }
    return flags;
}

/** Whether a node around `node`, which is not in the walk's list, is marked (or one around the first that is in the list is). */
function aroundMarked(map: NodeMap, node: AstNode, flags: Uint8Array, marked: (node: AstNode) => boolean): boolean {
    for (let up = node.$container; up; up = up.$container) {
        const position = map.positions.get(up);
        if (position !== undefined) return flags[position] === 1;
        if (marked(up)) return true;
    }
    return false;
}

/** Whether a reference of the new version leads where it led in the old one (nodes of the document by their place outside D). */
function sameTarget(now: Target, then: Target, at: number, oldEnd: number, shift: number): boolean {
    if (typeof now !== 'number' || typeof then !== 'number') return now === then;
    if (now < 0 || then < 0) return now === then;
    // Into D on either side: D changed, so the reference's declaration runs again.
    if ((then >= at && then < oldEnd) || (now >= at && now < oldEnd + shift)) return false;
    return now === (then < at ? then : then + shift);
}
