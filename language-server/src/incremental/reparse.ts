import type { AstNode, CompositeCstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import { isMultiReference, isReference } from 'langium';
import type { Model } from '../generated/ast.js';
import { isBoundary } from '../generated/ast.js';
import type { TextEdit } from './text-edit.js';
import { textEdit } from './text-edit.js';
import { childrenOf, spliceDeclaration } from './reparse-splice.js';

/**
 * Where an edit falls: the innermost declaration D (a node directly in the file or in a boundary)
 * whose first and last characters the edit leaves alone, with the nodes around it from the root down.
 */
export interface EditedDeclaration {
    readonly edit: TextEdit;
    /** The file's root, then each boundary around D, outermost first. */
    readonly around: readonly AstNode[];
    /** D's place in the list of the last of {@link around}. */
    readonly index: number;
    readonly declaration: AstNode;
}

/** What a boundary around the declaration is replaced by in the text parsed alone: only its nesting matters. */
const WRAPPER = 'boundary W "W" {\n';
const CLOSER = '\n}';

/**
 * The parse result of `text`, made from `previous` (the parse of the file's text before an edit)
 * by parsing again only the declaration the edit falls inside, or `undefined` when that cannot be
 * known to give what a parse of the whole text gives: then the caller parses it all
 * (docs/performance.md#keystroke-validation).
 *
 * The declaration is parsed with the declaration after it (in the same list), wrapped in as many
 * boundaries as are around it: the parse must have no error, and give a node of the same type
 * ending exactly where the edited declaration ends, followed by the next one where it was. The
 * parser then read the same tokens in the same state as in a parse of the whole text, and made
 * the same decisions: the tokens before the declaration are unchanged (its first character is),
 * a token ends where it ends (its last character is unchanged and ended a token before the edit),
 * so the tokens after it are unchanged too, and nothing of the grammar reads back.
 */
export function reparse(parser: LangiumParser, previous: ParseResult<Model>, text: string): ParseResult<Model> | undefined {
    if (hasSyntaxErrors(previous)) return undefined;
    const before = previous.value.$cstNode?.root.fullText;
    if (before === undefined) return undefined;
    const edit = textEdit(before, text);
    if (!edit) return undefined;
    const edited = declarationAround(previous.value, edit);
    if (!edited || edited.around.some(hasReferences)) return undefined;
    const { declaration, around, index } = edited;
    const own = declaration.$cstNode as CompositeCstNode;
    const siblings = own.container?.content;
    if (!siblings) return undefined;
    const start = own.offset;
    const end = own.end + edit.delta;
    // The next declaration, when nothing but comments comes between: the parser looks at its first tokens to end this one.
    const next = childrenOf(around[around.length - 1]!)![index + 1];
    let after = siblings.lastIndexOf(own) + 1;
    while (after < siblings.length && siblings[after]!.hidden) after++;
    const follower = next && siblings[after] === next.$cstNode ? next.$cstNode : undefined;
    const depth = around.length - 1;
    const shift = start - WRAPPER.length * depth;
    const snippet = `${WRAPPER.repeat(depth)}${text.slice(start, follower ? follower.end + edit.delta : end)}${CLOSER.repeat(depth)}`;
    const result = parser.parse<Model>(snippet);
    if (hasSyntaxErrors(result)) return undefined;
    let list: readonly AstNode[] = result.value.declarations;
    for (let i = 0; i < depth; i++) {
        const only = list[0];
        if (list.length !== 1 || !isBoundary(only)) return undefined;
        list = only.members;
    }
    const fresh = list[0];
    if (!fresh || list.length !== (follower ? 2 : 1) || !sameSpan(fresh, declaration.$type, own, shift, start, end)) return undefined;
    if (follower && !sameSpan(list[1]!, next!.$type, follower, shift, follower.offset + edit.delta, follower.end + edit.delta)) return undefined;
    return { ...result, value: spliceDeclaration(edited, fresh, shift, text) };
}

/** Whether `node`, parsed alone, is of `type`, takes [start, end) of the new text, and stands where `was` stood in the grammar. */
function sameSpan(node: AstNode, type: string, was: CstNode, shift: number, start: number, end: number): boolean {
    const cst = node.$cstNode;
    return node.$type === type && cst !== undefined && cst.grammarSource === was.grammarSource && cst.offset + shift === start && cst.end + shift === end;
}

/** The innermost declaration whose first and last characters the edit leaves alone. */
function declarationAround(root: Model, edit: TextEdit): EditedDeclaration | undefined {
    const around: AstNode[] = [];
    let found: EditedDeclaration | undefined;
    for (let node: AstNode = root, children = childrenOf(node); children; children = childrenOf(node)) {
        around.push(node);
        const index = children.findIndex(child => child.$cstNode !== undefined && encloses(child.$cstNode, edit));
        if (index < 0) break;
        node = children[index]!;
        found = { edit, around: [...around], index, declaration: node };
    }
    return found;
}

/** Whether the edit leaves the first and last characters of `node` alone (the text before and after the edit is unchanged). */
function encloses(node: CstNode, edit: TextEdit): boolean {
    return node.offset < edit.start && edit.oldEnd < node.end;
}

/** Whether a node has references of its own: the splice copies the nodes around the declaration, and a reference keeps its node. */
function hasReferences(node: AstNode): boolean {
    return Object.values(node).some(value => isReference(value) || isMultiReference(value) || (Array.isArray(value) && value.some(item => isReference(item) || isMultiReference(item))));
}

/** Whether the lexer or the parser reported anything about a parse. */
export function hasSyntaxErrors(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0;
}
