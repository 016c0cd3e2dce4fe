import type { AstNode, CstNode, LeafCstNode } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';

/**
 * What canonical layout wants between a token and the token before it (comments aside):
 * `spaces` on the same line, or a line break with `min`..`max` newlines (so at most `max - 1`
 * blank lines survive) and the next line indented by `indent` levels.
 */
export type Break =
    | { readonly kind: 'space'; readonly spaces: number }
    | { readonly kind: 'line'; readonly min: number; readonly max: number; readonly indent: number };

/** Where a token goes: the break before it, and the indentation of comments and continuation lines before it. */
export interface Placement {
    readonly before: Break;
    /** The indentation of a comment that has a line of its own just before this token. */
    readonly commentIndent: number;
    /** The indentation of this token when a `//` comment forces it onto a new line mid-clause. */
    readonly continuationIndent: number;
}

const space = (spaces: number): Break => ({ kind: 'space', spaces });
const line = (min: number, max: number, indent: number): Break => ({ kind: 'line', min, max, indent });

interface Body {
    /** The declaration (or `dread`, `tree`, gate) whose `{ }` this is; the model for the top level. */
    readonly owner: AstNode;
    /** Written over several lines: then each clause gets its own line; else the body stays on one. */
    readonly multiLine: boolean;
}

/**
 * Decides the {@link Break} before each token of a document, walking its tokens in order:
 * - one declaration per line at the top level, keeping one blank line between them if there was any;
 * - `{` on the declaration's line; in a body written over several lines, each clause on its own
 *   line indented one level deeper (a blank line between clauses kept, none after `{` or before
 *   `}`), and `}` on its own line; a body written on one line (`dread { damage 5 … }`) stays on one
 *   line, with single spaces inside the braces;
 * - within a clause, single spaces, except none before `,`, `:`, `.`, `)` and `]`, and none after a
 *   minus sign, `.`, `(` and `[`.
 */
export class LayoutRules {
    private readonly bodies: Body[];
    private readonly closers = new Map<LeafCstNode, LeafCstNode>();
    private previous: LeafCstNode | undefined;

    /** `tokens`: the document's tokens without comments, in order, with balanced braces. */
    constructor(root: AstNode, tokens: readonly LeafCstNode[]) {
        this.bodies = [{ owner: root, multiLine: true }];
        const open: LeafCstNode[] = [];
        for (const token of tokens) {
            if (isBrace(token, '{')) open.push(token);
            else if (isBrace(token, '}')) {
                const opener = open.pop();
                if (opener) this.closers.set(opener, token);
            }
        }
    }

    /** The placement of `token`; call once per token, in document order. */
    place(token: LeafCstNode): Placement {
        // A line broken inside a clause continues one level deeper than the clause.
        const continuationIndent = this.depth() + 1;
        const before = this.decide(token);
        if (isBrace(token, '{')) {
            const closer = this.closers.get(token);
            this.bodies.push({ owner: token.astNode, multiLine: !!closer && closer.range.start.line > token.range.start.line });
        }
        this.previous = token;
        // A comment just before a closing brace belongs to the body: it is indented like its clauses.
        const commentIndent = before.kind === 'line' ? before.indent + (isBrace(token, '}') ? 1 : 0) : continuationIndent;
        return { before, commentIndent, continuationIndent };
    }

    private depth(): number {
        return this.bodies.length - 1;
    }

    private decide(token: LeafCstNode): Break {
        if (isBrace(token, '}')) {
            const body = this.bodies.length > 1 ? this.bodies.pop() : undefined;
            return body?.multiLine ? line(1, 1, this.depth()) : space(1);
        }
        const body = this.bodies[this.bodies.length - 1]!;
        if (this.previous && isBrace(this.previous, '{')) {
            return body.multiLine ? line(1, 1, this.depth()) : space(1);
        }
        if (startsClause(token, body.owner)) {
            return body.multiLine ? line(1, 2, this.depth()) : space(1);
        }
        if (NO_SPACE_BEFORE.has(token.text)) return space(0);
        if (this.previous && NO_SPACE_AFTER.has(this.previous.text)) return space(0);
        return space(1);
    }
}

/** Punctuation that hugs the token before it (`a, b`, `Name:`, `source.type`, `(cond)`, `[a, b]`). */
const NO_SPACE_BEFORE: ReadonlySet<string> = new Set([',', ':', '.', ')', ']']);
/** Punctuation that hugs the token after it (a minus sign, `source.type`, `(cond)`, `[a, b]`). */
const NO_SPACE_AFTER: ReadonlySet<string> = new Set(['-', '.', '(', '[']);

function isBrace(token: LeafCstNode, brace: '{' | '}'): boolean {
    return token.text === brace && GrammarAST.isKeyword(token.grammarSource);
}

/**
 * Whether `token` begins a clause of `owner`'s body: the first token of a node the owner contains
 * directly (a boundary's member, a threat's `dread`, a tree's gate, a DREAD factor…), or a clause
 * keyword of the owner's own rule (`stride`, `logs`, `description`…), which values such as
 * `Spoofing` or `fix` are not: they belong to rules of their own.
 */
function startsClause(token: LeafCstNode, owner: AstNode): boolean {
    if (token.astNode === owner) return isClauseKeyword(token, owner);
    // Walk the syntax tree rather than the AST: a second `dread { }` in a threat is not in the AST
    // (the first one is, `dread` holds one block), yet it is a clause to lay out all the same.
    let node: CstNode = token;
    while (node.container && node.container.astNode !== owner) node = node.container;
    if (!node.container || firstToken(node) !== token) return false;
    // The value of a clause keyword (the condition after a rule's `when`) continues its clause.
    const previous = CstUtils.getPreviousNode(node, true);
    return !(previous && previous.astNode === owner && isClauseKeyword(previous, owner));
}

/** A word keyword of `owner`'s own grammar rule: `stride`, `when`, `logs`… */
function isClauseKeyword(token: CstNode, owner: AstNode): boolean {
    const source = token.grammarSource;
    return GrammarAST.isKeyword(source) && /\p{L}/u.test(source.value)
        && AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name === owner.$type;
}

function firstToken(node: CstNode): LeafCstNode | undefined {
    return CstUtils.flattenCst(node).find(leaf => !leaf.hidden);
}
