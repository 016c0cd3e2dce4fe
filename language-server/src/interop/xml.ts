import { ImportError } from './imported-model.js';

/** An XML element as the importers read it: names without their namespace prefix. */
export interface XmlElement {
    /** The local name (`Value` for `<a:Value>`). */
    readonly name: string;
    /** Attributes by local name (`type` for `i:type`). */
    readonly attributes: ReadonlyMap<string, string>;
    readonly children: XmlElement[];
    /** The element's own character data (CDATA included), children's text not. */
    text: string;
}

/** Deeper element nesting than any real `.tm7` file has (about 12); a bound on the parser's stack. */
const MAX_DEPTH = 256;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A small, strict XML parser for untrusted files: no DTD (`<!DOCTYPE` is refused, so no entity can
 * be declared and no external resource named, which rules out "billion laughs" and XXE), only the
 * five predefined entities and character references, one root element, at most {@link MAX_DEPTH}
 * levels. It runs in one pass over the text, iteratively: time and memory linear in its length.
 * @throws ImportError naming the line of the first problem.
 */
export function parseXml(text: string): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const fail = (message: string, at: number): never => {
        throw new ImportError(`malformed XML at line ${lineAt(text, at)}: ${message}`);
    };
    while (i < text.length) {
        const open = text.indexOf('<', i);
        const end = open < 0 ? text.length : open;
        if (end > i) {
            const chars = text.slice(i, end);
            const current = stack[stack.length - 1];
            if (current) current.text += decodeEntities(chars, i, fail);
            else if (chars.trim() !== '') fail('text outside the root element', i);
        }
        if (open < 0) break;
        if (text.startsWith('<!--', open)) {
            i = skipPast(text, '-->', open, 'comment', fail);
        } else if (text.startsWith('<![CDATA[', open)) {
            const close = text.indexOf(']]>', open);
            if (close < 0) fail('unterminated CDATA section', open);
            const current = stack[stack.length - 1];
            if (!current) fail('CDATA outside the root element', open);
            current!.text += text.slice(open + 9, close);
            i = close + 3;
        } else if (text.startsWith('<?', open)) {
            i = skipPast(text, '?>', open, 'processing instruction', fail);
        } else if (text.startsWith('<!', open)) {
            fail(text.startsWith('<!DOCTYPE', open) ? 'a DTD (<!DOCTYPE>) is refused: tml reads no DTDs or entity declarations' : 'unexpected markup declaration', open);
        } else if (text.startsWith('</', open)) {
            const close = text.indexOf('>', open);
            if (close < 0) fail('unterminated end tag', open);
            const name = text.slice(open + 2, close).trim();
            const current = stack.pop();
            if (!current || current.name !== localName(name)) fail(`end tag </${name}> does not match ${current ? `<${current.name}>` : 'any open element'}`, open);
            i = close + 1;
        } else {
            const tag = readTag(text, open, fail);
            const element: XmlElement = { name: localName(tag.name), attributes: tag.attributes, children: [], text: '' };
            const parent = stack[stack.length - 1];
            if (parent) parent.children.push(element);
            else if (root) fail('more than one root element', open);
            else root = element;
            if (!tag.selfClosing) {
                if (stack.length >= MAX_DEPTH) fail(`elements nested more than ${MAX_DEPTH} levels deep`, open);
                stack.push(element);
            }
            i = tag.end;
        }
    }
    if (stack.length > 0) fail(`<${stack[stack.length - 1]!.name}> is not closed`, text.length);
    if (!root) fail('no root element', 0);
    return root!;
}

interface Tag {
    readonly name: string;
    readonly attributes: Map<string, string>;
    readonly selfClosing: boolean;
    /** Offset after the `>`. */
    readonly end: number;
}

const NAME = /[^\s/>=]+/y;
const ATTRIBUTE = /\s*([^\s/>=]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

function readTag(text: string, open: number, fail: (message: string, at: number) => never): Tag {
    NAME.lastIndex = open + 1;
    const name = NAME.exec(text)?.[0];
    if (name === undefined) return fail('a tag without a name', open);
    const attributes = new Map<string, string>();
    let i = NAME.lastIndex;
    for (;;) {
        ATTRIBUTE.lastIndex = i;
        const match = ATTRIBUTE.exec(text);
        if (!match) break;
        attributes.set(localName(match[1]!), decodeEntities(match[2] ?? match[3] ?? '', i, fail));
        i = ATTRIBUTE.lastIndex;
    }
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('/>', i)) return { name, attributes, selfClosing: true, end: i + 2 };
    if (text[i] === '>') return { name, attributes, selfClosing: false, end: i + 1 };
    return fail(`malformed tag <${name}>`, open);
}

/** `a:Value` → `Value`. */
export function localName(qualified: string): string {
    const colon = qualified.indexOf(':');
    return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function decodeEntities(chars: string, at: number, fail: (message: string, at: number) => never): string {
    if (!chars.includes('&')) return chars;
    return chars.replace(/&([^;&\s]*);?/g, (whole, entity: string) => {
        if (!whole.endsWith(';')) return fail('a bare & (write &amp;)', at);
        if (Object.hasOwn(PREDEFINED, entity)) return PREDEFINED[entity]!;
        const code = /^#x([0-9a-fA-F]{1,6})$/.exec(entity)?.[1] ?? /^#([0-9]{1,7})$/.exec(entity)?.[1];
        if (code !== undefined) {
            const value = entity[1] === 'x' ? parseInt(code, 16) : parseInt(code, 10);
            if (value > 0 && value <= 0x10ffff) return String.fromCodePoint(value);
        }
        return fail(`entity reference &${entity}; is refused: only &lt; &gt; &amp; &quot; &apos; and character references are read`, at);
    });
}

function skipPast(text: string, terminator: string, open: number, what: string, fail: (message: string, at: number) => never): number {
    const close = text.indexOf(terminator, open);
    if (close < 0) fail(`unterminated ${what}`, open);
    return close + terminator.length;
}

function lineAt(text: string, offset: number): number {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
}

/** The children of `element` with local name `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter(c => c.name === name);
}

/** The first child of `element` with local name `name`. */
export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
    return element?.children.find(c => c.name === name);
}

/** The trimmed text of the first child named `name`, or undefined when absent, empty or `i:nil`. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
    const child = childNamed(element, name);
    if (!child || child.attributes.get('nil') === 'true') return undefined;
    const text = child.text.trim();
    return text === '' ? undefined : text;
}
