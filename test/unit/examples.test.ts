/**
 * The models in examples/ are documentation users read and try first, so they must stay valid and
 * show exactly the open items they were written to show.
 *
 * For each folder examples/<name>/, all of its `.tm` files are validated together (they refer to
 * each other), and the findings are compared with the golden file
 * test/fixtures/examples/<name>.findings.json: file (relative to the example folder), 1-based range
 * `line:col-line:col`, severity, code and message, sorted by position.
 *
 * The default run never writes. After changing an example (or a message in the validator), review
 * the new findings by hand and regenerate the golden files explicitly:
 *
 *     npm run build && UPDATE_GOLDEN=1 npm run test:unit
 *
 * then check `git diff test/fixtures/examples/` before committing.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { CheckedFile } from './helpers/workspace.js';
import { checkWorkspace, syntaxAndLinkErrors } from './helpers/workspace.js';

// Tests run from out/tsc/test/unit/, so the repository root is four levels up from this module.
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const EXAMPLES_DIR = join(REPO_ROOT, 'examples');
const GOLDEN_DIR = join(REPO_ROOT, 'test', 'fixtures', 'examples');
const GOLDEN_SUFFIX = '.findings.json';
const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

interface Finding {
    /** Path of the `.tm` file relative to the example's folder, with forward slashes. */
    readonly file: string;
    /** 1-based `line:col-line:col`, end exclusive (as in the editor). */
    readonly range: string;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
}

const SEVERITY_NAMES: Readonly<Record<number, string>> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'information',
    [DiagnosticSeverity.Hint]: 'hint',
};

function exampleNames(): string[] {
    return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
        .sort();
}

function goldenNames(): string[] {
    if (!existsSync(GOLDEN_DIR)) return [];
    return readdirSync(GOLDEN_DIR)
        .filter(name => name.endsWith(GOLDEN_SUFFIX))
        .map(name => name.slice(0, -GOLDEN_SUFFIX.length))
        .sort();
}

/** Every `.tm` file below a folder, as paths relative to the repository root, sorted. */
function tmFilesBelow(folder: string): string[] {
    const result: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.isFile() && entry.name.endsWith('.tm')) result.push(relative(REPO_ROOT, path).split(sep).join('/'));
        }
    };
    walk(folder);
    return result.sort();
}

/** The workspace to validate: repository-relative path → text. */
function loadFiles(paths: readonly string[]): Record<string, string> {
    return Object.fromEntries(paths.map(path => [path, readFileSync(join(REPO_ROOT, path), 'utf8')]));
}

function toFinding(file: string, d: Diagnostic): Finding {
    const r = d.range;
    return {
        file,
        range: `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`,
        severity: SEVERITY_NAMES[d.severity ?? DiagnosticSeverity.Error] ?? String(d.severity),
        code: String(d.code),
        message: d.message,
    };
}

/** Code-unit order, so the sort does not depend on the machine's locale. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function compareFindings(a: Finding, b: Finding): number {
    const [aStart, aEnd] = a.range.split('-').map(p => p.split(':').map(Number)) as [number[], number[]];
    const [bStart, bEnd] = b.range.split('-').map(p => p.split(':').map(Number)) as [number[], number[]];
    return compareText(a.file, b.file)
        || aStart[0]! - bStart[0]! || aStart[1]! - bStart[1]!
        || aEnd[0]! - bEnd[0]! || aEnd[1]! - bEnd[1]!
        || compareText(a.code, b.code)
        || compareText(a.message, b.message);
}

/** Findings of checked files, grouped by example folder, each group sorted. */
function findingsByExample(checked: readonly CheckedFile[]): Map<string, Finding[]> {
    const byExample = new Map<string, Finding[]>();
    for (const { document, diagnostics } of checked) {
        const path = document.uri.path.replace(/^\/workspace\/examples\//, '');
        const [example, ...rest] = path.split('/');
        const list = byExample.get(example!) ?? [];
        list.push(...diagnostics.map(d => toFinding(rest.join('/'), d)));
        byExample.set(example!, list);
    }
    for (const list of byExample.values()) list.sort(compareFindings);
    return byExample;
}

interface CheckedExample {
    readonly checked: CheckedFile[];
    readonly findings: Finding[];
}

/** Validates the files of one example on their own (the workspace holds nothing else). */
async function checkExample(example: string): Promise<CheckedExample> {
    const paths = tmFilesBelow(join(EXAMPLES_DIR, example));
    const checked = await checkWorkspace(loadFiles(paths));
    return { checked, findings: findingsByExample(checked).get(example) ?? [] };
}

/** One validation per example for the tests that only read the result. */
const checkedExamples = new Map<string, Promise<CheckedExample>>();
function checkedExample(example: string): Promise<CheckedExample> {
    let result = checkedExamples.get(example);
    if (!result) {
        result = checkExample(example);
        checkedExamples.set(example, result);
    }
    return result;
}

function goldenPath(example: string): string {
    return join(GOLDEN_DIR, `${example}${GOLDEN_SUFFIX}`);
}

const EXAMPLES = exampleNames();

describe('examples/', () => {
    it('has the three reference examples', () => {
        for (const example of ['iot-device', 'saas-api', 'web-shop']) {
            assert.ok(EXAMPLES.includes(example), `examples/${example}/ is missing`);
        }
    });

    it('has a golden findings file for exactly the example folders', () => {
        if (UPDATE_GOLDEN) {
            // The per-example tests below write the missing ones; a stale one must still be deleted by hand.
            assert.deepEqual(goldenNames().filter(name => !EXAMPLES.includes(name)), [], 'golden files without an example folder');
            return;
        }
        assert.deepEqual(goldenNames(), EXAMPLES,
            'Every folder of examples/ needs test/fixtures/examples/<folder>.findings.json and every golden file needs its folder. ' +
            'Review the findings and run `UPDATE_GOLDEN=1 npm run test:unit` to create them; delete golden files of removed examples.');
    });

    for (const example of EXAMPLES) {
        describe(example, () => {
            it('has .tm files', () => {
                assert.ok(tmFilesBelow(join(EXAMPLES_DIR, example)).length > 0, `examples/${example}/ has no .tm file`);
            });

            it('parses and links without errors and has no error-severity finding', async () => {
                const { checked } = await checkedExample(example);
                for (const { document, diagnostics } of checked) {
                    const file = document.uri.path;
                    assert.deepEqual(document.parseResult.lexerErrors.map(e => e.message), [], `lexer errors in ${file}`);
                    assert.deepEqual(document.parseResult.parserErrors.map(e => e.message), [], `parser errors in ${file}`);
                    assert.deepEqual(syntaxAndLinkErrors(diagnostics).map(d => toFinding(file, d)), [], `syntax or linking errors in ${file}`);
                    assert.deepEqual(diagnostics.filter(d => d.severity === DiagnosticSeverity.Error).map(d => toFinding(file, d)), [],
                        `error-severity findings in ${file}`);
                }
            });

            it('shows at least one open item', async () => {
                const { findings } = await checkedExample(example);
                assert.ok(findings.length > 0, `examples/${example}/ has no finding; an example should show what tml reports`);
            });

            it(`yields exactly the findings pinned in test/fixtures/examples/${example}${GOLDEN_SUFFIX}`, async () => {
                const { findings } = await checkedExample(example);
                const path = goldenPath(example);
                if (UPDATE_GOLDEN) {
                    mkdirSync(GOLDEN_DIR, { recursive: true });
                    writeFileSync(path, JSON.stringify(findings, undefined, 2) + '\n');
                    return;
                }
                assert.ok(existsSync(path), `${relative(REPO_ROOT, path)} does not exist. Review the findings, then run \`UPDATE_GOLDEN=1 npm run test:unit\`.`);
                const golden = JSON.parse(readFileSync(path, 'utf8')) as Finding[];
                assert.deepEqual(findings, golden);
            });
        });
    }

    it('checked all together (as `tml check examples/` does), each example yields the same findings as on its own', async () => {
        const alone = new Map<string, Finding[]>();
        for (const example of EXAMPLES) alone.set(example, (await checkedExample(example)).findings);
        const together = findingsByExample(await checkWorkspace(loadFiles(tmFilesBelow(EXAMPLES_DIR))));
        for (const example of EXAMPLES) {
            assert.deepEqual(together.get(example) ?? [], alone.get(example),
                `examples/${example}/ changes when checked with the other examples: a name is declared in more than one example, or an example refers to another's element`);
        }
    });
});
