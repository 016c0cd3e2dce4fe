import type { IToken } from 'chevrotain';
import type { AstNode, CstNode, LangiumCoreServices, LangiumParser, ParseResult, ParserOptions, RootCstNode } from 'langium';
import { CstNodeBuilder, CstUtils, LeafCstNodeImpl, createLangiumParser } from 'langium';

/**
 * Langium 4.2.1's CST builder looks for the place of comments with `indexOf` over the parent's
 * children, for every new node and even when there is no comment, which made parsing quadratic in
 * the number of declarations in one file (100,000 declarations: 44 s). This one returns at once
 * when there is no comment, and searches from the end, where the node being built almost always
 * is. Where the comments go is unchanged.
 */
export class LinearCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        // The base class keeps its root private; this override replaces its one use of it.
        const root = (this as unknown as { rootNode: RootCstNode }).rootNode;
        const nodes = tokens.map(token => {
            const leaf = new LeafCstNodeImpl(token.startOffset, token.image.length, CstUtils.tokenToRange(token), token.tokenType, true);
            leaf.root = root;
            return leaf;
        });
        const current = this.current;
        if (current.content.length > 0) {
            current.content.push(...nodes);
            return;
        }
        // A node just opened: the comments go before the nearest ancestor that has a previous sibling.
        let node: CstNode = current;
        while (node.container) {
            const siblings = node.container.content;
            const index = siblings.lastIndexOf(node);
            if (index > 0) {
                siblings.splice(index, 0, ...nodes);
                return;
            }
            node = node.container;
        }
        root.content.unshift(...nodes);
    }
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
