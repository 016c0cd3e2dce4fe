// Runs the VS Code suites (the steps of `npm run test:vscode`) several times in a row, optionally with
// every core kept busy, and prints how often each check passed and how long the runs took. For
// finding flaky checks: a check that fails once in ten runs is a defect of the test or the product.
//
//   node scripts/vscode/repeat.mjs [--runs N] [--load [N]]      (after `npm run build`)
//
//   --runs N    how many runs (default 5)
//   --load [N]  keep N busy-loop processes running during the runs (default: one per core)
//
// Each step of the test:vscode script runs even when an earlier one failed, so that one failure does
// not hide the other checks' results; a run passes when every step exits with 0, as
// `npm run test:vscode` does. Everything is also written to test-results/repeat/summary.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `--runs 5 --load` → { runs: 5, load: <cores> }. */
function parseArguments(args) {
    const options = { runs: 5, load: 0 };
    for (let i = 0; i < args.length; i++) {
        const next = args[i + 1];
        const number = next !== undefined && /^\d+$/.test(next) ? Number(next) : undefined;
        if (args[i] === '--runs' && number !== undefined) {
            options.runs = number;
            i++;
        } else if (args[i] === '--load') {
            options.load = number ?? availableParallelism();
            if (number !== undefined) i++;
        } else {
            throw new Error(`unknown argument '${args[i]}'; usage: node scripts/vscode/repeat.mjs [--runs N] [--load [N]]`);
        }
    }
    return options;
}

/** The commands that `npm run test:vscode` chains with `&&`. */
function testSteps() {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return manifest.scripts['test:vscode'].split('&&').map(step => step.trim());
}

/** Starts `count` processes that spin forever; returns a function that stops them. */
function startLoad(count) {
    const spinners = Array.from({ length: count }, () =>
        spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
    const stop = () => {
        for (const spinner of spinners) if (spinner.exitCode === null) spinner.kill('SIGKILL');
    };
    process.once('exit', stop);
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => {
        stop();
        process.exit(130);
    });
    return stop;
}

/** Runs one step through the shell, echoing and keeping its output; resolves with its exit code and output. */
function runStep(command) {
    return new Promise(resolve => {
        const child = spawn(command, { cwd: root, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let output = '';
        const keep = chunk => {
            output += chunk;
            process.stdout.write(chunk);
        };
        child.stdout.setEncoding('utf8').on('data', keep);
        child.stderr.setEncoding('utf8').on('data', keep);
        child.on('close', code => resolve({ code: code ?? 1, output }));
    });
}

/**
 * The checks a step reported and whether each passed. Two formats: the harness's `ok   title` /
 * `FAIL title` lines and mocha's spec reporter (`✔ title`, `1) title`; a failure's number is listed
 * again in the details below, so only its first line counts).
 */
function parseChecks(output) {
    const checks = [];
    const failedNumbers = new Set();
    for (const line of output.split('\n')) {
        let match;
        if ((match = /^ {2}(ok|FAIL) +(.+?)(?: \(\d+ ms\))?$/.exec(line))) {
            checks.push({ title: match[2], passed: match[1] === 'ok' });
        } else if ((match = /^ {4,}✔ (.+?)(?: \(\d+ms\))?$/.exec(line))) {
            checks.push({ title: match[1], passed: true });
        } else if ((match = /^ {4,}(\d+)\) (.+)$/.exec(line)) && !failedNumbers.has(match[1])) {
            failedNumbers.add(match[1]);
            checks.push({ title: match[2], passed: false });
        }
    }
    return checks;
}

function seconds(ms) {
    return `${(ms / 1000).toFixed(0)} s`;
}

async function main() {
    const options = parseArguments(process.argv.slice(2));
    const steps = testSteps();
    const stopLoad = options.load > 0 ? startLoad(options.load) : () => undefined;
    const runs = [];
    try {
        for (let run = 1; run <= options.runs; run++) {
            console.log(`\n=== run ${run} of ${options.runs}${options.load > 0 ? `, ${options.load} busy-loop processes` : ''}`);
            const started = Date.now();
            const results = [];
            for (const step of steps) {
                const { code, output } = await runStep(step);
                results.push({ step, code, checks: parseChecks(output) });
            }
            runs.push({ durationMs: Date.now() - started, passed: results.every(r => r.code === 0), steps: results });
        }
    } finally {
        stopLoad();
    }
    report(options, runs);
    return runs.every(run => run.passed) ? 0 : 1;
}

function report(options, runs) {
    const counts = new Map();
    for (const run of runs) {
        for (const { checks } of run.steps) {
            for (const { title, passed } of checks) {
                const count = counts.get(title) ?? { passed: 0, failed: 0 };
                count[passed ? 'passed' : 'failed']++;
                counts.set(title, count);
            }
        }
    }
    const durations = runs.map(run => run.durationMs).sort((a, b) => a - b);
    console.log(`\n=== ${runs.length} runs${options.load > 0 ? ` with ${options.load} busy-loop processes` : ''}: ` +
        `${runs.filter(run => run.passed).length} passed, ${runs.filter(run => !run.passed).length} failed; ` +
        `durations ${runs.map(run => seconds(run.durationMs)).join(', ')} (median ${seconds(durations[Math.floor(durations.length / 2)])})`);
    for (const [title, count] of counts) {
        console.log(`  ${count.failed > 0 ? 'FLAKY' : 'ok   '} ${count.passed}/${count.passed + count.failed}  ${title}`);
    }
    for (const [index, run] of runs.entries()) {
        for (const { step, code, checks } of run.steps) {
            if (code !== 0 && checks.every(check => check.passed)) console.log(`  run ${index + 1}: '${step}' exited with ${code} without a failed check (see its output above)`);
        }
    }
    const folder = join(root, 'test-results', 'repeat');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'summary.json'), JSON.stringify({ load: options.load, runs, counts: Object.fromEntries(counts) }, null, 2));
}

process.exitCode = await main();
