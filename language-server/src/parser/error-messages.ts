import type { IToken } from 'chevrotain';
import { LangiumParserErrorMessageProvider } from 'langium';
import { capText } from '../validation/quote.js';

type Options<K extends keyof LangiumParserErrorMessageProvider> = Parameters<LangiumParserErrorMessageProvider[K]>[0];

/** The token, with its text capped as every message quotes the user's text (validation/quote.ts). */
function capped(token: IToken): IToken {
    return token.image.length > capText(token.image).length ? { ...token, image: capText(token.image) } : token;
}

/**
 * Langium's syntax error messages, quoting at most the first characters of the token found: the
 * message of a 1 MB identifier in the wrong place is not 1 MB long (issue 11).
 */
export class ThreatModelParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: Options<'buildMismatchTokenMessage'>): string {
        return super.buildMismatchTokenMessage({ ...options, actual: capped(options.actual) });
    }

    override buildNotAllInputParsedMessage(options: Options<'buildNotAllInputParsedMessage'>): string {
        return super.buildNotAllInputParsedMessage({ ...options, firstRedundant: capped(options.firstRedundant) });
    }

    override buildNoViableAltMessage(options: Options<'buildNoViableAltMessage'>): string {
        return super.buildNoViableAltMessage({ ...options, actual: options.actual.map(capped) });
    }

    override buildEarlyExitMessage(options: Options<'buildEarlyExitMessage'>): string {
        return super.buildEarlyExitMessage({ ...options, actual: options.actual.map(capped) });
    }
}
