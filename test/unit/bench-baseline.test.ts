import * as assert from 'node:assert/strict';
import type { BenchSample, Figure } from '../bench/baseline-check.js';
import { checkAgainstBaseline, passes } from '../bench/baseline-check.js';
import { percentile } from '../bench/stats.js';

const ms = (value: number, reference: Figure['reference'] = 'cpu-loop'): Figure => ({ value, unit: 'ms', reference });

function sample(cpu: number, start: number, figures: Record<string, Figure>): BenchSample {
    return { references: { 'cpu-loop': cpu, 'node-start': start }, figures };
}

/** The gate of `npm run bench:check` (test/bench/baseline-check.ts, docs/performance.md). */
describe('the benchmark regression gate', () => {
    // References are powers of two, so that every ratio below is exact in floating point.
    const baseline = sample(64, 32, { keystroke: ms(80), version: ms(150, 'node-start'), peak: { value: 400, unit: 'MB', reference: 'none' } });

    it('passes a run equal to the baseline, and one up to 1.5× slower', () => {
        const same = checkAgainstBaseline(baseline, baseline);
        assert.deepEqual(same.map(c => [c.name, c.ratio, c.verdict]), [['keystroke', 1, 'ok'], ['version', 1, 'ok'], ['peak', 1, 'ok']]);
        const slower = checkAgainstBaseline(baseline, sample(64, 32, { keystroke: ms(120), version: ms(225, 'node-start'), peak: { value: 600, unit: 'MB', reference: 'none' } }));
        assert.deepEqual(slower.map(c => [c.name, c.ratio, c.verdict]), [['keystroke', 1.5, 'ok'], ['version', 1.5, 'ok'], ['peak', 1.5, 'ok']]);
        assert.equal(passes(slower), true);
    });

    it('fails a figure 1.6× its baseline, and names only that one', () => {
        const checks = checkAgainstBaseline(baseline, sample(64, 32, { keystroke: ms(128), version: ms(150, 'node-start'), peak: { value: 400, unit: 'MB', reference: 'none' } }));
        assert.deepEqual(checks.map(c => [c.name, c.verdict]), [['keystroke', 'regressed'], ['version', 'ok'], ['peak', 'ok']]);
        assert.equal(checks[0]!.ratio, 1.6);
        assert.deepEqual([checks[0]!.baseline, checks[0]!.current], [1.25, 2]);
        assert.equal(passes(checks), false);
    });

    it('scales each figure by the reference workload of its own run: a machine twice as slow passes, a real 1.6× on it fails', () => {
        const slowMachine = sample(128, 64, { keystroke: ms(160), version: ms(300, 'node-start'), peak: { value: 400, unit: 'MB', reference: 'none' } });
        assert.deepEqual(checkAgainstBaseline(baseline, slowMachine).map(c => c.ratio), [1, 1, 1]);
        const regressedOnSlowMachine = sample(128, 64, { keystroke: ms(256), version: ms(300, 'node-start'), peak: { value: 400, unit: 'MB', reference: 'none' } });
        assert.deepEqual(checkAgainstBaseline(baseline, regressedOnSlowMachine).map(c => c.verdict), ['regressed', 'ok', 'ok']);
        // Start-up is scaled by node -e 0, not by the CPU loop: a slower CPU loop alone does not excuse it.
        const slowStartOnly = sample(128, 32, { keystroke: ms(160), version: ms(240, 'node-start'), peak: { value: 400, unit: 'MB', reference: 'none' } });
        assert.deepEqual(checkAgainstBaseline(baseline, slowStartOnly).map(c => c.verdict), ['ok', 'regressed', 'ok']);
    });

    it('does not scale memory: 1.6× the peak memory fails on any machine', () => {
        const checks = checkAgainstBaseline(baseline, sample(256, 128, { keystroke: ms(320), version: ms(600, 'node-start'), peak: { value: 640, unit: 'MB', reference: 'none' } }));
        assert.deepEqual(checks.map(c => c.verdict), ['ok', 'ok', 'regressed']);
    });

    it('fails when a figure of the baseline was not measured, and lets a new figure pass', () => {
        const checks = checkAgainstBaseline(baseline, sample(64, 32, { keystroke: ms(80), peak: { value: 400, unit: 'MB', reference: 'none' }, report: ms(500) }));
        assert.deepEqual(checks.map(c => [c.name, c.verdict]), [['keystroke', 'ok'], ['version', 'missing'], ['peak', 'ok'], ['report', 'new']]);
        assert.equal(passes(checks), false);
        assert.equal(passes(checks.filter(c => c.name !== 'version')), true);
    });
});

describe('benchmark percentiles', () => {
    it('are nearest-rank samples', () => {
        const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
        assert.deepEqual([50, 95, 100, 0].map(p => percentile(samples, p)), [5, 10, 10, 1]);
        assert.equal(percentile([7], 95), 7);
        assert.throws(() => percentile([], 50), /No samples/);
    });
});
