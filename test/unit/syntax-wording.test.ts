import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodings, exampleFiles, FUZZ_SEED, fuzzRuns, mutatedExample, randomBytes, tokenSoup } from './helpers/fuzz-inputs.js';
import { services } from './helpers/workspace.js';

/** Chevrotain's and Langium's own wording, which no message of tml may show a user */
const FOREIGN_WORDING = /token of type|offset|skipped|\bEOF\b|Expecting|Token sequences|\bNaN\b|\bundefined\b|\[object/i;

/** A message without the user's text it quotes (`'…'` and `"…"`), which may hold any word. */
function ownWords(message: string): string {
    return message.replace(/'[^'\n]*'|"[^"\n]*"/g, '');
}

/** Every lexer and parser message for `text`. */
function syntaxMessages(text: string): string[] {
    const { lexerErrors, parserErrors } = services.ThreatModel.parser.LangiumParser.parse(text);
    return [...lexerErrors.map(e => e.message), ...parserErrors.map(e => e.message)];
}

function assertInOwnWords(text: string): void {
    for (const message of syntaxMessages(text)) {
        assert.doesNotMatch(ownWords(message), FOREIGN_WORDING, `for an input of ${text.length} characters`);
        assert.ok(message.length < 600, `${message.length} characters: ${message.slice(0, 200)}`);
    }
}

/**
 * The syntax errors of thousands of malformed inputs (the fuzz generators: random
 * bytes, token soups of the grammar, mutated examples) are all in tml's words.
 */
describe('syntax error messages never use the parser generator\'s wording', function () {
    this.timeout(300_000);
    const examples = exampleFiles().filter(file => file.text.length <= 200_000);

    it('for random bytes', () => {
        fc.assert(fc.property(randomBytes, bytes => { for (const text of decodings(bytes)) assertInOwnWords(text); }), { numRuns: fuzzRuns(500), seed: FUZZ_SEED });
    });

    it('for token soups of the grammar', () => {
        fc.assert(fc.property(tokenSoup, assertInOwnWords), { numRuns: fuzzRuns(2_000), seed: FUZZ_SEED });
    });

    it('for mutated examples', () => {
        fc.assert(fc.property(mutatedExample(examples), file => assertInOwnWords(file.text)), { numRuns: fuzzRuns(1_000), seed: FUZZ_SEED });
    });

    it('finds syntax errors to check in most of those inputs', () => {
        const soups = fc.sample(tokenSoup, { numRuns: 200, seed: FUZZ_SEED });
        assert.ok(soups.filter(text => syntaxMessages(text).length > 0).length > 150);
    });
});
