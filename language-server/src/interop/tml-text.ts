import { visibleText } from '../model/visible-text.js';

/**
 * A tml string literal holding exactly `text`: backslash, quote and both line-break characters
 * escaped (a raw CR or LF would end the literal), everything else as it is, so titles keep the
 * source's text (invisible characters included: tml's own checks and outputs show them).
 */
export function tmlString(text: string): string {
    return `"${text.replace(/[\\"\r\n]/g, c => ESCAPES[c]!)}"`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\r': '\\r', '\n': '\\n' };

/** A `//` comment line's text: one line, invisible characters made visible (no Trojan Source in a comment). */
export function commentText(text: string): string {
    return visibleText(text).replace(/\r\n|[\r\n]/g, ' ').trim();
}
