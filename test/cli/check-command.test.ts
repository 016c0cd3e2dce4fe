import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IssueCode } from '../../language-server/src/validation/issue-codes.js';
import { ALL_ISSUE_CODES } from '../../language-server/src/validation/issue-codes.js';
import type { TmlRun } from './helpers/run-tml.js';
import { REPO_ROOT, runTml } from './helpers/run-tml.js';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';

const DESIGN_EXAMPLE = 'test/fixtures/design/online-store.tm';
const CLEAN = 'test/fixtures/cli/clean.tm';
const OUT_OF_RANGE = 'test/fixtures/cli/out-of-range.tm';

const ADVICE = "Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.";
const BACKGROUND = 'The model has no system description, scenario, assumption or dependency. Threat Model Analysis starts from this background (step 1): ' +
    'describe the system, its use-case scenarios, the assumptions made and the external dependencies.';
const NO_FLOW = "External entity 'Customer' sends and receives no flow. Add the flows it exchanges with the system, or remove it.";
const CROSSING = "Flow 'SaveOrder' crosses the trust boundaries 'Dmz' and 'Backend' but is neither encrypted nor authenticated. " +
    "Protect it (TLS, signatures, mutual authentication) and mark it 'encrypted' and 'authenticated'.";
const IMPLEMENTED_IN_MISSING = "'src/session.ts' (implementedIn of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone.";
const VERIFIED_BY_MISSING = "'test/session.test.ts' (verifiedBy of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone.";
const NO_ASSET = "Threat 'OrderTamper' names no asset, but its targets hold OrderHistory. Add 'assets …' for what the threat puts at risk.";

/** A failed run reports exactly one line on stderr, and no stack frame. */
function assertOneLineFailure(run: TmlRun, message: string): void {
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, `tml: ${message}\n`);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
}

describe('tml check', () => {
    it('prints the four DESIGN.md §4 findings, and the TMA process findings, as one JSON array', () => {
        const run = runTml(['check', '--format', 'json', DESIGN_EXAMPLE]);
        assert.equal(run.stderr, '');
        assert.equal(run.status, 0);
        const expected = [
            {
                file: DESIGN_EXAMPLE, line: 19, column: 13, endLine: 19, endColumn: 23, severity: 'warning', code: 'tm/stride-missing',
                message: `Process 'Storefront' has no threat for Tampering, Repudiation, InformationDisclosure, DenialOfService and ElevationOfPrivilege. ${ADVICE}`,
            },
            {
                file: DESIGN_EXAMPLE, line: 26, column: 15, endLine: 26, endColumn: 23, severity: 'warning', code: 'tm/stride-missing',
                message: `Data store 'OrdersDb' has no threat for Repudiation, InformationDisclosure and DenialOfService. ${ADVICE}`,
            },
            {
                file: DESIGN_EXAMPLE, line: 32, column: 6, endLine: 32, endColumn: 16, severity: 'warning', code: 'tm/stride-missing',
                message: `Flow 'PlaceOrder' has no threat for Tampering, InformationDisclosure and DenialOfService. ${ADVICE}`,
            },
            {
                file: DESIGN_EXAMPLE, line: 38, column: 6, endLine: 38, endColumn: 15, severity: 'warning', code: 'tm/boundary-crossing-unprotected',
                message: CROSSING,
            },
            {
                file: DESIGN_EXAMPLE, line: 38, column: 6, endLine: 38, endColumn: 15, severity: 'warning', code: 'tm/stride-missing',
                message: `Flow 'SaveOrder' has no threat for Tampering, InformationDisclosure and DenialOfService. ${ADVICE}`,
            },
            {
                file: DESIGN_EXAMPLE, line: 76, column: 19, endLine: 76, endColumn: 35, severity: 'warning', code: 'tm/linked-file-missing',
                message: IMPLEMENTED_IN_MISSING,
            },
            {
                file: DESIGN_EXAMPLE, line: 77, column: 16, endLine: 77, endColumn: 38, severity: 'warning', code: 'tm/linked-file-missing',
                message: VERIFIED_BY_MISSING,
            },
            {
                file: DESIGN_EXAMPLE, line: 80, column: 8, endLine: 80, endColumn: 19, severity: 'hint', code: 'tm/threat-without-asset',
                message: NO_ASSET,
            },
        ];
        // Exactly: these fields in this order, pretty-printed with two spaces, one trailing newline.
        assert.equal(run.stdout, `${JSON.stringify(expected, undefined, 2)}\n`);
    });

    it('prints text by default: one line per finding and a summary', () => {
        const run = runTml(['check', DESIGN_EXAMPLE]);
        assert.equal(run.status, 0);
        assert.equal(run.stdout, [
            `${DESIGN_EXAMPLE}:19:13: warning tm/stride-missing Process 'Storefront' has no threat for Tampering, Repudiation, InformationDisclosure, DenialOfService and ElevationOfPrivilege. ${ADVICE}`,
            `${DESIGN_EXAMPLE}:26:15: warning tm/stride-missing Data store 'OrdersDb' has no threat for Repudiation, InformationDisclosure and DenialOfService. ${ADVICE}`,
            `${DESIGN_EXAMPLE}:32:6: warning tm/stride-missing Flow 'PlaceOrder' has no threat for Tampering, InformationDisclosure and DenialOfService. ${ADVICE}`,
            `${DESIGN_EXAMPLE}:38:6: warning tm/boundary-crossing-unprotected ${CROSSING}`,
            `${DESIGN_EXAMPLE}:38:6: warning tm/stride-missing Flow 'SaveOrder' has no threat for Tampering, InformationDisclosure and DenialOfService. ${ADVICE}`,
            `${DESIGN_EXAMPLE}:76:19: warning tm/linked-file-missing ${IMPLEMENTED_IN_MISSING}`,
            `${DESIGN_EXAMPLE}:77:16: warning tm/linked-file-missing ${VERIFIED_BY_MISSING}`,
            `${DESIGN_EXAMPLE}:80:8: hint tm/threat-without-asset ${NO_ASSET}`,
            '7 warnings, 0 errors, 1 hint in 1 file',
            '',
        ].join('\n'));
    });

    it('prints SARIF 2.1.0 that the official schema accepts', () => {
        const run = runTml(['check', '--format=sarif', DESIGN_EXAMPLE]);
        assert.equal(run.status, 0);
        const log = JSON.parse(run.stdout) as {
            runs: { tool: { driver: { rules: { id: string }[] } }; originalUriBaseIds: unknown; results: { ruleId: string; ruleIndex: number; locations: unknown[] }[] }[];
        };
        assert.deepEqual(sarifSchemaErrors(log), []);
        const [sarifRun] = log.runs;
        // Every code, then one descriptor per built-in rule in force (docs/language.md#rules).
        assert.deepEqual(sarifRun?.tool.driver.rules.map(rule => rule.id).slice(0, ALL_ISSUE_CODES.length), ALL_ISSUE_CODES);
        assert.equal(sarifRun?.tool.driver.rules.filter(rule => rule.id.startsWith('tml-rule/')).length, 49);
        const index = (code: string): number => ALL_ISSUE_CODES.indexOf(code as IssueCode);
        assert.deepEqual(sarifRun?.results.map(result => [result.ruleId, result.ruleIndex]), [
            ...Array(3).fill(['tm/stride-missing', 0]),
            ['tm/boundary-crossing-unprotected', index('tm/boundary-crossing-unprotected')],
            ['tm/stride-missing', 0],
            ['tm/linked-file-missing', index('tm/linked-file-missing')],
            ['tm/linked-file-missing', index('tm/linked-file-missing')],
            ['tm/threat-without-asset', index('tm/threat-without-asset')],
        ]);
        assert.deepEqual(sarifRun?.results[0]?.locations, [{
            physicalLocation: {
                artifactLocation: { uri: DESIGN_EXAMPLE, uriBaseId: '%SRCROOT%' },
                region: { startLine: 19, startColumn: 13, endLine: 19, endColumn: 23 },
            },
        }]);
        assert.deepEqual(sarifRun?.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(REPO_ROOT).href.replace(/\/?$/, '/') } });
    });

    describe('exit codes', () => {
        it('is 0 for a clean model', () => {
            const run = runTml(['check', '--fail-on', 'error', CLEAN]);
            assert.equal(run.stdout, '0 warnings, 0 errors in 1 file\n');
            assert.equal(run.status, 0);
        });

        it('is 0 with warnings when failing on errors only, and with an error under --fail-on none', () => {
            assert.equal(runTml(['check', DESIGN_EXAMPLE]).status, 0);
            assert.equal(runTml(['check', '--fail-on', 'none', OUT_OF_RANGE]).status, 0);
        });

        it('is 1 for warnings under --fail-on warning', () => {
            assert.equal(runTml(['check', '--fail-on', 'warning', DESIGN_EXAMPLE]).status, 1);
        });

        it('is 1 for an error such as tm/dread-out-of-range', () => {
            const run = runTml(['check', OUT_OF_RANGE]);
            assert.equal(run.stdout, [
                `${OUT_OF_RANGE}:2:10: information tm/background-missing ${BACKGROUND}`,
                `${OUT_OF_RANGE}:2:10: information tm/external-without-flow ${NO_FLOW}`,
                `${OUT_OF_RANGE}:7:20: error tm/dread-out-of-range DREAD damage is 11; a factor must be an integer from 0 to 10.`,
                '0 warnings, 1 error, 2 information in 1 file',
                '',
            ].join('\n'));
            assert.equal(run.status, 1);
        });

        it('is 1 for a syntax error, reported with the parser\'s code', () => {
            const run = runTml(['check', '--format', 'json', 'test/fixtures/cli/syntax-error.tm']);
            assert.equal(run.status, 1);
            const findings = JSON.parse(run.stdout) as { code: string; severity: string; line: number; column: number }[];
            assert.deepEqual(findings.filter(f => f.severity === 'error'), [{
                file: 'test/fixtures/cli/syntax-error.tm', line: 3, column: 20, endLine: 3, endColumn: 20,
                severity: 'error', code: 'parsing-error', message: "This threat is not closed: add '}' at its end.",
            }]);
        });

        it('is 2 with one line on stderr for a missing file', () => {
            assertOneLineFailure(runTml(['check', 'test/fixtures/cli/no-such-model.tm']), 'cannot read test/fixtures/cli/no-such-model.tm: no such file or directory');
        });

        it('is 2 with one line on stderr for a bad flag or a bad --format value', () => {
            assertOneLineFailure(runTml(['check', '--colour', DESIGN_EXAMPLE]), "unknown option '--colour' for 'tml check': expected --format, --fail-on, --stale or --rules");
            assertOneLineFailure(runTml(['check', '--format', 'xml', DESIGN_EXAMPLE]), "invalid value 'xml' for --format: expected one of text, json, sarif, gitlab");
            assertOneLineFailure(runTml(['check', DESIGN_EXAMPLE, '--fail-on']), 'missing value for --fail-on: expected one of error, warning, none');
        });

        it('is 2 when the paths hold no model file, so a mistyped path cannot pass CI', () => {
            assertOneLineFailure(runTml(['check', 'test/fixtures/sarif']), 'no .tm files found in test/fixtures/sarif');
        });
    });

    it('checks a file named explicitly even without the .tm extension', () => {
        const run = runTml(['check', 'test/fixtures/cli/model.txt']);
        assert.equal(run.stdout, [
            `test/fixtures/cli/model.txt:1:10: information tm/background-missing ${BACKGROUND}`,
            `test/fixtures/cli/model.txt:1:10: information tm/external-without-flow ${NO_FLOW}`,
            '0 warnings, 0 errors, 2 information in 1 file',
            '',
        ].join('\n'));
        assert.equal(run.status, 0);
    });

    it('sorts findings by file, line and column across files and kinds of finding', () => {
        // b.tm has a linking error on line 6 that Langium reports before the warning on line 4.
        // Only where and what are compared: the wording of the linker's message is not the CLI's.
        const run = runTml(['check', 'test/fixtures/cli/sorting']);
        assert.equal(run.status, 1);
        const lines = run.stdout.split('\n');
        assert.deepEqual(lines.slice(0, -2).map(line => /^\S+:\d+:\d+: \S+ \S+/.exec(line)?.[0]), [
            'test/fixtures/cli/sorting/a.tm:1:8: information tm/background-missing',
            'test/fixtures/cli/sorting/a.tm:1:8: warning tm/dread-missing',
            'test/fixtures/cli/sorting/b.tm:2:10: information tm/external-without-flow',
            'test/fixtures/cli/sorting/b.tm:4:8: warning tm/dread-missing',
            'test/fixtures/cli/sorting/b.tm:6:23: error linking-error',
            'test/fixtures/cli/sorting/nested/c.tm:1:9: warning tm/stride-missing',
        ]);
        assert.deepEqual(lines.slice(-2), ['3 warnings, 1 error, 2 information in 3 files', '']);
    });

    describe('given a folder', () => {
        let root: string;

        before(() => {
            root = mkdtempSync(path.join(tmpdir(), 'tml-check-'));
            const files: Record<string, string> = {
                'dfd/elements.tm': 'process Api "API" { entrypoint }\n',
                'threats/deep/all.tm': [
                    'threat ApiThreats "Everything that can go wrong with the API" {',
                    '    stride Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege',
                    '    targets Api',
                    '    dread { damage 5 reproducibility 5 exploitability 5 affectedUsers 5 discoverability 5 }',
                    '    response accept',
                    '    justification "Internal tool."',
                    '}',
                    '',
                ].join('\n'),
                'node_modules/pkg/ignored.tm': 'process Api "A second Api: would be a duplicate name"\n',
                '.cache/ignored.tm': 'process Api "A third Api"\n',
                'README.md': '# not a model\n',
            };
            for (const [file, text] of Object.entries(files)) {
                mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
                writeFileSync(path.join(root, file), text);
            }
        });

        after(() => rmSync(root, { recursive: true, force: true }));

        it('checks every .tm file below it together, so references resolve across files', () => {
            const run = runTml(['check', '--fail-on', 'warning', '.'], root);
            assert.equal(run.stderr, '');
            assert.equal(run.stdout, `dfd/elements.tm:1:9: information tm/background-missing ${BACKGROUND}\n0 warnings, 0 errors, 1 information in 2 files\n`);
            assert.equal(run.status, 0);
        });

        it('checks the current directory when no path is given', () => {
            const run = runTml(['check', '--format', 'json'], root);
            const findings = JSON.parse(run.stdout) as { file: string; code: string }[];
            assert.deepEqual(findings.map(f => [f.file, f.code]), [['dfd/elements.tm', 'tm/background-missing']]);
            assert.equal(run.status, 0);
        });

        it('shows files relative to the current directory', () => {
            const run = runTml(['check', '--format', 'json', path.join(root, 'dfd')], path.join(root, 'threats'));
            const findings = JSON.parse(run.stdout) as { file: string; code: string }[];
            assert.deepEqual(findings.map(f => [f.file, f.code]), [['../dfd/elements.tm', 'tm/background-missing'], ['../dfd/elements.tm', 'tm/stride-missing']]);
        });
    });
});

describe('tml', () => {
    it('prints usage for --help and help', () => {
        for (const args of [['--help'], ['help']]) {
            const run = runTml(args);
            assert.equal(run.status, 0);
            assert.match(run.stdout, /^Usage:\n {2}tml check {2}\[paths…\] \[--format text\|json\|sarif\|gitlab\] \[--fail-on error\|warning\|none\] \[--stale\] \[--rules R\]\n/);
        }
    });

    it('prints its version for --version', () => {
        const run = runTml(['--version']);
        assert.equal(run.status, 0);
        assert.match(run.stdout, /^\d+\.\d+\.\d+\S*\n$/);
    });

    it('is 2 with one line on stderr for a missing or unknown command', () => {
        assertOneLineFailure(runTml([]), "missing command: expected one of check, table, dfd, report, rules, import, export, init, help (see 'tml --help')");
        assertOneLineFailure(runTml(['lint']), "unknown command 'lint': expected one of check, table, dfd, report, rules, import, export, init, help (see 'tml --help')");
    });
});
