/**
 * The figures of issue 17's table, measured one by one: shared by `npm run bench` (the full table,
 * docs/performance.md) and `npm run bench:check` (a quicker subset, against the baseline).
 */
import { delimiter, join } from 'node:path';
import { keystrokeLatencies, openLatencies } from './lsp-timing.js';
import type { Command } from './process-timing.js';
import { peakMemory, timeRuns, TML } from './process-timing.js';
import { median, percentile } from './stats.js';
import type { Scratch } from './workloads.js';
import { oneFileModel } from './workloads.js';

export interface Latency {
    readonly p50: number;
    readonly p95: number;
    readonly samples: number;
}

/** Keystroke → diagnostics in the one-file model of `elements` elements. */
export async function keystroke(elements: number, edits: number): Promise<Latency> {
    const times = await keystrokeLatencies(oneFileModel(elements), edits);
    return { p50: percentile(times, 50), p95: percentile(times, 95), samples: times.length };
}

/** Open → first diagnostics of the one-file model of `elements` elements: median over `runs` fresh servers. */
export async function open(elements: number, runs: number): Promise<number> {
    return median(await openLatencies(oneFileModel(elements), runs));
}

/** `tml --version`, the whole process: median of `runs`. */
export function tmlStart(runs: number): number {
    return median(timeRuns({ file: process.execPath, args: [TML, '--version'] }, runs));
}

/** `node -e 0`: the floor under any start-up, median of `runs`. */
export function nodeStart(runs: number): number {
    return median(timeRuns({ file: process.execPath, args: ['-e', '0'] }, runs));
}

/** `tml report` of the one-file model of `elements` elements, to /dev/null: median of `runs`. */
export function tmlReport(scratch: Scratch, elements: number, runs: number): number {
    return median(timeRuns({ file: process.execPath, args: [TML, 'report', scratch.model(elements, 1)] }, runs));
}

/**
 * pytm's `--report` (with its docs/basic_template.md) of the same system, to /dev/null: median of
 * `runs`. `checkout` is a pytm source checkout; pydal must be importable (PYTHONPATH);
 * TML_BENCH_PYTHON names the interpreter (default python3).
 */
export function pytmReport(scratch: Scratch, checkout: string, elements: number, runs: number): number {
    const pythonPath = [checkout, process.env.PYTHONPATH].filter(Boolean).join(delimiter);
    const command: Command = {
        file: process.env.TML_BENCH_PYTHON ?? 'python3',
        args: [scratch.pytmScript(elements), '--report', join(checkout, 'docs', 'basic_template.md')],
        cwd: scratch.dir,
        env: { ...process.env, PYTHONPATH: pythonPath },
    };
    return median(timeRuns(command, runs));
}

/** Peak memory (MB) and wall time of `tml check` of `elements` elements in `files` files (one run). */
export function tmlCheck(scratch: Scratch, elements: number, files: number): { readonly ms: number; readonly mb: number } {
    return peakMemory(scratch.dir, [TML, 'check', scratch.model(elements, files)]);
}
