import type { CstNode } from 'langium';
import { CstUtils } from 'langium';
import { COMMENT_TOKENS } from '../../validation/text-checks.js';

/**
 * Whether a cursor at `offset` writes inside a comment: the character before it belongs to a
 * comment, and the cursor is not just after the `*` `/` that closes a block comment. Completion
 * there would propose code: the text before the cursor, which completion parses, opens the comment
 * without closing it, so the lexer skips the `/*` and reads the commented-out words as code.
 */
export function isInsideComment(root: CstNode, offset: number): boolean {
    if (offset === 0) return false;
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset - 1);
    if (!leaf || leaf.offset >= offset || leaf.end < offset) return false;
    const token = (leaf as { tokenType?: { name?: string } }).tokenType?.name;
    if (token === undefined || !COMMENT_TOKENS.has(token)) return false;
    // A line comment goes on to the end of its line; a block comment ends with its `*/`.
    return token === 'SL_COMMENT' || offset < leaf.end;
}
