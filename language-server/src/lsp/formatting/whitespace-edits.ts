import type { AstNode, LeafCstNode } from 'langium';
import { CstUtils } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Placement } from './layout-rules.js';
import { LayoutRules } from './layout-rules.js';

/** One level of indentation: canonical whatever the editor's tab settings, so a file formats the same for everyone. */
const INDENT = '    ';

/** Where comments after the last token go: the top level. */
const END_OF_FILE: Placement = { before: { kind: 'line', min: 1, max: 2, indent: 0 }, commentIndent: 0, continuationIndent: 0 };

interface Gap {
    readonly start: number;
    readonly end: number;
    readonly newText: string;
}

/**
 * The edits that make a document's layout canonical ({@link LayoutRules}). They only ever replace
 * the whitespace between two tokens (comments count as tokens), so no token or comment can be
 * dropped, reordered or changed. Returns no edits when some text between tokens is not whitespace
 * (or tokens overlap): then the syntax tree does not cover the text exactly, and it is not safe to touch.
 *
 * Comments keep their place: one on the line of the token before it stays there, with its spacing
 * as written (so aligned trailing comments stay aligned); one on a line of its own is indented like
 * the code around it. After a `//` comment the next token always starts a new line.
 */
export function canonicalLayoutEdits(root: AstNode, textDocument: TextDocument): TextEdit[] {
    const rootCst = root.$cstNode;
    if (!rootCst) return [];
    const text = textDocument.getText();
    const leaves = CstUtils.flattenCst(rootCst).toArray();
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const lineBreak = (newlines: number, indent: number): string => eol.repeat(newlines) + INDENT.repeat(indent);
    const rules = new LayoutRules(root, leaves.filter(leaf => !leaf.hidden));

    const gaps: Gap[] = [];
    let comments: LeafCstNode[] = [];
    let previous: LeafCstNode | undefined;
    const gapTo = (offset: number, layout: (original: string) => string): void => {
        const start = previous?.end ?? 0;
        gaps.push({ start, end: offset, newText: previous ? layout(text.slice(start, offset)) : '' });
    };

    for (const leaf of leaves) {
        if (leaf.hidden) {
            comments.push(leaf);
            continue;
        }
        const placement = rules.place(leaf);
        for (const comment of comments) {
            gapTo(comment.offset, original => commentGap(original, placement, lineBreak));
            previous = comment;
        }
        const preceding = previous;
        gapTo(leaf.offset, original => tokenGap(original, placement, preceding, lineBreak));
        comments = [];
        previous = leaf;
    }
    for (const comment of comments) {
        gapTo(comment.offset, original => commentGap(original, END_OF_FILE, lineBreak));
        previous = comment;
    }
    if (previous) gaps.push({ start: previous.end, end: text.length, newText: eol });

    if (gaps.some(g => g.end < g.start || !/^\s*$/.test(text.slice(g.start, g.end)))) return [];
    return gaps
        .filter(g => text.slice(g.start, g.end) !== g.newText)
        .map(g => ({ range: { start: textDocument.positionAt(g.start), end: textDocument.positionAt(g.end) }, newText: g.newText }));
}

/** Before a comment: kept as written on the previous token's line, else indented on its own line. */
function commentGap(original: string, placement: Placement, lineBreak: (n: number, indent: number) => string): string {
    const newlines = countNewlines(original);
    if (newlines === 0) return original;
    const max = placement.before.kind === 'line' ? placement.before.max : 1;
    return lineBreak(clamp(newlines, 1, max), placement.commentIndent);
}

/** Before a token, after a token or a comment. */
function tokenGap(original: string, placement: Placement, preceding: LeafCstNode | undefined, lineBreak: (n: number, indent: number) => string): string {
    const { before } = placement;
    const newlines = countNewlines(original);
    if (before.kind === 'line') {
        return lineBreak(clamp(newlines, Math.max(before.min, 1), before.max), before.indent);
    }
    if (preceding?.hidden && (preceding.text.startsWith('//') || newlines > 0)) {
        return lineBreak(1, placement.continuationIndent);
    }
    return ' '.repeat(before.spaces);
}

function countNewlines(text: string): number {
    return text.split('\n').length - 1;
}

function clamp(value: number, min: number, max: number): number {
    return Math.min(Math.max(value, min), max);
}
