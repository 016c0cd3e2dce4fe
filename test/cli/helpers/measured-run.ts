import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './run-tml.js';

const TML = path.join(REPO_ROOT, 'bin', 'tml.cjs');

/** A `tml` run with what it cost. */
export interface MeasuredRun {
    readonly status: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    readonly seconds: number;
    /** Peak resident set size of the `tml` process, in MB (process.resourceUsage().maxRSS at exit). */
    readonly peakRssMb: number;
}

/**
 * A module preloaded into the `tml` process (`node --require`) that writes the process's peak
 * resident set size to the file named by TML_TEST_RSS_FILE when it exits, however it exits.
 */
const RSS_PRELOAD = `process.on('exit', () => require('node:fs').writeFileSync(process.env.TML_TEST_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`;

let preload: string | undefined;

/**
 * Runs the built `tml` command (`node bin/tml.cjs …`) in the repository root as a child process,
 * killed after `timeoutMs`, and measures its wall time and peak memory.
 */
export function runTmlMeasured(args: readonly string[], timeoutMs: number): Promise<MeasuredRun> {
    if (!preload) {
        preload = path.join(mkdtempSync(path.join(tmpdir(), 'tml-measured-')), 'rss-preload.cjs');
        writeFileSync(preload, RSS_PRELOAD);
    }
    const rssFile = path.join(path.dirname(preload), `rss-${process.hrtime.bigint()}.txt`);
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', preload, TML, ...args], {
        cwd: REPO_ROOT, env: { ...process.env, TML_TEST_RSS_FILE: rssFile }, timeout: timeoutMs, killSignal: 'SIGKILL',
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('close', (status, signal) => {
            let peakKb = Number.NaN;
            try { peakKb = Number(readFileSync(rssFile, 'utf8')); } catch { /* killed before it could write: NaN fails every bound */ }
            resolve({
                status, signal,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
                seconds: (performance.now() - started) / 1000,
                peakRssMb: peakKb / 1024,
            });
        });
    });
}
