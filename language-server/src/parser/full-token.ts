import type { IToken, Lexer, TokenType } from 'chevrotain';
import { lineAt, lineStarts } from './cst-nodes.js';

/** Per token type (Chevrotain numbers them all from 0), the image of its first token. */
const imagesByType: (string | undefined)[] = [];

/** The text a lexer reads, and where its lines start once a token's line is asked for. */
export class LexedText {
    private starts: Uint32Array | undefined;

    constructor(readonly text: string) {}

    /** The 1-based line of `offset`, counting lines as Chevrotain's lexer does (\n, \r\n or a lone \r ends one). */
    line(offset: number): number {
        return lineAt(this.starts ??= lineStarts(this.text), offset) + 1;
    }

    /** The 1-based column of `offset` (in UTF-16 code units). */
    column(offset: number): number {
        const line = this.line(offset);
        return offset - this.starts![line - 1]! + 1;
    }
}

/** Makes `field` of `token` an own data field holding `value` (what Chevrotain writes into a token it made). */
function own(token: LexerToken, field: string, value: unknown): void {
    Object.defineProperty(token, field, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * A token of the lexer: its type, image and offset, and the text it was read from. Chevrotain's
 * token with `positionTracking: 'full'` keeps nine fields, four of them its lines and columns,
 * which only messages about a syntax error ever read; a 20,000-element model has 430,000
 * tokens, all alive while it is parsed (docs/performance.md#memory-of-a-built-model). Here the
 * end offset is the start plus the image's length and the lines and columns are counted in the
 * text when read, the same values as Chevrotain's (test/unit/perf/full-token.test.ts compares
 * them over examples and random text). A field written after the token is made becomes the
 * token's own (Chevrotain wrote the end of a token across lines while it counted lines itself).
 */
export class LexerToken implements IToken {
    constructor(readonly image: string, readonly startOffset: number, readonly tokenType: TokenType, private readonly lexed: LexedText) {}

    get tokenTypeIdx(): number {
        return this.tokenType.tokenTypeIdx!;
    }

    get endOffset(): number {
        return this.startOffset + this.image.length - 1;
    }

    set endOffset(value: number) {
        own(this, 'endOffset', value);
    }

    get startLine(): number {
        return this.lexed.line(this.startOffset);
    }

    set startLine(value: number) {
        own(this, 'startLine', value);
    }

    get startColumn(): number {
        return this.lexed.column(this.startOffset);
    }

    set startColumn(value: number) {
        own(this, 'startColumn', value);
    }

    /** Chevrotain's: the line of the last character (of the first, for an empty image). */
    get endLine(): number {
        return this.lexed.line(Math.max(this.startOffset, this.endOffset));
    }

    set endLine(value: number) {
        own(this, 'endLine', value);
    }

    get endColumn(): number {
        const end = this.endOffset;
        return end < this.startOffset ? this.startColumn - 1 : this.lexed.column(end);
    }

    set endColumn(value: number) {
        own(this, 'endColumn', value);
    }
}

/** Chevrotain's lexer internals replaced here (langium-fences.test.ts checks that they are still there). */
export interface TokenFactory {
    createTokenInstance: (...args: never[]) => IToken;
    createFullToken: (...args: never[]) => IToken;
    tokenize: (text: string, mode?: string) => unknown;
}

/** The text the lexer reads now, kept on Chevrotain's lexer by {@link useFullTokens}. */
interface Reading {
    lexedText?: LexedText;
}

/**
 * Makes a token of the text being read, in place of Chevrotain's `createFullToken` (same
 * arguments; the line and column are left to the token, which counts them when asked).
 */
export function createFullToken(this: Reading, image: string, startOffset: number, _tokenTypeIdx: number, tokenType: TokenType): IToken {
    // A keyword's image is one string for all its tokens: V8 copies each short piece of the text.
    const tokenTypeIdx = tokenType.tokenTypeIdx!;
    const seen = imagesByType[tokenTypeIdx];
    if (seen === image) image = seen;
    else if (seen === undefined) imagesByType[tokenTypeIdx] = image;
    return new LexerToken(image, startOffset, tokenType, this.lexedText!);
}

/** What Chevrotain's lexer returns: tml reads the offsets of its errors, and fills in their lines and columns. */
interface ChevrotainResult {
    errors: { offset: number; line: number | undefined; column: number | undefined }[];
}

/**
 * Makes `lexer` create its tokens with {@link createFullToken}, when it tracks full positions
 * (Langium's setting), and stop counting lines as it reads: the tokens count their lines when
 * asked, and the errors' lines and columns are counted here. Chevrotain counted them for every
 * token, and ran a regular expression over every piece of white space between tokens to find its
 * line ends. Its lexer reads `trackStartLines` at each tokenize (langium-fences.test.ts checks
 * that it still has it).
 */
export function useFullTokens(lexer: Lexer): void {
    const factory = lexer as unknown as TokenFactory & Reading & { trackStartLines: boolean };
    if (factory.createTokenInstance !== factory.createFullToken) return;
    const tokenize = factory.tokenize;
    factory.tokenize = function (this: TokenFactory & Reading, text: string, mode?: string): unknown {
        const lexed = new LexedText(text);
        this.lexedText = lexed;
        try {
            const result = tokenize.call(this, text, mode) as ChevrotainResult;
            for (const error of result.errors) {
                error.line = lexed.line(error.offset);
                error.column = lexed.column(error.offset);
            }
            return result;
        } finally {
            this.lexedText = undefined;
        }
    };
    factory.createTokenInstance = createFullToken;
    factory.trackStartLines = false;
}
