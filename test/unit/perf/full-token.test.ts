import * as assert from 'node:assert/strict';
import type { IToken } from 'chevrotain';
import fc from 'fast-check';
import type { LangiumCoreServices, LexerResult } from 'langium';
import { DefaultLexer } from 'langium';
import { collectGarbage } from '../../../language-server/src/cli/collect-garbage.js';
import { LexerToken } from '../../../language-server/src/parser/full-token.js';
import { ThreatModelTokenBuilder } from '../../../language-server/src/parser/token-builder.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { FUZZ_SEED, decodings, exampleFiles, fuzzRuns, randomBytes, tokenSoup } from '../helpers/fuzz-inputs.js';
import { services } from '../helpers/workspace.js';

const lexer = services.ThreatModel.parser.Lexer;

/** The same token types, with Chevrotain's own tokens (their positions counted as the lexer reads). */
const chevrotains = new DefaultLexer({
    Grammar: services.ThreatModel.Grammar,
    LanguageMetaData: services.ThreatModel.LanguageMetaData,
    parser: { TokenBuilder: new ThreatModelTokenBuilder(), LexerErrorMessageProvider: services.ThreatModel.parser.LexerErrorMessageProvider },
} as unknown as LangiumCoreServices);

/** Ours read the type's number from the type: Chevrotain's tokens show it is the same. */
const fields = (t: IToken): unknown[] => [t.tokenType.name, t.tokenTypeIdx === t.tokenType.tokenTypeIdx, t.image, t.startOffset, t.endOffset, t.startLine, t.startColumn, t.endLine, t.endColumn];

/** Our tokens read field by field against Chevrotain's (ours stop earlier at the nesting limit). */
function assertSameTokens(text: string): void {
    const ours: LexerResult = lexer.tokenize(text);
    const theirs: LexerResult = chevrotains.tokenize(text);
    assert.ok(ours.tokens.every(t => t instanceof LexerToken));
    assert.deepEqual(ours.tokens.map(fields), theirs.tokens.slice(0, ours.tokens.length).map(fields), JSON.stringify(text.slice(0, 80)));
    if (ours.tokens.length === theirs.tokens.length) {
        assert.deepEqual(ours.hidden.map(fields), theirs.hidden.map(fields), JSON.stringify(text.slice(0, 80)));
        assert.deepEqual(ours.errors, theirs.errors);
    }
}

const lineEnds = (text: string): string[] => [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), text.replace(/\n/g, '\n\r')];

/** Characters where positions are easy to get wrong: line ends, comments, strings, escapes, non-ASCII. */
const tricky = fc.array(fc.constantFrom('\n', '\r', '\r\n', '/*', '*/', '//', '"', '\\', ' ', '\t', 'process', 'P', '{', '}', '\u2028', 'é', '😀', '#', '\f', '\v'), { maxLength: 80 })
    .map(pieces => pieces.join(''));

describe('the lexer\'s tokens', () => {
    it('have Chevrotain\'s fields and positions, read on demand, for every example and a generated model, with \\n, \\r\\n, \\r and \\n\\r line ends', () => {
        const texts = [...exampleFiles().map(file => file.text), Object.values(generateModel(300, 1).files)[0]!];
        for (const text of texts) for (const variant of lineEnds(text)) assertSameTokens(variant);
        assertSameTokens('');
        assertSameTokens('/* a\r\nb\rc\n */ process P "p" /*\n*/');
    });

    it('have Chevrotain\'s fields and positions for random token soup, bytes and line-end-heavy text', () => {
        fc.assert(fc.property(tokenSoup, soup => lineEnds(soup).forEach(assertSameTokens)), { seed: FUZZ_SEED, numRuns: fuzzRuns(150) });
        fc.assert(fc.property(randomBytes, bytes => decodings(bytes).forEach(assertSameTokens)), { seed: FUZZ_SEED, numRuns: fuzzRuns(150) });
        fc.assert(fc.property(tricky, assertSameTokens), { seed: FUZZ_SEED, numRuns: fuzzRuns(400) });
    });

    it('keep a field written after they were made (Chevrotain sets the end of a token across lines)', () => {
        const token = lexer.tokenize('process').tokens[0]!;
        assert.deepEqual([token.endLine, token.endColumn], [1, 7]);
        token.endLine = 3;
        token.endColumn = 2;
        assert.deepEqual([token.endLine, token.endColumn, token.startLine, token.startColumn], [3, 2, 1, 1]);
    });

    it('take about 80 bytes each, with their image and place in the list (Chevrotain\'s took 123, 215 with NaN in the end-of-file token\'s fields)', () => {
        const text = Object.values(generateModel(2_000, 1).files)[0]!;
        lexer.tokenize('process P "p"');
        collectGarbage();
        const before = process.memoryUsage().heapUsed;
        const { tokens } = lexer.tokenize(text);
        collectGarbage();
        const perToken = (process.memoryUsage().heapUsed - before) / tokens.length;
        assert.ok(tokens.length > 40_000, `${tokens.length} tokens`);
        // 56 bytes of object, 8 for its place in the list, and the images that are not keywords: 80.
        assert.ok(perToken < 100, `${perToken.toFixed(0)} bytes per token`);
    });
});
