import type { IToken, TokenType } from 'chevrotain';
import type { AstNode, CstNode, GrammarAST, LangiumCoreServices, LangiumParser, LexerResult, ParseResult, ParserOptions, ValueConverter, ValueType } from 'langium';
import { DefaultValueConverter } from 'langium';
import { LinearCstNodeBuilder, createThreatModelParser } from '../cst-node-builder.js';
import { NestingLimitLexer } from '../nesting-limit-lexer.js';
import type { ReadTokens } from './fast-lexer.js';
import { TokenColumns } from './fast-lexer.js';
import { GIVE_UP, fastParse } from './fast-parse.js';
import type { FastParseServices } from './fast-parse.js';
import type { GrammarPlan } from './grammar-plan.js';
import { UnplannableGrammar, planGrammar } from './grammar-plan.js';

/**
 * The parser service (docs/performance.md#parsing): a file without syntax errors is parsed by
 * {@link fastParse}, which makes exactly Langium's result without running Chevrotain (its tokens
 * read by the lexer service's fast lexer, fast-lexer.ts, or by Chevrotain's lexer where that one
 * gives up); anything
 * else (a lexer error, a token the grammar does not expect, a stack overflow) is parsed again by
 * Langium's own parser, so every syntax message and recovery is Langium's. That parser, and
 * Chevrotain's analysis of the grammar, are made only when first needed.
 */
export class FastThreatModelParser {
    /** How many parses went to Langium's parser. */
    fallbacks = 0;
    private fast: FastParseServices | null | undefined;
    private langium: LangiumParser | undefined;
    /** The grammar read for the fast parser, made with the service (in the language server, while it initializes), or null: the grammar cannot be planned. */
    private readonly plan: GrammarPlan | null;

    constructor(private readonly services: LangiumCoreServices) {
        try {
            this.plan = planGrammar(services.Grammar, services.parser.Lexer.definition);
        } catch (error) {
            if (!(error instanceof UnplannableGrammar)) throw error;
            this.plan = null;
        }
    }

    parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const result = this.parseFast<T>(input, options);
        if (result) return result;
        this.fallbacks++;
        return this.langiumParser.parse<T>(input, options);
    }

    /**
     * Parses `input` with Langium's parser straight away: for a text that most likely has a syntax
     * error still (the file's previous version had one, and its user is typing), which the fast
     * parser would read up to the error only to give it to Langium's parser.
     */
    parseExpectingErrors<T extends AstNode = AstNode>(input: string): ParseResult<T> {
        return this.langiumParser.parse<T>(input);
    }

    /** Langium's parser (createThreatModelParser), made on first use. */
    get langiumParser(): LangiumParser {
        this.langium ??= createThreatModelParser(this.services);
        return this.langium;
    }

    /** Whether Langium's parser was made. */
    get langiumParserMade(): boolean {
        return this.langium !== undefined;
    }

    private parseFast<T extends AstNode>(input: string, options: ParserOptions): ParseResult<T> | undefined {
        const fast = this.fastServices();
        const rule = options.rule === undefined ? fast?.plan.entry : fast?.plan.rules.get(options.rule);
        if (!fast || !rule) return undefined;
        const { Lexer, TokenBuilder } = this.services.parser;
        // Read without token objects when the fast lexer can (it gives up where Chevrotain's lexer reports an error).
        const read = Lexer instanceof NestingLimitLexer ? Lexer.fast?.read(input) : undefined;
        const lexed = read ? undefined : Lexer.tokenize(input);
        if (lexed && lexed.errors.length > 0) return undefined;
        try {
            // Langium's lexer gives the token builder's report with its tokens.
            return read ? fastParse<T>(fast, input, read, rule, TokenBuilder.flushLexingReport?.(input)) : fastParse<T>(fast, input, columnsOf(lexed!), rule, lexed!.report);
        } catch (error) {
            if (error === GIVE_UP || error instanceof RangeError) return undefined;
            throw error;
        }
    }

    private fastServices(): FastParseServices | null {
        if (this.fast !== undefined) return this.fast;
        const { parser, references, shared } = this.services;
        const tokenTypes: TokenType[] = [];
        const keywords: (string | undefined)[] = [];
        for (const type of Object.values(parser.Lexer.definition)) {
            tokenTypes[type.tokenTypeIdx!] = type;
            keywords[type.tokenTypeIdx!] = typeof type.PATTERN === 'string' ? type.PATTERN : undefined;
        }
        this.fast = this.plan && {
            plan: this.plan,
            builder: new LinearCstNodeBuilder(),
            convert: valueConversion(parser.ValueConverter),
            linker: references.Linker,
            reflection: shared.AstReflection,
            tokenTypes,
            keywords,
        };
        return this.fast;
    }
}

/** The tokens of Chevrotain's lexer as the columns the fast parser reads. */
function columnsOf(lexed: LexerResult): ReadTokens {
    const columns = (tokens: readonly IToken[]): TokenColumns => {
        const read = new TokenColumns(tokens.length);
        for (const token of tokens) read.push(token.tokenTypeIdx, token.startOffset, token.image.length);
        return read;
    };
    return { tokens: columns(lexed.tokens), hidden: columns(lexed.hidden) };
}

/**
 * The value converter's `convert`, given the rule that matched the text: Langium's DefaultValueConverter
 * finds that rule from the node's grammar element (a rule call or cross-reference), with two type
 * tests per token, and runs the converter of the rule (`runConverter`), which tml overrides. When
 * `convert` itself is Langium's, this runs `runConverter` directly.
 */
function valueConversion(converter: ValueConverter): FastParseServices['convert'] {
    if (converter instanceof DefaultValueConverter && converter.convert === DefaultValueConverter.prototype.convert) {
        const run = converter as unknown as { runConverter(rule: GrammarAST.AbstractRule, input: string, node: CstNode): ValueType };
        return (input, node, rule) => run.runConverter(rule, input, node);
    }
    return (input, node) => converter.convert(input, node);
}

/**
 * The parser service of the language: a {@link FastThreatModelParser}. Langium and tml only call
 * a parser service's `parse` (langium-fences.test.ts checks that it is installed).
 */
export function createFastThreatModelParser(services: LangiumCoreServices): LangiumParser {
    return new FastThreatModelParser(services) as unknown as LangiumParser;
}
