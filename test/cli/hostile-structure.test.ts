import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { MeasuredRun } from './helpers/measured-run.js';
import { runTmlMeasured } from './helpers/measured-run.js';
import { REPO_ROOT } from './helpers/run-tml.js';

/** The design example (test/fixtures/design/online-store.tm): checked in the same run as each hostile file, it keeps its exact findings. */
const VALID_MODEL = 'test/fixtures/design/online-store.tm';
/** Bounds for one `tml check` of a hostile file with the valid model: generous, to catch hangs and blow-ups, not to benchmark. */
const TIME_LIMIT_S = 120;
const MEMORY_LIMIT_MB = 1_536;
/** The longest output line allowed: a message quotes at most a short excerpt of the model. */
const LINE_LIMIT = 1_000;
const DEPTH = 100_000;

/** A final line with two unknown names: its errors must be found after whatever comes before it. */
const BROKEN_FLOW = 'flow Broken: Nowhere -> Nothing "f"\n';

function repeat(count: number, line: (i: number) => string): string {
    return Array.from({ length: count }, (_, i) => line(i)).join('');
}

/** About `bytes` of valid declarations, each asset described (five megabytes of a real-looking model). */
function assets(bytes: number): string {
    const lines: string[] = [];
    for (let size = 0, i = 0; size < bytes; i++) {
        const line = `asset A${i} "Asset ${i}" { description "a real-looking model, made big" }\n`;
        lines.push(line);
        size += line.length;
    }
    return lines.join('');
}

interface HostileCase {
    readonly name: string;
    readonly text: () => string;
    /** Findings the file must get, as `tml check` prints them after `<file>:`; `{last}` is the number of its last line. */
    readonly expected: readonly string[];
    /** The summary line of the run (the valid model's 7 warnings and 1 hint included). */
    readonly summary?: string;
}

const CONDITION_TOO_DEEP = 'error lexing-error This condition is nested too deeply; the rest of the file is not read. Flatten the nesting.';
const DECLARATIONS = 'A declaration starts with one of: system, assumption, dependency, asset, boundary, external, process, datastore, flow, scenario, threat, mitigation, exclude, rule, dismiss.';
const NESTED_TOO_DEEP = 'error lexing-error Blocks are nested more than 64 levels deep here; the rest of the file is not read. Flatten the nesting.';

const CASES: readonly HostileCase[] = [
    {
        name: `boundaries nested ${DEPTH.toLocaleString('en')} deep`,
        text: () => repeat(DEPTH, i => `boundary B${i} "b" {\n`) + '}\n'.repeat(DEPTH),
        expected: [`65:18: ${NESTED_TOO_DEEP}`],
    },
    {
        name: `a threat tree of \`or\` gates nested ${DEPTH.toLocaleString('en')} deep`,
        text: () => `threat T "t" {\n    tree {\n${repeat(DEPTH, i => `or "Step ${i}" {\n`)}leaf "x"\n${'}\n'.repeat(DEPTH)}    }\n}\n`,
        expected: [`65:14: ${NESTED_TOO_DEEP}`],
    },
    {
        name: `${DEPTH.toLocaleString('en')} nested braces`,
        text: () => '{'.repeat(DEPTH) + '}'.repeat(DEPTH),
        expected: [`1:1: error parsing-error '{' cannot start a declaration. ${DECLARATIONS}`, `1:65: ${NESTED_TOO_DEEP}`],
        summary: '7 warnings, 2 errors, 1 hint in 2 files',
    },
    {
        name: `${DEPTH.toLocaleString('en')} nested parentheses`,
        text: () => '('.repeat(DEPTH) + ')'.repeat(DEPTH),
        expected: [`1:33: ${CONDITION_TOO_DEEP}`, `1:1: error parsing-error '(' cannot start a declaration. ${DECLARATIONS}`],
    },
    {
        name: `a rule's condition in ${DEPTH.toLocaleString('en')} nested parentheses`,
        text: () => `rule R "r" {\n    on flow\n    when ${'('.repeat(DEPTH)}encrypted${')'.repeat(DEPTH)}\n}\n`,
        // The rule's block is one level, each parenthesis two: the 32nd is one too many.
        expected: [`3:${10 + 31}: ${CONDITION_TOO_DEEP}`],
    },
    {
        name: `a rule's condition negated ${DEPTH.toLocaleString('en')} times`,
        text: () => `rule R "r" {\n    on flow\n    when ${'not '.repeat(DEPTH)}encrypted\n}\n`,
        expected: [`3:${10 + 4 * 63}: ${CONDITION_TOO_DEEP}`],
    },
    {
        name: 'a 5 MB file with an error on its last line',
        text: () => assets(5 * 2 ** 20) + BROKEN_FLOW,
        expected: [
            "{last}:14: error linking-error Unknown external, process or datastore 'Nowhere'. Declare it in a .tm file of this model, or correct the name.",
            "{last}:25: error linking-error Unknown external, process or datastore 'Nothing'. Declare it in a .tm file of this model, or correct the name.",
        ],
    },
    {
        name: 'a 1 MB identifier',
        text: () => `asset ${'x'.repeat(2 ** 20)} "One long name"\n${BROKEN_FLOW}`,
        expected: ["2:14: error linking-error Unknown external, process or datastore 'Nowhere'. Declare it in a .tm file of this model, or correct the name."],
    },
    {
        name: 'a 1 MB string',
        text: () => `asset A "${'x'.repeat(2 ** 20)}"\n${BROKEN_FLOW}`,
        expected: ["2:14: error linking-error Unknown external, process or datastore 'Nowhere'. Declare it in a .tm file of this model, or correct the name."],
    },
    {
        name: 'an unterminated string at the start of a 1 MB file',
        text: () => `asset Open "never closed\n${assets(2 ** 20)}${BROKEN_FLOW}`,
        expected: [
            '1:12: error lexing-error This text is not closed: text starts and ends with " on the same line (use \\" for a quote inside it).',
            "{last}:14: error linking-error Unknown external, process or datastore 'Nowhere'. Declare it in a .tm file of this model, or correct the name.",
        ],
    },
    {
        name: 'an unterminated comment at the start of a 1 MB file',
        text: () => `/* never closed\n${assets(2 ** 20)}${BROKEN_FLOW}`,
        expected: [
            '1:1: error lexing-error This comment is not closed: a comment that starts with /* ends with */.',
            "{last}:14: error linking-error Unknown external, process or datastore 'Nowhere'. Declare it in a .tm file of this model, or correct the name.",
        ],
    },
    {
        name: '200,000 garbage tokens',
        text: () => repeat(200_000, i => `${['{', '}', '->', ':', '""', 'flow', '42', '@', '#', 'x'][(i * 7_919) % 10]} `),
        expected: [`1:1: error parsing-error '{' cannot start a declaration. ${DECLARATIONS}`],
    },
    {
        // 150,000 findings overflowed the validator's stack and the file had none at
        // all ("0 errors", exit 0). Each external has tm/stride-missing and tm/external-without-flow:
        // 150,000 findings, then the threat's tm/dread-out-of-range, this model's
        // tm/background-missing, and online-store.tm's own 7 warnings and 1 hint. (online-store.tm
        // declares a system in another folder, so it is a model of its own (docs/language.md#models-in-a-workspace), and its
        // scenario no longer gives each external tm/element-in-no-scenario.)
        name: '150,000 findings (75,000 externals without flow or threat) and one error',
        text: () => 'threat T "t" { dread { damage 99 reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 } response accept justification "j" }\n' +
            repeat(75_000, i => `external E${i} "e"\n`),
        expected: ['1:31: error tm/dread-out-of-range DREAD damage is 99; a factor must be an integer from 0 to 10.'],
        summary: '75007 warnings, 1 error, 75001 information, 1 hint in 2 files',
    },
];

/** The findings of one file as `tml check` prints them, without the file name. */
function findingsOf(stdout: string, file: string): string[] {
    return stdout.split('\n').filter(line => line.startsWith(`${file}:`)).map(line => line.slice(file.length + 1));
}

/** Runs `tasks` with at most `width` at a time (the machine has two cores; the runs are children). */
async function inParallel<T>(tasks: ReadonlyArray<() => Promise<T>>, width: number): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < tasks.length) {
            const index = next++;
            results[index] = await tasks[index]!();
        }
    };
    await Promise.all(Array.from({ length: width }, worker));
    return results;
}

/**
 * Hostile structures through the bundled `tml check`, each in one run with the valid
 * design example. Every run ends within its time and memory bounds, exits 1 (each file has an
 * error), reports the file's expected errors, quotes no huge text, and leaves the valid model's
 * findings exactly as they are when it is checked alone.
 */
describe('hostile structures: tml check stays bounded and exact', function () {
    this.timeout(600_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'tml-hostile-'));
    const runs = new Map<string, MeasuredRun>();
    const lineCounts: number[] = [];
    let alone: MeasuredRun;

    before(async () => {
        const files = CASES.map((c, i) => {
            const file = path.join(dir, `hostile-${i}.tm`);
            const text = c.text();
            lineCounts[i] = text.split('\n').length - 1;
            writeFileSync(file, text);
            return file;
        });
        const tasks = [() => runTmlMeasured(['check', VALID_MODEL], TIME_LIMIT_S * 1000),
            ...files.map(file => () => runTmlMeasured(['check', file, VALID_MODEL], TIME_LIMIT_S * 1000))];
        const [first, ...results] = await inParallel(tasks, 2);
        alone = first!;
        CASES.forEach((c, i) => runs.set(c.name, results[i]!));
    });

    after(() => {
        for (const [name, run] of runs) console.log(`      ${name}: ${run.seconds.toFixed(1)} s, ${Math.round(run.peakRssMb)} MB peak, exit ${run.status}`);
    });

    it('checks the valid model alone as the DESIGN.md example says', () => {
        assert.equal(alone.status, 0, alone.stderr);
        assert.equal(alone.stdout.split('\n').at(-2), '7 warnings, 0 errors, 1 hint in 1 file');
    });

    CASES.forEach((c, i) => {
        it(c.name, () => {
            const run = runs.get(c.name)!;
            const file = path.relative(REPO_ROOT, path.join(dir, `hostile-${i}.tm`)).split(path.sep).join('/');
            assert.equal(run.signal, null, `killed after ${run.seconds.toFixed(1)} s (limit ${TIME_LIMIT_S} s); stderr: ${run.stderr.slice(0, 500)}`);
            assert.ok(run.seconds < TIME_LIMIT_S, `took ${run.seconds.toFixed(1)} s`);
            assert.ok(run.peakRssMb < MEMORY_LIMIT_MB, `peak memory ${Math.round(run.peakRssMb)} MB (limit ${MEMORY_LIMIT_MB} MB)`);
            assert.equal(run.stderr, '');
            const findings = findingsOf(run.stdout, file);
            const last = String(lineCounts[i]);
            const missing = c.expected.map(line => line.replace('{last}', last)).filter(line => !findings.includes(line));
            assert.deepEqual(missing, [], `expected findings missing; the first found: ${findings.slice(0, 5).join('\n').slice(0, 2_000)}`);
            const long = run.stdout.split('\n').filter(line => line.length > LINE_LIMIT);
            assert.deepEqual(long.map(line => `${line.slice(0, 200)}… (${line.length} characters)`), [], 'output lines quote at most a short excerpt of the model');
            assert.deepEqual(findingsOf(run.stdout, VALID_MODEL), findingsOf(alone.stdout, VALID_MODEL), 'the valid model keeps its findings');
            if (c.summary) assert.equal(run.stdout.split('\n').at(-2), c.summary);
            assert.equal(run.status, 1, 'the file has an error, so tml check fails');
        });
    });
});
