import type { LangiumCoreServices, LexerResult, TokenizeOptions } from 'langium';
import { DefaultLexer } from 'langium';
import { ThreatModelParserErrorMessageProvider } from './error-messages.js';
import { useFullTokens } from './full-token.js';

/**
 * Deepest `{ }` nesting the parser accepts. Real models nest boundaries a few levels and threat
 * trees perhaps a dozen; the recursive-descent parser overflows the default stack at about 190 levels, and its error
 * recovery, on a file cut short at the limit, at about 100; the limit keeps
 * a margin for callers that start deeper in the stack.
 */
export const MAX_NESTING = 64;

/** What each opening token costs in depth. */
const OPENERS: Readonly<Record<string, number>> = { '{': 1, '(': 2 };
const CLOSERS: ReadonlySet<string> = new Set(['}', ')']);

/**
 * Stops the token stream at the first `{` or `(` nested deeper than {@link MAX_NESTING} (counted
 * together, since a rule's condition sits in a block), or at a run of `not`s that would nest as
 * deep, with a lexer error there, so that a pathological file yields a clear message instead of a
 * stack overflow that would end the language server. A condition's parenthesis costs the parser
 * more stack than a block, so it counts twice.
 */
export class NestingLimitLexer extends DefaultLexer {
    private readonly messages: ThreatModelParserErrorMessageProvider | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        useFullTokens(this.chevrotainLexer);
        const messages = services.parser.ParserErrorMessageProvider;
        this.messages = messages instanceof ThreatModelParserErrorMessageProvider ? messages : undefined;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        // The parser's messages look at the text around the tokens they are about.
        this.messages?.read(text);
        const result = super.tokenize(text, options);
        const open: number[] = [];
        let depth = 0;
        let negations = 0;
        for (let i = 0; i < result.tokens.length; i++) {
            const token = result.tokens[i]!;
            const name = token.tokenType.name;
            negations = name === 'not' ? negations + 1 : 0;
            if (CLOSERS.has(name)) depth -= open.pop() ?? 0;
            const cost = OPENERS[name] ?? 0;
            if (cost > 0) open.push(cost);
            depth += cost;
            if (depth + negations <= MAX_NESTING) continue;
            result.tokens.length = i;
            result.errors.push({
                offset: token.startOffset,
                length: token.image.length,
                line: token.startLine,
                column: token.startColumn,
                message: name === '{'
                    ? `Blocks are nested more than ${MAX_NESTING} levels deep here; the rest of the file is not read. Flatten the nesting.`
                    : 'This condition is nested too deeply; the rest of the file is not read. Flatten the nesting.',
            });
            break;
        }
        return result;
    }
}
