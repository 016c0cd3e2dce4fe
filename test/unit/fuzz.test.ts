import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodings, exampleFiles, FUZZ_SEED, fuzzRuns, mutatedExample, randomBytes, tokenSoup } from './helpers/fuzz-inputs.js';
import { exercise } from './helpers/fuzz-pipeline.js';
import { HangWatchdog } from './helpers/hang-watchdog.js';

/**
 * Wall time allowed for one input through every step: far above what one input takes on a loaded
 * 2-core machine, so only a path that grows quadratically with the text goes past it; a hang is
 * the watchdog's.
 */
const TIME_LIMIT_MS = Number(process.env['FUZZ_TIME_LIMIT_MS'] ?? 5_000);
/** An input still running after this long is a hang: the watchdog ends the run and keeps the input. */
const HANG_LIMIT_MS = 60_000;
/** Lay out one diagram in this many with Graphviz (WebAssembly): DOT is written for all of them. */
const SVG_EVERY = 25;

const counts = { bytes: 0, tokenSoup: 0, mutations: 0, seconds: 0 };
let watchdog: HangWatchdog | undefined;

/** Runs one input through {@link exercise} and asserts it passed, within the time limit. */
async function assertSurvives(text: string, count: 'bytes' | 'tokenSoup' | 'mutations'): Promise<void> {
    const started = performance.now();
    watchdog?.running(text);
    const problems = await exercise(text, { renderSvg: counts[count] % SVG_EVERY === 0 }).finally(() => watchdog?.done());
    const elapsed = performance.now() - started;
    counts[count]++;
    counts.seconds += elapsed / 1000;
    assert.deepEqual(problems, [], `input of ${text.length} characters`);
    assert.ok(elapsed < TIME_LIMIT_MS, `an input of ${text.length} characters took ${Math.round(elapsed)} ms (limit ${TIME_LIMIT_MS} ms)`);
}

/**
 * Fuzzing everything a user can reach (test/unit/helpers/fuzz-pipeline.ts) with three
 * generators. CI runs a fixed seed; `FUZZ_SEED=<n>` and `FUZZ_RUNS=<inputs per generator>` go
 * further. A failure found here becomes a fixture in test/fixtures/fuzz/ (fuzz-regressions.test.ts),
 * and the examples' mutations pick those fixtures up too.
 */
describe('fuzz: every input survives every feature (5,000 inputs)', function () {
    this.timeout(600_000);
    // Every example and fixture written by hand; a generated fixture of megabytes would only be slow.
    const examples = exampleFiles().filter(file => file.text.length <= 200_000);

    before(() => { watchdog = new HangWatchdog(HANG_LIMIT_MS); });

    after(async () => {
        await watchdog?.stop();
        const total = counts.bytes + counts.tokenSoup + counts.mutations;
        console.log(`      fuzz seed ${FUZZ_SEED}: ${counts.bytes} decoded byte strings, ${counts.tokenSoup} token soups, ` +
            `${counts.mutations} mutated examples, ${total} inputs in ${counts.seconds.toFixed(1)} s`);
    });

    it('random bytes, decoded as UTF-8 and as latin1', async () => {
        await fc.assert(fc.asyncProperty(randomBytes, async bytes => {
            for (const text of decodings(bytes)) await assertSurvives(text, 'bytes');
        }), { numRuns: fuzzRuns(800), seed: FUZZ_SEED });
    });

    it('token soup: keywords, identifiers, strings, numbers and punctuation of the grammar', async () => {
        await fc.assert(fc.asyncProperty(tokenSoup, async text => { await assertSurvives(text, 'tokenSoup'); }),
            { numRuns: fuzzRuns(2_600), seed: FUZZ_SEED });
    });

    it(`mutations (delete, insert, duplicate, swap, truncate) of each of the ${examples.length} examples and fixtures`, async () => {
        await fc.assert(fc.asyncProperty(mutatedExample(examples), async ({ text }) => { await assertSurvives(text, 'mutations'); }),
            { numRuns: fuzzRuns(800), seed: FUZZ_SEED });
    });
});
