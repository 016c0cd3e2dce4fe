/**
 * Whole-process figures for `npm run bench`: how long a command takes from spawn to exit, and the
 * most memory (resident set) it held. Output goes to /dev/null: what is measured is the program.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from out/tsc/test/bench/). */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** The `tml` command as installed: bin/tml.cjs, which loads the esbuild bundle of the CLI. */
export const TML = join(REPO, 'bin/tml.cjs');

export interface Command {
    readonly file: string;
    readonly args: readonly string[];
    readonly cwd?: string;
    readonly env?: NodeJS.ProcessEnv;
}

/** Runs `command` to completion; its wall time in ms. Throws when it cannot run or crashes (exit code ≥ 2 or a signal). */
export function timeCommand(command: Command): number {
    const start = performance.now();
    const result = spawnSync(command.file, command.args, { cwd: command.cwd, env: command.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
    const elapsed = performance.now() - start;
    // tml check exits with 1 when the model has errors; 2 and above are usage errors and crashes.
    if (result.error || result.signal || (result.status ?? 0) >= 2) {
        throw new Error(`${command.file} ${command.args.join(' ')} failed (${result.error?.message ?? result.signal ?? `exit ${result.status}`}):\n${result.stderr?.toString().slice(-2000)}`);
    }
    return elapsed;
}

/** `command` run `runs` times after one run that warms the file cache; the wall times in ms. */
export function timeRuns(command: Command, runs: number): number[] {
    timeCommand(command);
    return Array.from({ length: runs }, () => timeCommand(command));
}

/** A Node.js script preloaded with `--require` that writes the process's peak resident set (KiB) to a file at exit. */
const MAX_RSS_PRELOAD = "process.on('exit', () => require('node:fs').writeFileSync(process.env.TML_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n";

/**
 * Runs the Node.js script `args[0]` with `args` in a child process and returns its wall time and
 * peak resident set size in MB (the whole process: heap, code, buffers). Node's flags are left
 * as they are (no --max-old-space-size): what a user gets.
 */
export function peakMemory(scratch: string, args: readonly string[]): { readonly ms: number; readonly mb: number } {
    const preload = join(scratch, 'max-rss.cjs');
    const out = join(scratch, 'max-rss.txt');
    writeFileSync(preload, MAX_RSS_PRELOAD);
    writeFileSync(out, '');
    const ms = timeCommand({ file: process.execPath, args: ['--require', preload, ...args], env: { ...process.env, TML_BENCH_RSS_FILE: out } });
    const kib = Number(readFileSync(out, 'utf8'));
    if (!(kib > 0)) throw new Error(`No peak memory was recorded for ${args.join(' ')}.`);
    return { ms, mb: kib / 1024 };
}
