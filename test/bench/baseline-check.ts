/**
 * The regression gate of `npm run bench:check` (docs/performance.md), as a pure function: each
 * figure is divided by a reference workload measured in the same invocation, so that a machine
 * twice as slow or twice as busy as the one that wrote the baseline gives the same ratios.
 */

/** What a figure is divided by: a fixed pure-JS CPU loop, a bare `node -e 0` start-up, or nothing (memory). */
export type Reference = 'cpu-loop' | 'node-start' | 'none';

export interface Figure {
    readonly value: number;
    readonly unit: 'ms' | 'MB';
    readonly reference: Reference;
}

/** One run of the quick benchmark: the references and the figures, by name. */
export interface BenchSample {
    readonly references: Readonly<Record<Exclude<Reference, 'none'>, number>>;
    readonly figures: Readonly<Record<string, Figure>>;
}

export interface FigureCheck {
    readonly name: string;
    /** The figure relative to its reference, in the baseline and now (undefined when absent). */
    readonly baseline: number | undefined;
    readonly current: number | undefined;
    /** current / baseline: 1.0 is unchanged, 2.0 twice as slow (or as big). */
    readonly ratio: number | undefined;
    readonly verdict: 'ok' | 'regressed' | 'missing' | 'new';
}

/** The largest ratio to the baseline that passes: more than 1.5× slower (or bigger) is a regression. */
export const REGRESSION_LIMIT = 1.5;

function relative(sample: BenchSample, figure: Figure): number {
    return figure.reference === 'none' ? figure.value : figure.value / sample.references[figure.reference];
}

/**
 * Every figure of the baseline and of the current run, compared: a figure more than `limit` times
 * its baseline (both relative to their run's reference) has regressed; a figure of the baseline
 * that was not measured now is missing (a failure too: the gate must not shrink silently); a
 * figure the baseline lacks is new.
 */
export function checkAgainstBaseline(baseline: BenchSample, current: BenchSample, limit = REGRESSION_LIMIT): FigureCheck[] {
    const names = [...new Set([...Object.keys(baseline.figures), ...Object.keys(current.figures)])];
    return names.map(name => {
        const before = baseline.figures[name];
        const now = current.figures[name];
        const b = before && relative(baseline, before);
        const c = now && relative(current, now);
        if (b === undefined) return { name, baseline: undefined, current: c, ratio: undefined, verdict: 'new' };
        if (c === undefined) return { name, baseline: b, current: undefined, ratio: undefined, verdict: 'missing' };
        const ratio = c / b;
        return { name, baseline: b, current: c, ratio, verdict: ratio > limit ? 'regressed' : 'ok' };
    });
}

/** Whether the gate passes: nothing regressed and nothing missing. */
export function passes(checks: readonly FigureCheck[]): boolean {
    return checks.every(check => check.verdict === 'ok' || check.verdict === 'new');
}
