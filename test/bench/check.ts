/**
 * `npm run bench:check`: a quick subset of `npm run bench` (about a minute), compared with the
 * committed test/bench/baseline.json; exits with 1 when a figure is more than 1.5× its baseline
 * (relative to the reference workloads measured in this same run: baseline-check.ts). Needs a
 * build (`npm run build`). `--update` writes the current run as the new baseline instead.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchSample, Figure } from './baseline-check.js';
import { checkAgainstBaseline, passes, REGRESSION_LIMIT } from './baseline-check.js';
import { keystroke, nodeStart, open, tmlCheck, tmlReport, tmlStart } from './figures.js';
import { timeReferenceWork } from './reference-workload.js';
import { Scratch } from './workloads.js';

/** The committed baseline, in the source tree (this file runs from out/tsc/test/bench/). */
const BASELINE = fileURLToPath(new URL('../../../../test/bench/baseline.json', import.meta.url));

async function measure(): Promise<BenchSample> {
    const scratch = new Scratch();
    try {
        const cpu = timeReferenceWork();
        const start = nodeStart(10);
        const figures: Record<string, Figure> = {};
        const timed = (value: number, reference: Figure['reference'] = 'cpu-loop'): Figure => ({ value, unit: 'ms', reference });
        figures['keystroke-1000-p50'] = timed((await keystroke(1_000, 15)).p50);
        figures['open-1000'] = timed(await open(1_000, 2));
        figures['tml-version'] = timed(tmlStart(10), 'node-start');
        figures['report-1000'] = timed(tmlReport(scratch, 1_000, 2));
        const check = tmlCheck(scratch, 5_000, 1);
        figures['check-5000'] = timed(check.ms);
        figures['check-5000-peak'] = { value: check.mb, unit: 'MB', reference: 'none' };
        // The reference once more at the end, so that load arriving mid-run is averaged in.
        return { references: { 'cpu-loop': (cpu + timeReferenceWork()) / 2, 'node-start': start }, figures };
    } finally {
        scratch.dispose();
    }
}

for (const bundle of ['out/cli/tml.cjs', 'out/language-server/main.cjs']) {
    if (!existsSync(fileURLToPath(new URL(`../../../../${bundle}`, import.meta.url)))) {
        console.error(`${bundle} is missing: run npm run build first.`);
        process.exit(2);
    }
}
const current = await measure();
if (process.argv.includes('--update')) {
    writeFileSync(BASELINE, `${JSON.stringify(current, undefined, 2)}\n`);
    console.log(`Baseline written to ${BASELINE}.`);
} else {
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as BenchSample;
    const checks = checkAgainstBaseline(baseline, current);
    const fmt = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(3));
    console.log(`references now: CPU loop ${current.references['cpu-loop'].toFixed(0)} ms, node -e 0 ${current.references['node-start'].toFixed(0)} ms ` +
        `(baseline: ${baseline.references['cpu-loop'].toFixed(0)} ms, ${baseline.references['node-start'].toFixed(0)} ms)\n`);
    console.log(['figure'.padEnd(20), 'baseline', 'now', 'ratio', 'verdict'].join('\t'));
    for (const c of checks) console.log([c.name.padEnd(20), fmt(c.baseline), fmt(c.current), c.ratio === undefined ? '—' : `${c.ratio.toFixed(2)}×`, c.verdict].join('\t'));
    if (!passes(checks)) {
        console.error(`\nA figure regressed by more than ${REGRESSION_LIMIT}× (relative to the reference workloads) or is missing: see docs/performance.md.`);
        process.exitCode = 1;
    }
}
