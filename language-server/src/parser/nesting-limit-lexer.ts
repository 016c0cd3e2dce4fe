import type { LangiumCoreServices, LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';
import { ThreatModelParserErrorMessageProvider } from './error-messages.js';
import { useFullTokens } from './full-token.js';
import { FastLexer } from './fast/fast-lexer.js';
import { MAX_NESTING, tooDeepAt } from './nesting-depth.js';

export { MAX_NESTING } from './nesting-depth.js';

/**
 * Stops the token stream at the first token nested too deeply ({@link tooDeepAt}), with a lexer
 * error there, so that a pathological file yields a clear message instead of a stack overflow
 * that would end the language server.
 */
export class NestingLimitLexer extends DefaultLexer {
    /** The same tokens read without token objects, for the fast parser (fast/fast-lexer.ts); none if it cannot read this lexer's tokens. */
    readonly fast: FastLexer | undefined;
    private readonly messages: ThreatModelParserErrorMessageProvider | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        useFullTokens(this.chevrotainLexer);
        this.fast = FastLexer.of(this.definition, (this.chevrotainLexer.constructor as unknown as { SKIPPED: string }).SKIPPED);
        const messages = services.parser.ParserErrorMessageProvider;
        this.messages = messages instanceof ThreatModelParserErrorMessageProvider ? messages : undefined;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        // The parser's messages look at the text around the tokens they are about.
        this.messages?.read(text);
        const result = super.tokenize(text, options);
        const i = tooDeepAt(result.tokens.length, index => result.tokens[index]!.tokenType.name);
        if (i < 0) return result;
        const token = result.tokens[i]!;
        result.tokens.length = i;
        result.errors.push({
            offset: token.startOffset,
            length: token.image.length,
            line: token.startLine,
            column: token.startColumn,
            message: token.tokenType.name === '{'
                ? `Blocks are nested more than ${MAX_NESTING} levels deep here; the rest of the file is not read. Flatten the nesting.`
                : 'This condition is nested too deeply; the rest of the file is not read. Flatten the nesting.',
        });
        return result;
    }
}
