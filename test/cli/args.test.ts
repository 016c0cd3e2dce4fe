import * as assert from 'node:assert/strict';
import { parseArgs } from '../../language-server/src/cli/args.js';

describe('tml argument parsing', () => {
    it('defaults check to text output, failing on errors, with no paths', () => {
        assert.deepEqual(parseArgs(['check']), { kind: 'check', options: { paths: [], format: 'text', failOn: 'error', rules: 'all' } });
    });

    it('takes paths and flags in any order, with the value separate or after =', () => {
        assert.deepEqual(parseArgs(['check', 'a.tm', '--format', 'json', 'models/', '--fail-on=warning']), {
            kind: 'check',
            options: { paths: ['a.tm', 'models/'], format: 'json', failOn: 'warning', rules: 'all' },
        });
        assert.deepEqual(parseArgs(['check', '--format=sarif', '--fail-on', 'none']), {
            kind: 'check',
            options: { paths: [], format: 'sarif', failOn: 'none', rules: 'all' },
        });
    });

    it('lets the last of a repeated flag win, like most Unix tools', () => {
        assert.deepEqual(parseArgs(['check', '--format', 'json', '--format', 'text']), {
            kind: 'check',
            options: { paths: [], format: 'text', failOn: 'error', rules: 'all' },
        });
    });

    it('treats everything after -- as paths', () => {
        assert.deepEqual(parseArgs(['check', '--', '--format', '-x.tm']), {
            kind: 'check',
            options: { paths: ['--format', '-x.tm'], format: 'text', failOn: 'error', rules: 'all' },
        });
    });

    it('rejects an unknown flag, naming it and the flags allowed', () => {
        assert.deepEqual(parseArgs(['check', '--out', 'x']), {
            kind: 'usage-error',
            message: "unknown option '--out' for 'tml check': expected --format, --fail-on, --stale, --rules or --bug-url",
        });
        assert.deepEqual(parseArgs(['check', '-f', 'json']), {
            kind: 'usage-error',
            message: "unknown option '-f' for 'tml check': expected --format, --fail-on, --stale, --rules or --bug-url",
        });
    });

    it('rejects a missing value, naming the flag and the values allowed', () => {
        assert.deepEqual(parseArgs(['check', '--format']), {
            kind: 'usage-error',
            message: 'missing value for --format: expected one of text, json, sarif, gitlab',
        });
        assert.deepEqual(parseArgs(['check', '--fail-on', '--format', 'json']), {
            kind: 'usage-error',
            message: 'missing value for --fail-on: expected one of error, warning, none',
        });
    });

    it('rejects a bad value, naming it, the flag and the values allowed', () => {
        assert.deepEqual(parseArgs(['check', '--format', 'xml']), {
            kind: 'usage-error',
            message: "invalid value 'xml' for --format: expected one of text, json, sarif, gitlab",
        });
        assert.deepEqual(parseArgs(['check', '--fail-on=']), {
            kind: 'usage-error',
            message: "invalid value '' for --fail-on: expected one of error, warning, none",
        });
    });

    it('knows help, version and every command of DESIGN.md §5, dfd with a help of its own', () => {
        assert.deepEqual(parseArgs(['--help']), { kind: 'help' });
        assert.deepEqual(parseArgs(['help']), { kind: 'help' });
        assert.deepEqual(parseArgs(['check', '--help']), { kind: 'help' });
        assert.deepEqual(parseArgs(['dfd', '--help']), { kind: 'help', command: 'dfd' });
        assert.deepEqual(parseArgs(['--version']), { kind: 'version' });
        assert.deepEqual(parseArgs(['dfd']), { kind: 'dfd', options: { paths: [], scenario: null, format: 'svg' } });
    });

    it('rejects a missing or unknown command', () => {
        assert.deepEqual(parseArgs([]), {
            kind: 'usage-error',
            message: "missing command: expected one of check, table, dfd, report, rules, import, export, init, help (see 'tml --help')",
        });
        assert.deepEqual(parseArgs(['lint']), {
            kind: 'usage-error',
            message: "unknown command 'lint': expected one of check, table, dfd, report, rules, import, export, init, help (see 'tml --help')",
        });
    });
});
