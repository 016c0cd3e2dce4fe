import type { IToken, Lexer, TokenType } from 'chevrotain';

/** Per token type (Chevrotain numbers them all from 0), the image of its first token. */
const imagesByType: (string | undefined)[] = [];

/**
 * The token Chevrotain's lexer makes with `positionTracking: 'full'` (its `createFullToken`), the
 * same fields with the same values, but listed in another order. Chevrotain's end-of-file token
 * has these fields in its own order with `NaN` for every position, and V8 gives objects whose
 * fields were added in the same order the same hidden class: a `NaN` in one makes every number
 * field of all of them a separately allocated heap number, six per token, which was 96 of the 215
 * bytes a token took (a 20,000-element model has 430,000 tokens, all alive while it is parsed:
 * docs/performance.md#memory-of-a-built-model). In another order, the fields hold small integers in place.
 */
export function createFullToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType, startLine: number, startColumn: number, imageLength: number): IToken {
    // A keyword's image is one string for all its tokens: V8 copies each short piece of the text.
    const seen = imagesByType[tokenTypeIdx];
    if (seen === image) image = seen;
    else if (seen === undefined) imagesByType[tokenTypeIdx] = image;
    return {
        tokenTypeIdx,
        tokenType,
        image,
        startOffset,
        endOffset: startOffset + imageLength - 1,
        startLine,
        endLine: startLine,
        startColumn,
        endColumn: startColumn + imageLength - 1,
    };
}

/** Chevrotain's lexer internals replaced here (langium-fences.test.ts checks that they are still there). */
export interface TokenFactory {
    createTokenInstance: (...args: never[]) => IToken;
    createFullToken: (...args: never[]) => IToken;
}

/** Makes `lexer` create its tokens with {@link createFullToken}, when it tracks full positions (Langium's setting). */
export function useFullTokens(lexer: Lexer): void {
    const factory = lexer as unknown as TokenFactory;
    if (factory.createTokenInstance === factory.createFullToken) factory.createTokenInstance = createFullToken;
}
