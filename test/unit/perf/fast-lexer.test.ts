import * as assert from 'node:assert/strict';
import type { TokenType } from 'chevrotain';
import fc from 'fast-check';
import type { LexerResult } from 'langium';
import { FastLexer } from '../../../language-server/src/parser/fast/fast-lexer.js';
import type { ReadTokens, TokenColumns } from '../../../language-server/src/parser/fast/fast-lexer.js';
import { MAX_NESTING, NestingLimitLexer } from '../../../language-server/src/parser/nesting-limit-lexer.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { FUZZ_SEED, decodings, exampleFiles, fuzzRuns, mutatedExample, randomBytes, tokenSoup } from '../helpers/fuzz-inputs.js';
import { services } from '../helpers/workspace.js';

/**
 * The fast lexer (parser/fast/fast-lexer.ts) reads a text into the tokens the fast parser
 * consumes, without Chevrotain: whatever it reads must be exactly the tokens of the lexer service
 * (Chevrotain's, with tml's nesting limit): the same types, offsets and lengths, the same comments.
 * It gives up only where that lexer reports an error.
 */
const lexer = services.ThreatModel.parser.Lexer as NestingLimitLexer;
const definition = lexer.definition;
const fast = lexer.fast!;
const SKIPPED = (Object.values(definition).find(type => type.name === 'WS')!.GROUP) as string;

const columns = (read: TokenColumns): number[][] => Array.from({ length: read.count }, (_, i) => [read.types[i]!, read.offsets[i]!, read.lengths[i]!]);
const chevrotains = (lexed: LexerResult): unknown => ({
    tokens: lexed.tokens.map(t => [t.tokenTypeIdx, t.startOffset, t.image.length]),
    hidden: lexed.hidden.map(t => [t.tokenTypeIdx, t.startOffset, t.image.length]),
});
const ours = (read: ReadTokens): unknown => ({ tokens: columns(read.tokens), hidden: columns(read.hidden) });

/** Reads `text` with both; asserts the same tokens, or that the fast lexer gave up where Chevrotain's reports an error. Whether it read the text. */
function compare(text: string): boolean {
    const read = fast.read(text);
    const lexed = lexer.tokenize(text);
    if (!read) {
        assert.ok(lexed.errors.length > 0, `gave up on a text without lexer errors: ${JSON.stringify(text.slice(0, 200))}`);
        return false;
    }
    assert.deepEqual(lexed.errors, [], JSON.stringify(text.slice(0, 200)));
    assert.deepEqual(ours(read), chevrotains(lexed), JSON.stringify(text.slice(0, 200)));
    return true;
}

const lineEnds = (text: string): string[] => [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/\n/g, '\n\r')];

describe('the fast lexer (parser/fast/fast-lexer.ts)', () => {
    it('is made for tml\'s lexer, and reads every example and a generated model as Chevrotain\'s lexer does, with every kind of line end', () => {
        assert.ok(lexer instanceof NestingLimitLexer && lexer.fast);
        const texts = [...exampleFiles().map(file => file.text), Object.values(generateModel(300, 1).files)[0]!];
        let read = 0;
        for (const text of texts) for (const variant of lineEnds(text)) if (compare(variant)) read++;
        // Some of the files are test fixtures with lexer errors.
        const valid = texts.filter(text => lexer.tokenize(text).errors.length === 0).length;
        assert.ok(valid > 40, `${valid} files`);
        assert.equal(read, valid * 4);
    });

    it('reads words, keywords that are prefixes of words, numbers, strings, comments and white space as Chevrotain does', () => {
        const texts = [
            '', ' ', 'process', 'processes', 'process1', '_process', 'flows flow flowsX', 'Spoofingx', '007abc', '12 34', 'a->b', 'a - b', '-->-',
            '"a \\" b" "" "\\\\"', '/* a */ // b\r\n/**/ /*/ */', 'x // to the end', 'a\u00a0b\u2028c\ufeffd\u3000e\vf\fg', '{([.:,])}', 'not not not x',
        ];
        for (const text of texts) assert.ok(compare(text), JSON.stringify(text));
    });

    it('gives up where Chevrotain\'s lexer reports an error: characters no token starts with, unclosed strings and comments, nesting too deep', () => {
        const texts = ['#', 'a @ b', 'a - > b', '"open', '"a\nb"', '/* open', '/ x', "'a'", '\u201chi\u201d', 'é', '\u0000', `${'{'.repeat(MAX_NESTING + 1)}`, `${'('.repeat(MAX_NESTING)}`];
        for (const text of texts) assert.equal(compare(text), false, JSON.stringify(text));
    });

    it('reads token soup, random bytes and edited examples as Chevrotain does, or gives up where it reports an error', () => {
        fc.assert(fc.property(tokenSoup, soup => lineEnds(soup).forEach(compare)), { seed: FUZZ_SEED, numRuns: fuzzRuns(300) });
        fc.assert(fc.property(randomBytes, bytes => decodings(bytes).forEach(compare)), { seed: FUZZ_SEED, numRuns: fuzzRuns(300) });
        fc.assert(fc.property(mutatedExample(exampleFiles()), example => void compare(example.text)), { seed: FUZZ_SEED, numRuns: fuzzRuns(200) });
    });

    it('is not made for token types it does not know: a keyword after the terminals, a terminal of another pattern, categories', () => {
        const types = Object.entries(definition);
        const changed = (name: string, change: Partial<TokenType>): Record<string, TokenType> =>
            Object.fromEntries(types.map(([key, type]) => [key, key === name ? { ...type, ...change } : type]));
        assert.ok(FastLexer.of(definition, SKIPPED));
        assert.equal(FastLexer.of(definition, 'another group'), undefined);
        assert.equal(FastLexer.of(Object.fromEntries([...types.filter(([key]) => key !== 'process'), ['process', definition['process']!]]), SKIPPED), undefined);
        assert.equal(FastLexer.of(changed('ID', { PATTERN: /[a-z]+/ }), SKIPPED), undefined);
        assert.equal(FastLexer.of(changed('process', { LONGER_ALT: [] }), SKIPPED), undefined);
        assert.equal(FastLexer.of(changed('{', { CATEGORIES: [definition['ID']!] }), SKIPPED), undefined);
        assert.equal(FastLexer.of(Object.fromEntries(types.filter(([key]) => key !== 'STRING')), SKIPPED), undefined);
    });
});
