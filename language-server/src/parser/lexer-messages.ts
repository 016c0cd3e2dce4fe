import type { ILexerErrorMessageProvider, IToken } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';

const VOCABULARY = 'outside text in double quotes and comments, a model is made of names (letters, digits and _), keywords, whole numbers, { } , : and ->';

/** What to say about characters the lexer cannot read, by what they start with (first match wins). */
const UNEXPECTED: ReadonlyArray<readonly [RegExp, string]> = [
    [/^<->/, `'<->' is not allowed: a flow goes one way, from its source to its target. For data that moves both ways, write two flows: A -> B and B -> A.`],
    [/^<-/, `'<-' is not allowed: a flow goes from its source to its target. Write Source -> Target.`],
    [/^=>/, `'=>' is not allowed: a flow is written Source -> Target.`],
    [/^"/, `This text is not closed: text starts and ends with " on the same line (use \\" for a quote inside it).`],
    [/^'/, `Text is written in double quotes ("…"), not single quotes.`],
    [/^[\u201c\u201d\u201e\u2018\u2019]/, 'Typographic quotes are not allowed: write text in straight double quotes ("…").'],
    [/^\/\*/, 'This comment is not closed: a comment that starts with /* ends with */.'],
    [/^#/, `'#' does not start a comment: write // for the rest of the line, or /* … */.`],
    [/^;/, `';' is not needed: write clauses and declarations one after another, without ';'.`],
    [/^=/, `'=' is not used: write a clause's keyword and then its value, e.g. protocol "HTTPS".`],
    [/^[[\]]/, `Lists are written without brackets: targets A, B.`],
    [/^\.\d/, `Numbers are whole numbers, without '.': a DREAD factor is an integer from 0 to 10.`],
    [/^\./, `'.' is not allowed in a name: names hold only letters, digits and _.`],
];

/** `'x'`, or the code point of a character that would not show (`U+0000`). */
function describeCharacter(text: string): string {
    const code = text.codePointAt(0) ?? 0;
    return code > 0x20 && code < 0x7f || code > 0xa0 && !/\p{C}|\p{Z}/u.test(String.fromCodePoint(code))
        ? `'${String.fromCodePoint(code)}'`
        : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The message for characters the lexer could not read, starting at `offset` of `text`. */
export function unexpectedCharactersMessage(text: string, offset: number): string {
    const at = text.slice(offset, offset + 3);
    const known = UNEXPECTED.find(([pattern]) => pattern.test(at));
    if (known) return known[1];
    return `The character ${describeCharacter(at)} is not allowed here: ${VOCABULARY}.`;
}

/** Lexer error messages in tml's words, in place of Chevrotain's "unexpected character: ->x<- at offset: …". */
export class ThreatModelLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    private readonly fallback = new DefaultLexerErrorMessageProvider();

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number): string {
        return unexpectedCharactersMessage(fullText, startOffset);
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        // tml's lexer has one mode; kept for the interface.
        return this.fallback.buildUnableToPopLexerModeMessage(token);
    }
}
