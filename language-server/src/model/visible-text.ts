/**
 * Characters that change how text displays without being seen, and the one visible form every
 * output of tml gives them (README, "Invisible characters"). A title holding U+202E (right-to-left
 * override) would show reversed in a table, a diagram or a hover; a zero-width space would hide a
 * difference between two names; NUL and other control characters are dropped or rejected by
 * Markdown, XML and spreadsheets.
 */

/**
 * Control characters (Unicode category Cc) other than tab, line feed and carriage return, which
 * every output writes as layout; format characters (Cf: the bidirectional controls, zero-width
 * characters, the byte order mark, soft hyphen, tag characters…); the line and paragraph
 * separators (Zl, Zp); lone surrogates (Cs); and U+FFFE and U+FFFF, which XML does not allow.
 */
const INVISIBLE = /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/gu;

/** Names for the characters a reader is most likely to meet, for findings' messages. */
const CHARACTER_NAMES: Readonly<Record<number, string>> = {
    0x0000: 'null',
    0x00ad: 'soft hyphen',
    0x061c: 'Arabic letter mark',
    0x200b: 'zero width space',
    0x200c: 'zero width non-joiner',
    0x200d: 'zero width joiner',
    0x200e: 'left-to-right mark',
    0x200f: 'right-to-left mark',
    0x2028: 'line separator',
    0x2029: 'paragraph separator',
    0x202a: 'left-to-right embedding',
    0x202b: 'right-to-left embedding',
    0x202c: 'pop directional formatting',
    0x202d: 'left-to-right override',
    0x202e: 'right-to-left override',
    0x2060: 'word joiner',
    0x2066: 'left-to-right isolate',
    0x2067: 'right-to-left isolate',
    0x2068: 'first strong isolate',
    0x2069: 'pop directional isolate',
    0xfeff: 'zero width no-break space',
};

/** `U+202E`: the code point in hexadecimal, at least four digits. */
export function codePointLabel(codePoint: number): string {
    return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+202E (right-to-left override)", "U+0007 (control character)". */
export function describeCodePoint(codePoint: number): string {
    const name = CHARACTER_NAMES[codePoint]
        ?? (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) ? 'control character'
            : codePoint >= 0xd800 && codePoint <= 0xdfff ? 'lone surrogate'
                : 'invisible formatting character');
    return `${codePointLabel(codePoint)} (${name})`;
}

/**
 * The text with every invisible character (see {@link INVISIBLE}) written as `<U+XXXX>`, e.g.
 * `<U+202E>`; everything else, tab and line breaks included, as it is. The result holds no
 * invisible character, so applying it twice changes nothing: each output may apply it again.
 */
export function visibleText(text: string): string {
    return PRINTABLE_ASCII.test(text) ? text : text.replace(INVISIBLE, c => `<${codePointLabel(c.codePointAt(0)!)}>`);
}

/**
 * Text of printable ASCII, tabs and line breaks only, which holds no {@link INVISIBLE} character:
 * most model text, checked several times faster than the Unicode classes (reports of thousands of elements).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e\t\n\r]*$/;

/** The offsets (in UTF-16 code units) of every invisible character of `text`. */
export function* invisibleOffsets(text: string): Generator<number> {
    for (const match of text.matchAll(INVISIBLE)) yield match.index;
}

/** The distinct invisible characters of `text`, as code points, in order of first occurrence. */
export function invisibleCodePoints(text: string): number[] {
    const found = new Set<number>();
    for (const match of text.matchAll(INVISIBLE)) found.add(match[0].codePointAt(0)!);
    return [...found];
}

/**
 * Model text as every output shows it: each line break (CR LF, CR or LF) as LF, and invisible
 * characters visible ({@link visibleText}). Absent text is empty.
 */
export function displayText(text: string | undefined): string {
    return visibleText((text ?? '').replace(/\r\n?/g, '\n'));
}
