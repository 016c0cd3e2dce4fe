/**
 * Escaping of model text for Markdown (CommonMark with GitHub's table extension), so that text
 * from `.tm` files is shown as written and can never turn into markup: no emphasis, links, images,
 * code spans, raw HTML or extra table columns.
 */
import { visibleText } from '../model/visible-text.js';

/**
 * The ASCII punctuation that can start markup inside a line: backslash, table pipe, code span,
 * emphasis and strikethrough, link and image brackets, raw HTML and autolinks, character
 * references, and heading markers. A backslash makes each of them literal (CommonMark §2.4).
 */
const INLINE_SPECIALS = /[\\|`*_~[\]<>&#]/g;

/**
 * Spaces and tabs at the very start or end of a cell are trimmed by table parsers; as numeric
 * character references they are kept.
 */
const EDGE_WHITESPACE = /^[ \t]+|[ \t]+$/g;

const LINE_BREAK = /\r\n|\r|\n/g;

/** Whether any of {@link INLINE_SPECIALS}, {@link EDGE_WHITESPACE} or {@link LINE_BREAK} matches: otherwise a cell is its text as it is. */
const NEEDS_ESCAPE = /[\\|`*_~[\]<>&#\r\n]|^[ \t]|[ \t]$/;

/**
 * Text for one table cell, on one source line: invisible characters made visible
 * ({@link visibleText}), special characters backslash-escaped, line breaks as `<br>` (the only raw
 * HTML the output ever contains, since every `<` of the text is escaped), leading and trailing
 * whitespace kept.
 */
export function escapeMarkdownCell(text: string): string {
    const visible = visibleText(text);
    // Most model text needs none of the passes: one test says so (reports of thousands of cells).
    return NEEDS_ESCAPE.test(visible) ? escapeVisibleCell(visible) : visible;
}

/** {@link escapeMarkdownCell} of text already visible, every pass applied (the plain path, which tests compare the shortcut with). */
export function escapeVisibleCell(visible: string): string {
    return visible
        .replace(INLINE_SPECIALS, '\\$&')
        .replace(EDGE_WHITESPACE, whitespace => [...whitespace].map(c => `&#${c.charCodeAt(0)};`).join(''))
        .replace(LINE_BREAK, '<br>');
}

/**
 * A line that would start a block (list item, block quote, thematic break, setext underline,
 * ordered list) if its first character were left as is.
 */
const BLOCK_START = /^([-+=])|^(\d+)([.)])/;

/**
 * Text for a paragraph, heading or list item: {@link escapeMarkdownCell}, and a first character
 * that would start a block of its own escaped too.
 */
export function escapeMarkdownText(text: string): string {
    return escapeMarkdownCell(text).replace(BLOCK_START, (_match, marker: string | undefined, digits: string | undefined, delimiter: string | undefined) =>
        marker !== undefined ? `\\${marker}` : `${digits ?? ''}\\${delimiter ?? ''}`);
}
