import type { IToken, TokenType } from 'chevrotain';
import type { Grammar } from 'langium';
import { LangiumParserErrorMessageProvider } from 'langium';
import { grammarFacts } from './grammar-facts.js';
import { ruleSyntaxes } from './rule-syntax.js';
import type { SyntaxFix, SyntaxProblem, SyntaxToken, SyntaxVocabulary } from './syntax-messages.js';
import { syntaxMessage } from './syntax-messages.js';

type Options<K extends keyof LangiumParserErrorMessageProvider> = Parameters<LangiumParserErrorMessageProvider[K]>[0];

/** Langium names Chevrotain's rules with a zero-width space appended. */
function ruleOf(name: string): string {
    return name.replace(/\u200b/g, '');
}

function tokenOf(token: IToken | undefined): SyntaxToken | undefined {
    return token && { image: token.image, type: token.tokenType.name, start: token.startOffset };
}

function firstTypes(paths: readonly TokenType[][]): string[] {
    return paths.flatMap(path => (path[0] ? [path[0].name] : []));
}

/**
 * Syntax error messages in tml's words (parser/syntax-messages.ts), in place of Chevrotain's
 * "Expecting token of type …". The parser only hands over tokens, so the lexer tells this provider
 * the text it is about to parse ({@link read}): a message can then look past the token found
 * (`api-gateway`, `Information Disclosure`). The fix a message suggests is kept by the token it is
 * about, for the document validator to put on the diagnostic ({@link fixFor}).
 */
export class ThreatModelParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readVocabulary: SyntaxVocabulary | undefined;
    private readonly fixes = new WeakMap<IToken, SyntaxFix>();
    private text = '';

    constructor(private readonly grammar: Grammar) {
        super();
    }

    /** What the messages say about the language, read off the grammar at the first syntax error: a valid file needs none of it. */
    private get vocabulary(): SyntaxVocabulary {
        this.readVocabulary ??= { facts: grammarFacts(this.grammar), syntaxes: ruleSyntaxes(this.grammar) };
        return this.readVocabulary;
    }

    /** The text the next parse reads (called by the lexer, which sees it first). */
    read(text: string): void {
        this.text = text;
    }

    /** The fix suggested by the message about `token`, if any. */
    fixFor(token: IToken): SyntaxFix | undefined {
        return this.fixes.get(token);
    }

    override buildMismatchTokenMessage(options: Options<'buildMismatchTokenMessage'>): string {
        return this.build(options.actual, { rule: ruleOf(options.ruleName), expected: [options.expected.name], actual: tokenOf(options.actual)!, previous: tokenOf(options.previous) });
    }

    override buildNotAllInputParsedMessage(options: Options<'buildNotAllInputParsedMessage'>): string {
        return this.build(options.firstRedundant, { rule: 'Model', expected: ['EOF'], actual: tokenOf(options.firstRedundant)! });
    }

    override buildNoViableAltMessage(options: Options<'buildNoViableAltMessage'>): string {
        const expected = options.expectedPathsPerAlt.flatMap(firstTypes);
        return this.build(options.actual[0], { rule: ruleOf(options.ruleName), expected, actual: tokenOf(options.actual[0]) ?? endOfFile(), previous: tokenOf(options.previous) });
    }

    override buildEarlyExitMessage(options: Options<'buildEarlyExitMessage'>): string {
        const expected = firstTypes(options.expectedIterationPaths);
        return this.build(options.actual[0], { rule: ruleOf(options.ruleName), expected, actual: tokenOf(options.actual[0]) ?? endOfFile(), previous: tokenOf(options.previous) });
    }

    private build(token: IToken | undefined, problem: SyntaxProblem): string {
        const { message, fix } = syntaxMessage(problem, this.text, this.vocabulary);
        if (fix && token && !Number.isNaN(token.startOffset)) this.fixes.set(token, fix);
        return message;
    }
}

function endOfFile(): SyntaxToken {
    return { image: '', type: 'EOF', start: Number.NaN };
}
