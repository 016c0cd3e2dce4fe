import type { IToken, TokenType } from 'chevrotain';
import type { AstNode, CompositeCstNode, CstNode, GrammarAST, LangiumCoreServices, LangiumParser, ParseResult, ParserOptions, RootCstNode } from 'langium';
import { CompositeCstNodeImpl, CstNodeBuilder, RootCstNodeImpl, createLangiumParser } from 'langium';
import { TokenLeafCstNode } from './cst-nodes.js';

/**
 * Builds the same syntax tree as Langium 4.2.1's CstNodeBuilder, in linear time and with less
 * garbage, which made up most of the parse time of a large model:
 * - Langium looks for the place of comments with `indexOf` over the parent's children, for every
 *   new node and even when there is no comment: quadratic in the declarations of one file
 *   (100,000 declarations: 44 s). Here there is nothing to do without comments, and the search
 *   starts from the end, where the node being built almost always is.
 * - Langium's children lists are an `Array` subclass that sets each child's `container` in
 *   `push`. V8 has no fast path for such arrays: every `push`, `for … of`, `map` or `flatMap`
 *   (Langium's `findNodeForProperty`, used for the range of every diagnostic) took the slow one.
 *   Here they are plain arrays, and the builder sets `container` itself.
 * - Leaves are small ({@link TokenLeafCstNode}), and lists are trimmed to their length once their
 *   node is complete: an array that grew by `push` keeps room for 16 or more elements, while most
 *   nodes have two or three children (the syntax tree was most of a model's memory: docs/performance.md#memory-of-a-built-model).
 */
export class LinearCstNodeBuilder extends CstNodeBuilder {
    private root: RootCstNode = new RootCstNodeImpl('');
    private readonly open: CompositeCstNode[] = [];

    override get current(): CompositeCstNodeImpl {
        // Every composite node here is a CompositeCstNodeImpl; the base class declares this type.
        return (this.open[this.open.length - 1] ?? this.root) as CompositeCstNodeImpl;
    }

    override buildRootNode(input: string): RootCstNode {
        const root = withPlainContent(new RootCstNodeImpl(input));
        (root as { root: RootCstNode }).root = root;
        this.root = root;
        this.open.length = 0;
        this.open.push(root);
        return root;
    }

    override buildCompositeNode(feature: GrammarAST.AbstractElement): CompositeCstNode {
        const node = new ThreatModelCompositeCstNode();
        node.grammarSource = feature;
        this.append(node);
        this.open.push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: GrammarAST.AbstractElement): TokenLeafCstNode {
        return this.buildTokenLeaf(token.startOffset, token.image.length, token.tokenType, feature);
    }

    /** {@link buildLeafNode} of the token at `offset`, for a parser that keeps no token objects (fast/fast-parse.ts). */
    buildTokenLeaf(offset: number, length: number, tokenType: TokenType, feature: GrammarAST.AbstractElement | undefined): TokenLeafCstNode {
        const leaf = new TokenLeafCstNode(offset, length, tokenType, feature);
        this.append(leaf);
        return leaf;
    }

    override removeNode(node: CstNode): void {
        const siblings = node.container?.content;
        const index = siblings?.lastIndexOf(node) ?? -1;
        if (index >= 0) siblings!.splice(index, 1);
    }

    override addHiddenNodes(tokens: IToken[]): void {
        this.addHiddenLeaves(tokens.map(token => new TokenLeafCstNode(token.startOffset, token.image.length, token.tokenType, undefined)));
    }

    /** {@link addHiddenNodes} of the leaves of hidden tokens (comments). */
    addHiddenLeaves(leaves: readonly TokenLeafCstNode[]): void {
        if (leaves.length === 0) return;
        const current = this.current;
        if (current.content.length > 0) {
            for (const leaf of leaves) this.append(leaf);
            return;
        }
        // A node just opened: the comments go before the nearest ancestor that has a previous sibling.
        let node: CstNode = current;
        while (node.container) {
            const parent: CompositeCstNode = node.container;
            const index = parent.content.lastIndexOf(node);
            if (index > 0) {
                this.insert(parent, index, leaves);
                return;
            }
            node = parent;
        }
        this.insert(this.root, 0, leaves);
    }

    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode; $infixName?: string }): void {
        const node = this.current;
        // A data type rule ($type is a symbol), a fragment (undefined) or an infix operation builds no AST node of its own.
        if (typeof item.$type === 'string' && !item.$infixName) {
            node.astNode = item as AstNode;
            trimLists(item);
        }
        item.$cstNode = node;
        this.open.pop();
        // Langium's parser itself appends to a node's children for grammar actions ({Type.feature=current}).
        for (const child of node.content) (child as { container?: CompositeCstNode }).container = node;
        // Empty composite nodes are not valid.
        if (node.content.length === 0) this.removeNode(node);
        else (node as { content: CstNode[] }).content = node.content.slice();
    }

    private append(node: CompositeCstNodeImpl | TokenLeafCstNode): void {
        const parent = this.current;
        node.container = parent;
        // A leaf finds its root through its container.
        if (node instanceof CompositeCstNodeImpl) node.root = this.root;
        parent.content.push(node);
    }

    private insert(parent: CompositeCstNode, index: number, leaves: readonly TokenLeafCstNode[]): void {
        for (const leaf of leaves) leaf.container = parent;
        parent.content.splice(index, 0, ...leaves);
    }
}

/** The own fields a composite node starts with: Langium's CompositeCstNodeImpl makes `content`, tml adds `_astNode`. */
interface CompositeFields {
    content: CstNode[];
    _astNode: AstNode | undefined;
}

/**
 * Langium's composite node, made without Langium's constructor: that one makes `content` a
 * CstNodeContainer, an Array subclass whose constructor calls `Object.setPrototypeOf`, about five
 * times the cost of the node itself, and the builder replaces it by a plain array at once (one
 * composite node per rule call: about 100,000 at 5,000 elements). The node has the same prototype
 * and the same own fields in the same order (langium-fences.test.ts compares them with Langium's).
 * It also has the field of its AST node from the start: V8 keeps the fields a constructor sets
 * inside its objects; Langium's builder sets this one when the node is complete, after thousands
 * of nodes were made, and each node then took a separate property list for it (about 50 bytes,
 * 130,000 times at 20,000 elements: docs/performance.md#memory-of-a-built-model).
 */
const ThreatModelCompositeCstNode = function (this: CompositeFields) {
    this.content = [];
    this._astNode = undefined;
} as unknown as new () => CompositeCstNodeImpl;
ThreatModelCompositeCstNode.prototype = CompositeCstNodeImpl.prototype;

/**
 * Replaces the lists of a complete AST node by copies of their exact length: the parser builds
 * them by `push`, which leaves room for 16 or more elements. The parser adds nothing to a node
 * once it is built (its empty mandatory lists come after, and take no room).
 */
function trimLists(node: object): void {
    const record = node as Record<string, unknown>;
    for (const key in record) {
        const value = record[key];
        if (Array.isArray(value) && value.length > 0) record[key] = value.slice();
    }
}

/** Replaces the children list Langium creates (an Array subclass) by a plain array. */
function withPlainContent<N extends CompositeCstNodeImpl>(node: N): N {
    (node as { content: CstNode[] }).content = [];
    return node;
}

/**
 * Langium's parser for the grammar, building its CST with {@link LinearCstNodeBuilder}, and never
 * throwing: a stack overflow in the recursive-descent parser or its error recovery (possible for
 * pathological nesting, whatever the limit of the lexer) becomes a syntax error on the file.
 */
export function createThreatModelParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    // Private fields of LangiumParser, set in its constructor: the CST builder, replaced before the
    // first parse, and the stack of AST nodes under construction, which an exception leaves filled.
    const internals = parser as unknown as { nodeBuilder: CstNodeBuilder; stack: unknown[] };
    internals.nodeBuilder = new LinearCstNodeBuilder();
    const parse = parser.parse.bind(parser);
    parser.parse = <T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> => {
        try {
            return parse<T>(input, options);
        } catch (error) {
            if (!(error instanceof RangeError)) throw error;
            internals.stack.length = 0;
            return unparsable<T>(input);
        }
    };
    return parser;
}

/** An empty model with one error, for a file the parser could not get through. */
function unparsable<T extends AstNode>(input: string): ParseResult<T> {
    const root = new CstNodeBuilder().buildRootNode(input);
    const value = { $type: 'Model', declarations: [], $cstNode: root } as unknown as T;
    (root as { astNode: AstNode }).astNode = value;
    return {
        value,
        parserErrors: [],
        lexerErrors: [{
            offset: 0, length: 0, line: 1, column: 1,
            message: 'This file is nested too deeply to be read (the parser ran out of stack). Flatten the nesting of its blocks.',
        }],
    };
}
