/**
 * Reading outputs back the way their consumers do, for the injection suites: what a payload must
 * come back as, the shape of a parsed document without its text (to compare with the shape of the
 * same model holding plain text), and small tokenizers for DOT and Mermaid, which have no parser
 * among the test dependencies.
 */
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

/** The text every payload is compared with: a model holding plain words. */
export const PLAIN = 'plain words';

/**
 * Code points an output must never carry as they are (README, "Invisible characters"), written out
 * here independently of the implementation: C0 controls but tab, LF and CR; DEL and C1 controls;
 * soft hyphen; Arabic letter mark; zero-width characters and directional marks; line and paragraph
 * separators; bidirectional embeddings, overrides and isolates; word joiner and invisible
 * operators; byte order mark; surrogates; U+FFFE, U+FFFF; tag characters.
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
    [0x00, 0x08], [0x0b, 0x0c], [0x0e, 0x1f], [0x7f, 0x9f], [0xad, 0xad], [0x61c, 0x61c], [0x200b, 0x200f],
    [0x2028, 0x202e], [0x2060, 0x2064], [0x2066, 0x206f], [0xd800, 0xdfff], [0xfeff, 0xfeff], [0xfffe, 0xffff], [0xe0000, 0xe007f],
];

function isInvisible(codePoint: number): boolean {
    return INVISIBLE_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** The invisible characters of `text`, as `U+XXXX` labels (empty when there are none). */
export function invisibleIn(text: string): string[] {
    return [...text].map(c => c.codePointAt(0)!).filter(isInvisible).map(label);
}

function label(codePoint: number): string {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What a payload must come back as: one kind of line break, each invisible character as `<U+XXXX>`. */
export function shown(payload: string): string {
    return [...payload.replace(/\r\n?/g, '\n')].map(c => (isInvisible(c.codePointAt(0)!) ? `<${label(c.codePointAt(0)!)}>` : c)).join('');
}

/** {@link shown} on one line: each line break a space (hovers, one-line messages). */
export function shownOnOneLine(payload: string): string {
    return shown(payload).replace(/\n/g, ' ');
}

/** A Markdown document as GitHub reads it (CommonMark with GFM tables). */
export function parseMarkdown(markdown: string): Nodes {
    return fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}

/**
 * The shape of a tree without its text: node kinds (with a heading's depth, an element's attribute
 * names), text and the `<br>` line breaks left out, and a run of siblings of the same shape written
 * once, so that a payload making a list longer or a cell two lines does not count as a change of
 * shape, and a payload making a link, an element or an attribute does.
 */
export interface Shape { readonly kind: string; readonly children: readonly Shape[] }

function collapse(children: readonly Shape[]): Shape[] {
    const out: Shape[] = [];
    for (const child of children) {
        if (out.length === 0 || JSON.stringify(out[out.length - 1]) !== JSON.stringify(child)) out.push(child);
    }
    return out;
}

/** {@link Shape} of a Markdown tree. */
export function markdownShape(node: Nodes): Shape | undefined {
    if (node.type === 'text' || (node.type === 'html' && node.value === '<br>')) return undefined;
    const kind = node.type === 'heading' ? `heading${node.depth}` : node.type === 'code' ? `code:${node.lang ?? ''}` : node.type;
    const children = 'children' in node ? (node.children as Nodes[]).map(markdownShape).filter(s => s !== undefined) : [];
    return { kind, children: collapse(children) };
}

/** The part of a DOM-like tree (parse5 or xmldom) {@link Shape} needs. */
export interface ElementLike {
    readonly nodeName: string;
    readonly attrs?: readonly { readonly name: string }[];
    readonly attributes?: ArrayLike<{ readonly name: string }>;
    readonly childNodes?: ArrayLike<ElementLike>;
}

/** {@link Shape} of an HTML (parse5) or XML (xmldom) tree: element names and their attribute names. */
export function domShape(node: ElementLike): Shape | undefined {
    if (node.nodeName.startsWith('#') && node.nodeName !== '#document' && node.nodeName !== '#comment') return undefined;
    const attributes = [...(node.attrs ?? Array.from(node.attributes ?? []))].map(a => a.name).sort();
    const children = Array.from(node.childNodes ?? []).map(domShape).filter(s => s !== undefined);
    return { kind: `${node.nodeName}[${attributes.join(' ')}]`, children: collapse(children) };
}

/** Every element and attribute name in a {@link Shape}. */
export function shapeKinds(shape: Shape, into = new Set<string>()): Set<string> {
    into.add(shape.kind);
    for (const child of shape.children) shapeKinds(child, into);
    return into;
}

/** A DOT token: a bare id or punctuation, a quoted string (as written) or an HTML string (between its outer `<` and `>`). */
export type DotToken = { readonly kind: 'id' | 'punct'; readonly text: string } | { readonly kind: 'quoted' | 'html'; readonly text: string };

/**
 * Tokens of a DOT document as Graphviz's scanner reads them: quoted strings end at the first `"`
 * not preceded by a backslash, HTML strings at the `>` that balances their first `<`.
 * @throws Error on a character DOT does not allow between tokens, or an unterminated string
 */
export function tokenizeDot(dot: string): DotToken[] {
    const tokens: DotToken[] = [];
    let i = 0;
    while (i < dot.length) {
        const c = dot[i]!;
        if (/\s/.test(c)) { i++; continue; }
        if (c === '"') {
            let j = i + 1;
            while (j < dot.length && dot[j] !== '"') j += dot[j] === '\\' ? 2 : 1;
            if (j >= dot.length) throw new Error(`unterminated string at ${i}`);
            tokens.push({ kind: 'quoted', text: dot.slice(i + 1, j) });
            i = j + 1;
        } else if (c === '<') {
            let depth = 0;
            let j = i;
            for (; j < dot.length; j++) {
                if (dot[j] === '<') depth++;
                else if (dot[j] === '>' && --depth === 0) break;
            }
            if (j >= dot.length) throw new Error(`unterminated HTML string at ${i}`);
            tokens.push({ kind: 'html', text: dot.slice(i + 1, j) });
            i = j + 1;
        } else if (dot.startsWith('->', i)) {
            tokens.push({ kind: 'punct', text: '->' });
            i += 2;
        } else if ('{}[];,='.includes(c)) {
            tokens.push({ kind: 'punct', text: c });
            i++;
        } else {
            const id = /^[A-Za-z0-9_.]+/.exec(dot.slice(i))?.[0];
            if (!id) throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
            tokens.push({ kind: 'id', text: id });
            i += id.length;
        }
    }
    return tokens;
}

/** The statement structure of DOT tokens: ids and punctuation as they are, every string as its kind. */
export function dotStructure(tokens: readonly DotToken[]): string[] {
    return tokens.map(t => (t.kind === 'quoted' || t.kind === 'html' ? `<${t.kind}>` : t.text));
}

/**
 * The statements of a Mermaid flowchart as tml writes them: each line one of these, labels always
 * in double quotes with no `"` inside.
 */
const MERMAID_STATEMENTS: readonly RegExp[] = [
    /^flowchart LR$/,
    /^ +subgraph tm_\w+\["[^"]*"\]$/,
    /^ +end$/,
    /^ +tm_\w+(?:\["[^"]*"\]|\(\("[^"]*"\)\)|\[\("[^"]*"\)\])$/,
    /^ +tm_\w+ -->\|"[^"]*"\| tm_\w+$/,
    /^ +classDef open stroke:#\w+,stroke-width:2px$/,
    /^ +class tm_\w+(?:,tm_\w+)* open$/,
    /^ +style tm_\w+ fill:none,stroke:#\w+,stroke-dasharray:5 5$/,
    /^ +linkStyle \d+(?:,\d+)* stroke:#\w+,stroke-width:2px$/,
];

/** The lines of a Mermaid flowchart that are none of tml's statements. */
export function unexpectedMermaidLines(mermaid: string): string[] {
    return mermaid.trimEnd().split('\n').filter(line => !MERMAID_STATEMENTS.some(statement => statement.test(line)));
}

const MERMAID_DECODED: Readonly<Record<string, string>> = { '#35;': '#', '#quot;': '"', '#amp;': '&', '#lt;': '<', '#gt;': '>', '#96;': '`', '#124;': '|' };

/**
 * The text Mermaid shows for a quoted label: its entity codes decoded, `<br>` as a line break.
 * @throws Error on markup, a `#` that starts no entity code, or a character that ends a label
 */
export function mermaidLabelText(label: string): string {
    const stray = /<(?!br>)|(?<!<br)>|#(?!35;|quot;|amp;|lt;|gt;|96;|124;)|["`|]/.exec(label);
    if (stray) throw new Error(`unescaped ${JSON.stringify(stray[0])} in Mermaid label ${JSON.stringify(label.slice(0, 80))}`);
    return label.replace(/<br>/g, '\n').replace(/#(?:35|quot|amp|lt|gt|96|124);/g, code => MERMAID_DECODED[code]!);
}

/** The quoted label of the Mermaid node or subgraph `tm_<id>`. */
export function mermaidLabelOf(mermaid: string, id: string): string | undefined {
    const line = mermaid.split('\n').find(l => new RegExp(`^ +(?:subgraph )?tm_${id}[[(]`).test(l));
    return line === undefined ? undefined : /"([^"]*)"/.exec(line)?.[1];
}
