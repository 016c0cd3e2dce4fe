/**
 * `npm run bench`: the table of issue 17 from one command (docs/performance.md). Every figure is a
 * whole process or a stdio LSP round trip with the bundled server and CLI, as users run them.
 * `--json FILE` also writes the figures as JSON; `--edits N` sets the keystrokes timed per file
 * (30); `--only report,start` measures only those rows (keystroke, open, start, report, memory).
 * The comparison with OWASP pytm runs when TML_BENCH_PYTM points at a pytm checkout.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { keystroke, nodeStart, open, pytmReport, tmlCheck, tmlReport, tmlStart } from './figures.js';
import { Scratch } from './workloads.js';

interface Row {
    readonly measure: string;
    readonly measured: string;
    readonly target: string;
}

function option(name: string): string | undefined {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
}

const EDITS = Number(option('--edits') ?? 30);
const ROWS = ['keystroke', 'open', 'start', 'report', 'memory'] as const;
const only = option('--only')?.split(',');
const unknown = only?.filter(row => !(ROWS as readonly string[]).includes(row)) ?? [];
if (unknown.length > 0) throw new Error(`--only takes ${ROWS.join(', ')}; not ${unknown.join(', ')}`);
const wanted = (row: (typeof ROWS)[number]): boolean => only === undefined || only.includes(row);
const OPEN_RUNS = 3;
const START_RUNS = 10;
const REPORT_RUNS = 3;
const PYTM = process.env.TML_BENCH_PYTM;

const ms = (value: number): string => `${value.toFixed(0)} ms`;
const s = (value: number): string => `${(value / 1000).toFixed(2)} s`;
const load = (): string => loadavg().map(l => l.toFixed(2)).join(', ');

const figures: Record<string, number> = {};
const rows: Row[] = [];
const loadBefore = load();
const scratch = new Scratch();
const progress = (what: string): void => { process.stderr.write(`… ${what}\n`); };
try {
    for (const [elements, target] of wanted('keystroke') ? [[1_000, 'p95 < 100 ms'], [5_000, 'p95 < 300 ms']] as const : []) {
        progress(`keystroke → diagnostics, ${elements} elements`);
        const k = await keystroke(elements, EDITS);
        figures[`keystroke-${elements}-p50-ms`] = k.p50;
        figures[`keystroke-${elements}-p95-ms`] = k.p95;
        rows.push({ measure: `keystroke → diagnostics, one ${elements.toLocaleString('en')}-element file (stdio LSP, edit inside a string, ${k.samples} edits)`, measured: `p50 ${ms(k.p50)}, p95 ${ms(k.p95)}`, target });
    }
    if (wanted('open')) {
        progress('open → first diagnostics');
        const open1k = await open(1_000, OPEN_RUNS);
        const open5k = await open(5_000, OPEN_RUNS);
        figures['open-1000-ms'] = open1k;
        figures['open-5000-ms'] = open5k;
        rows.push({ measure: `open → first diagnostics, 1k / 5k elements (median of ${OPEN_RUNS} fresh servers)`, measured: `${s(open1k)} / ${s(open5k)}`, target: '< 0.35 s / < 0.6 s' });
    }
    if (wanted('start')) {
        progress('start-up');
        const floor = nodeStart(START_RUNS);
        const version = tmlStart(START_RUNS);
        figures['node-e-0-ms'] = floor;
        figures['tml-version-ms'] = version;
        rows.push({ measure: `\`tml --version\` (start-up; bare \`node -e 0\` is ${ms(floor)}; median of ${START_RUNS})`, measured: ms(version), target: '< 100 ms' });
    }
    const reported: string[] = [];
    for (const elements of wanted('report') ? [1_000, 5_000] : []) {
        progress(`tml report, ${elements} elements`);
        const tml = tmlReport(scratch, elements, REPORT_RUNS);
        figures[`report-${elements}-ms`] = tml;
        if (PYTM) {
            progress(`pytm --report, ${elements} elements`);
            const pytm = pytmReport(scratch, PYTM, elements, REPORT_RUNS);
            figures[`pytm-report-${elements}-ms`] = pytm;
            figures[`pytm-ratio-${elements}`] = pytm / tml;
            reported.push(`${s(tml)} vs ${s(pytm)} (${(pytm / tml).toFixed(1)}×)`);
        } else {
            reported.push(`${s(tml)} vs — (set TML_BENCH_PYTM)`);
        }
    }
    if (reported.length > 0) rows.push({ measure: `\`tml report\` vs OWASP pytm \`--report\` on the same generated system, 1k / 5k elements (median of ${REPORT_RUNS})`, measured: reported.join(' / '), target: '≥ 5× / ≥ 10×' });

    for (const files of wanted('memory') ? [1, 100] : []) {
        progress(`tml check, 20,000 elements in ${files} file(s)`);
        const check = tmlCheck(scratch, 20_000, files);
        figures[`check-20000-${files}-files-peak-mb`] = check.mb;
        figures[`check-20000-${files}-files-ms`] = check.ms;
        rows.push({ measure: `peak memory (max RSS), \`tml check\` of 20,000 elements in ${files === 1 ? 'one file' : `${files} files`} (and its time)`, measured: `${check.mb.toFixed(0)} MB (${s(check.ms)})`, target: '< 250 MB' });
    }
} finally {
    scratch.dispose();
}

const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', loadBefore, loadAfter: load(), date: new Date().toISOString() };
console.log(`\nNode ${machine.node}, ${machine.cpus} × ${machine.cpuModel}; load average ${machine.loadBefore} before, ${machine.loadAfter} after.\n`);
console.log('| measure | measured | target |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.measure} | ${row.measured} | ${row.target} |`);
const json = option('--json');
if (json) {
    const path = resolve(json);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify({ machine, figures, rows }, undefined, 2)}\n`);
    console.log(`\nFigures written to ${path}.`);
}
