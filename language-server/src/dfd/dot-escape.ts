/**
 * Text from `.tm` files into Graphviz DOT. Titles may contain anything a string literal can hold
 * (`<script>`, quotes, `&amp;`, backslashes, newlines), and must come out of Graphviz as the same
 * text, escaped for SVG. Labels are HTML-like labels (`<…>`): Graphviz decodes their entities
 * once and escapes the text again when it writes SVG, so a title survives exactly; plain `"…"`
 * labels would not (Graphviz keeps `&amp;` in them as an entity, and expands `\N` and friends).
 */

import { visibleText } from '../model/visible-text.js';

const LINE_BREAK = /\r\n|\r|\n/;

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Control characters, lone surrogates and other invisible characters written as `<U+XXXX>`
 * ({@link visibleText}): the SVG stays well-formed XML (1.0 allows neither), and no title shows
 * reversed or hidden.
 */
export function showable(text: string): string {
    return visibleText(text);
}

/**
 * Graphviz replaces `\N`, `\G`, `\E`, `\H`, `\T` and `\L` in label text with the node's,
 * graph's or edge's name, in HTML-like labels too, after decoding entities (`&#92;N` does not
 * help) and without a way to escape the backslash; and it reads `\\` as one backslash. It does so
 * within one text item, so a title's `\N` (or `\\`) is written as `\` and `<FONT>N…</FONT>`: two
 * items, shown side by side as the same text.
 */
const NAME_ESCAPE = /\\(?=[GNEHTL\\])/g;

/** One line of text inside an HTML-like label. */
export function htmlLabelText(text: string): string {
    const escaped = showable(text).replace(/[&<>"]/g, c => HTML_ENTITIES[c]!);
    const [first, ...rest] = escaped.replace(NAME_ESCAPE, '\\\u0000').split('\u0000');
    return first + rest.map(item => `<FONT>${item}</FONT>`).join('');
}

/** Text inside an HTML-like label, each line break becoming `<BR/>`. */
export function htmlLabelLines(text: string): string {
    return text.split(LINE_BREAK).map(htmlLabelText).join('<BR/>');
}

/**
 * A DOT double-quoted string for an attribute Graphviz treats as escString (tooltips): `"` escaped
 * for DOT, line breaks as `\n`, and `&`, `<`, `>` as entities, which Graphviz writes to SVG as they
 * are. Graphviz expands `\N` and the like here even after `\\`, so a backslash is shown as the
 * reverse solidus operator (U+29F5); tooltips hold names, fixed words, protocols and exclude
 * reasons, never titles.
 */
export function dotEscString(text: string): string {
    const lines = text.split(LINE_BREAK).map(line => showable(line)
        .replace(/\\/g, '\u29F5')
        .replace(/"/g, '\\"')
        .replace(/[&<>]/g, c => HTML_ENTITIES[c]!));
    return `"${lines.join('\\n')}"`;
}

/** A DOT double-quoted identifier or plain value (ids, class names, colours). */
export function dotQuoted(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
