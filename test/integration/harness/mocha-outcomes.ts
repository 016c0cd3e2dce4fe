import type Mocha from 'mocha';
import type { SuiteResults, TestOutcome } from './results.js';

/** Records every test and hook outcome of a mocha run and settles with the totals when it ends. */
export function collectOutcomes(runner: Mocha.Runner): Promise<SuiteResults> {
    const outcomes: TestOutcome[] = [];
    runner.on('pass', test => outcomes.push({ title: fullTitle(test), state: 'passed', durationMs: test.duration }));
    runner.on('pending', test => outcomes.push({ title: fullTitle(test), state: 'pending' }));
    runner.on('fail', (test, error: unknown) => outcomes.push({ title: fullTitle(test), state: 'failed', error: describeError(error) }));
    return new Promise(resolve => runner.once('end', () => resolve({
        passed: outcomes.filter(o => o.state === 'passed').length,
        failed: outcomes.filter(o => o.state === 'failed').length,
        pending: outcomes.filter(o => o.state === 'pending').length,
        tests: outcomes,
    })));
}

export function describeError(error: unknown): string {
    return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function fullTitle(runnable: Mocha.Runnable): string {
    return runnable.titlePath().join(' › ');
}
