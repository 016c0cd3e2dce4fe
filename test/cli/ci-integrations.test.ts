import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { GITLAB_SEVERITIES } from '../../language-server/src/generator/gitlab.js';
import { REPO_ROOT, runTml } from './helpers/run-tml.js';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';

const DESIGN_EXAMPLE = 'test/fixtures/design/online-store.tm';

function read(file: string): string {
    return readFileSync(join(REPO_ROOT, file), 'utf8');
}

/** Errors of `value` against a published schema of test/fixtures/ci (draft-07, unchanged): none when it conforms. */
function schemaErrors(schemaFile: string, value: unknown): ErrorObject[] {
    // The published schemas use keywords and formats beyond what Ajv's strict mode knows; conformance is what counts here.
    const ajv = new Ajv.default({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(read(`test/fixtures/ci/${schemaFile}`)) as object);
    return validate(value) ? [] : [...(validate.errors ?? [])];
}

interface ActionStep {
    readonly id?: string;
    readonly name?: string;
    readonly uses?: string;
    readonly run?: string;
    readonly if?: string;
    readonly env?: Record<string, string>;
}

interface ActionMetadata {
    readonly inputs: Record<string, { default?: string }>;
    readonly runs: { readonly using: string; readonly steps: ActionStep[] };
}

/** Every `${{ … }}` expression of a text. */
function expressions(text: string): string[] {
    return [...text.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)].map(m => m[1]!);
}

describe('the GitHub Action (action.yml)', () => {
    const source = read('action.yml');
    const action = parse(source) as ActionMetadata;
    const steps = action.runs.steps;
    const checkStep = steps.find(step => step.id === 'check');

    it('conforms to the published GitHub Action metadata schema (SchemaStore)', () => {
        assert.deepEqual(schemaErrors('github-action.schema.json', action), []);
        assert.equal(action.runs.using, 'composite');
        // The schema does reject what GitHub rejects.
        assert.notDeepEqual(schemaErrors('github-action.schema.json', { ...action, runs: { ...action.runs, using: 'node99' } }), []);
        assert.notDeepEqual(schemaErrors('github-action.schema.json', { ...action, runs: { using: 'composite', steps: [{ run: 'true' }] } }), []);
    });

    it('sets up Node, installs tml, checks as SARIF, uploads it to code scanning and fails last', () => {
        assert.deepEqual(steps.map(step => step.uses ?? step.name), [
            'actions/setup-node@v4',
            'Install tml',
            'tml check',
            'github/codeql-action/upload-sarif@v3',
            'Fail on findings at or above fail-on',
        ]);
        assert.deepEqual(Object.keys(action.inputs), ['paths', 'fail-on', 'stale', 'upload-sarif', 'sarif-file', 'category', 'node-version', 'tml-package']);
    });

    it('names only declared inputs and steps in its expressions, and never puts one into a script', () => {
        const used = expressions(source);
        for (const expression of used) {
            const input = /inputs\.([\w-]+)/.exec(expression)?.[1];
            if (input) assert.ok(input in action.inputs, `undeclared input '${input}' in ${expression}`);
            const step = /steps\.([\w-]+)/.exec(expression)?.[1];
            if (step) assert.ok(steps.some(s => s.id === step), `unknown step '${step}' in ${expression}`);
        }
        assert.ok(used.length > 0);
        // An input written into `run` would be pasted into the script before bash reads it.
        for (const step of steps) assert.deepEqual(expressions(step.run ?? ''), [], `step '${step.name}' has an expression in its script`);
    });

    it('has scripts that bash parses', () => {
        for (const step of steps.filter(s => s.run !== undefined)) {
            const result = spawnSync('bash', ['-n'], { input: step.run, encoding: 'utf8' });
            assert.equal(result.status, 0, `step '${step.name}': ${result.stderr}`);
        }
    });

    describe('its tml check step, run with the built tml', () => {
        let folder = '';
        before(() => {
            folder = mkdtempSync(join(tmpdir(), 'tml-action-'));
            mkdirSync(join(folder, 'bin'));
            symlinkSync(join(REPO_ROOT, 'bin', 'tml.cjs'), join(folder, 'bin', 'tml'));
        });
        after(() => rmSync(folder, { recursive: true, force: true }));

        /** Runs the step's script as the runner does (bash -e), with the inputs as its env says; returns its status and outputs. */
        function runCheckStep(inputs: Record<string, string>): { status: number | null; outputs: Record<string, string>; sarif: string; stdout: string } {
            const output = join(folder, `output-${Object.values(inputs).join('-').replace(/\W+/g, '_')}`);
            const sarif = join(folder, 'tml.sarif');
            const values: Record<string, string> = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])), 'sarif-file': sarif, ...inputs };
            const env = Object.fromEntries(Object.entries(checkStep?.env ?? {}).map(([name, value]) => [name, values[/inputs\.([\w-]+)/.exec(value)![1]!] ?? '']));
            const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', checkStep?.run ?? ''], {
                cwd: REPO_ROOT,
                encoding: 'utf8',
                env: { ...process.env, ...env, PATH: `${join(folder, 'bin')}:${process.env['PATH'] ?? ''}`, GITHUB_OUTPUT: output },
            });
            let written = '';
            try {
                written = readFileSync(output, 'utf8');
            } catch {
                // The step failed before writing its outputs.
            }
            const outputs = Object.fromEntries(written.trim().split('\n').filter(Boolean).map(line => line.split('=', 2) as [string, string]));
            let log = '';
            try {
                log = readFileSync(sarif, 'utf8');
            } catch {
                // No SARIF written.
            }
            return { status: result.status, outputs, sarif: log, stdout: result.stdout };
        }

        it('passes, with exit-code 0, when nothing reaches fail-on, and writes valid SARIF of the findings', () => {
            const run = runCheckStep({ paths: DESIGN_EXAMPLE });
            assert.equal(run.status, 0);
            assert.deepEqual(run.outputs, { 'exit-code': '0', 'sarif-file': join(folder, 'tml.sarif') });
            const log = JSON.parse(run.sarif) as { runs: { results: unknown[] }[] };
            assert.deepEqual(sarifSchemaErrors(log), []);
            assert.equal(log.runs[0]?.results.length, 8);
            assert.match(run.stdout, /^7 warnings, 0 errors, 1 hint in 1 file$/m);
        });

        it('still passes with exit-code 1 for findings at or above fail-on, so that the upload runs before the last step fails', () => {
            const run = runCheckStep({ 'paths': DESIGN_EXAMPLE, 'fail-on': 'warning', 'stale': 'true' });
            assert.equal(run.status, 0);
            assert.equal(run.outputs['exit-code'], '1');
            const last = steps[steps.length - 1]!;
            assert.equal(last.if, "steps.check.outputs.exit-code == '1'");
        });

        it('fails at once when tml cannot check (exit code 2), with no outputs', () => {
            const run = runCheckStep({ paths: 'no/such/folder' });
            assert.equal(run.status, 2);
            assert.deepEqual(run.outputs, {});
        });
    });
});

describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as Record<string, unknown>[];

    it('conforms to the published pre-commit hooks schema (SchemaStore)', () => {
        assert.deepEqual(schemaErrors('pre-commit-hooks.schema.json', hooks), []);
        assert.notDeepEqual(schemaErrors('pre-commit-hooks.schema.json', [{ id: 'tml-check', name: 'tml check', language: 'node' }]), [], 'a hook without entry');
    });

    it('runs tml check once on the whole model when a .tm file changed', () => {
        assert.deepEqual(hooks, [{
            id: 'tml-check',
            name: 'tml check',
            description: 'Checks the threat models (*.tm) with tml - STRIDE coverage per element, DREAD, responses - and fails on errors.',
            entry: 'tml check',
            language: 'node',
            files: '\\.tm$',
            pass_filenames: false,
            require_serial: true,
        }]);
        assert.ok(new RegExp(String(hooks[0]?.['files'])).test('threat-model/dfd.tm'));
    });

    it('installs as pre-commit installs a node hook: npm pack in the repository holds the two commands and their bundles', () => {
        const manifest = JSON.parse(read('package.json')) as { scripts: Record<string, string>; bin: Record<string, string> };
        assert.equal(manifest.scripts['prepack'], 'npm run build');
        assert.ok('tml' in manifest.bin);
        const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8' });
        assert.equal(pack.status, 0, pack.stderr);
        const [packed] = JSON.parse(pack.stdout) as { files: { path: string }[] }[];
        assert.deepEqual(packed?.files.map(f => f.path).sort(), [
            'LICENSE',
            'README.md',
            'bin/tml-language-server.cjs',
            'bin/tml.cjs',
            'out/cli/tml-commands.cjs',
            'out/cli/tml.cjs',
            'out/cli/viz.cjs',
            'out/language-server/main.cjs',
            'out/language-server/server.cjs',
            'out/language-server/viz.cjs',
            'package.json',
        ]);
    });
});

interface GitLabJob {
    readonly image: string;
    readonly variables: Record<string, string>;
    readonly script: string[];
    readonly artifacts: { when: string; reports: { codequality: string } };
}

describe('the GitLab CI job (docs/gitlab-ci.yml) and tml check --format gitlab', () => {
    it('writes the Code Quality report it hands to GitLab, and keeps it when the job fails', () => {
        const { tml } = parse(read('docs/gitlab-ci.yml')) as { tml: GitLabJob };
        assert.equal(tml.artifacts.when, 'always');
        assert.equal(tml.artifacts.reports.codequality, 'gl-code-quality-report.json');
        assert.deepEqual(tml.script, [
            'npm install --global --no-audit --no-fund "$TML_PACKAGE"',
            'tml check $TML_PATHS --fail-on none',
            'tml check $TML_PATHS --format gitlab --fail-on "$TML_FAIL_ON" > gl-code-quality-report.json',
        ]);
        assert.deepEqual(Object.keys(tml.variables), ['TML_PACKAGE', 'TML_PATHS', 'TML_FAIL_ON']);
    });

    it('prints one issue per finding that GitLab\'s own schema accepts, with a documented severity and a unique fingerprint', () => {
        const run = runTml(['check', '--format', 'gitlab', DESIGN_EXAMPLE]);
        assert.equal(run.status, 0);
        const issues = JSON.parse(run.stdout) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
        for (const issue of issues) assert.deepEqual(schemaErrors('gitlab-codeclimate.schema.json', issue), []);
        assert.notDeepEqual(schemaErrors('gitlab-codeclimate.schema.json', { ...issues[0], fingerprint: undefined, location: { path: 'a.tm', lines: { begin: '1' } } }), []);
        assert.ok(issues.every(issue => ['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity)));
        assert.ok(issues.every(issue => /^[0-9a-f]{64}$/.test(issue.fingerprint)));
        assert.equal(new Set(issues.map(issue => issue.fingerprint)).size, issues.length);
        const text = runTml(['check', '--format', 'json', DESIGN_EXAMPLE]);
        const findings = JSON.parse(text.stdout) as { file: string; line: number; severity: keyof typeof GITLAB_SEVERITIES; code: string; message: string }[];
        assert.deepEqual(
            issues.map(({ description, check_name, severity, location }) => ({ description, check_name, severity, location })),
            findings.map(f => ({ description: f.message, check_name: f.code, severity: GITLAB_SEVERITIES[f.severity], location: { path: f.file, lines: { begin: f.line } } })),
        );
        assert.deepEqual(issues.map(issue => issue.severity), ['major', 'major', 'major', 'major', 'major', 'major', 'major', 'info']);
    });

    it('keeps a finding\'s fingerprint when it moves down the file, and tells two equal findings of a file apart', () => {
        const folder = mkdtempSync(join(tmpdir(), 'tml-gitlab-'));
        try {
            const model = 'external A "A"\nexternal B "B"\n';
            const check = (text: string): { fingerprint: string; location: { lines: { begin: number } } }[] => {
                writeFileSync(join(folder, 'model.tm'), text);
                return JSON.parse(runTml(['check', '--format', 'gitlab', 'model.tm'], folder).stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
            };
            const before = check(model);
            const after = check(`// a comment\n\n${model}`);
            assert.deepEqual(after.map(i => i.location.lines.begin), before.map(i => i.location.lines.begin + 2));
            assert.deepEqual(after.map(i => i.fingerprint), before.map(i => i.fingerprint));
            const twice = check('process P "P"\nprocess P "P"\n');
            assert.equal(new Set(twice.map(i => i.fingerprint)).size, twice.length);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
