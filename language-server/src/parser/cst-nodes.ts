import type { TokenType } from 'chevrotain';
import type { AstNode, CompositeCstNode, GrammarAST, LeafCstNode, RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver';

/**
 * A leaf of the syntax tree, as small as it can be: a large model has over twenty leaves per DFD
 * element, and they were the largest part of a checked model's memory (docs/performance.md#memory-of-a-built-model). Langium's leaf
 * keeps the token's LSP range (three objects) and its root; this one keeps the token's offset,
 * length, type and grammar element, and derives the rest when asked: the root from its container, the range from
 * the offset and the line starts of the text ({@link positionAt}). Few leaves are ever asked
 * (names, references, the nodes findings point at), and the positions are the ones Chevrotain
 * counts (test/unit/syntax-tree.test.ts compares every leaf with Langium's).
 */
export class TokenLeafCstNode implements LeafCstNode {
    /** Set by the CST builder when it adds the leaf to its parent. */
    container: CompositeCstNode | undefined = undefined;
    grammarSource: GrammarAST.AbstractElement | undefined;
    readonly offset: number;
    readonly length: number;
    readonly tokenType: TokenType;
    /** Only when something makes the leaf an AST node's own syntax, which the parser never does. */
    declare private ownAstNode?: AstNode;

    /** The leaf of a token at `offset`; `grammarSource` is the grammar element that consumed it: none for a hidden token (a comment). */
    constructor(offset: number, length: number, tokenType: TokenType, grammarSource: GrammarAST.AbstractElement | undefined) {
        this.grammarSource = grammarSource;
        this.offset = offset;
        this.length = length;
        this.tokenType = tokenType;
    }

    /** Hidden (a comment) when no grammar element consumed it, as Langium's builder decides. */
    get hidden(): boolean {
        return this.grammarSource === undefined;
    }

    get end(): number {
        return this.offset + this.length;
    }

    get root(): RootCstNode {
        return this.container!.root;
    }

    get text(): string {
        return this.root.fullText.substring(this.offset, this.end);
    }

    get range(): Range {
        const root = this.root;
        return { start: positionAt(root, this.offset), end: positionAt(root, this.end) };
    }

    /** The AST node this leaf belongs to, as Langium's AbstractCstNode finds it. */
    get astNode(): AstNode {
        const node = typeof this.ownAstNode?.$type === 'string' ? this.ownAstNode : this.container?.astNode;
        if (!node) throw new Error('This node has no associated AST element');
        return node;
    }

    set astNode(value: AstNode | undefined) {
        this.ownAstNode = value;
    }
}

/** Offsets where lines start, per syntax tree: made when one of its ranges is first asked for. */
const lineStartsOfTree = new WeakMap<RootCstNode, Uint32Array>();

/** Forgets the line starts of `root`, whose text changed (incremental/reparse-splice.ts). */
export function forgetLineStarts(root: RootCstNode): void {
    lineStartsOfTree.delete(root);
}

/**
 * The LSP position of `offset` in the text of `root`, counting lines as Chevrotain does: a line
 * ends at `\n`, `\r\n` or a lone `\r`; characters are UTF-16 code units.
 */
export function positionAt(root: RootCstNode, offset: number): Position {
    let starts = lineStartsOfTree.get(root);
    if (!starts) {
        starts = lineStarts(root.fullText);
        lineStartsOfTree.set(root, starts);
    }
    const line = lineAt(starts, offset);
    return { line, character: offset - starts[line]! };
}

/** The line `offset` is on, given the offsets where lines start ({@link lineStarts}). */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >>> 1;
        if (starts[middle]! <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}

/** Offsets where the lines of `text` start, counting lines as Chevrotain does (\n, \r\n or a lone \r ends one). */
export function lineStarts(text: string): Uint32Array {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0d /* \r */) {
            if (text.charCodeAt(i + 1) === 0x0a) i++;
            starts.push(i + 1);
        } else if (c === 0x0a /* \n */) {
            starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}
