import type { GrammarAST } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Matches a string literal by scanning, not with a regular expression: V8's regex engine recurses
 * per repetition of `("(\\.|[^"\\])*")` and overflows the stack on a string of a few million
 * characters, which took the whole language server down. Same language: `"`, then any characters
 * but `"`, `\`, CR and LF, or `\` followed by any character but CR and LF, then `"`.
 */
export function matchString(text: string, offset: number): [string] | null {
    if (text.charCodeAt(offset) !== 0x22 /* " */) return null;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return [text.slice(offset, i + 1)];
        if (c === 0x0a || c === 0x0d) return null;
        if (c === 0x5c /* \ */) {
            const next = text.charCodeAt(i + 1);
            if (Number.isNaN(next) || next === 0x0a || next === 0x0d) return null;
            i++;
        }
    }
    return null;
}

/** Langium's tokens, with {@link matchString} for `STRING`. */
export class ThreatModelTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name !== 'STRING') return token;
        return { ...token, PATTERN: matchString, START_CHARS_HINT: ['"'], LINE_BREAKS: false };
    }
}
