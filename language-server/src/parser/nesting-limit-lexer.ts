import type { LangiumCoreServices, LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';
import { ThreatModelParserErrorMessageProvider } from './error-messages.js';

/**
 * Deepest `{ }` nesting the parser accepts. Real models nest boundaries a few levels and threat
 * trees perhaps a dozen; the recursive-descent parser overflows the default stack at about 190 levels, and its error
 * recovery, on a file cut short at the limit, at about 100; the limit keeps
 * a margin for callers that start deeper in the stack.
 */
export const MAX_NESTING = 64;

/**
 * Stops the token stream at the first `{` nested deeper than {@link MAX_NESTING}, with a lexer
 * error there, so that a pathological file yields a clear message instead of a stack overflow
 * that would end the language server.
 */
export class NestingLimitLexer extends DefaultLexer {
    private readonly messages: ThreatModelParserErrorMessageProvider | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        const messages = services.parser.ParserErrorMessageProvider;
        this.messages = messages instanceof ThreatModelParserErrorMessageProvider ? messages : undefined;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        // The parser's messages look at the text around the tokens they are about.
        this.messages?.read(text);
        const result = super.tokenize(text, options);
        let depth = 0;
        for (let i = 0; i < result.tokens.length; i++) {
            const token = result.tokens[i]!;
            const name = token.tokenType.name;
            if (name === '}') depth = Math.max(0, depth - 1);
            if (name !== '{' || ++depth <= MAX_NESTING) continue;
            result.tokens.length = i;
            result.errors.push({
                offset: token.startOffset,
                length: token.image.length,
                line: token.startLine,
                column: token.startColumn,
                message: `Blocks are nested more than ${MAX_NESTING} levels deep here; the rest of the file is not read. Flatten the nesting.`,
            });
            break;
        }
        return result;
    }
}
