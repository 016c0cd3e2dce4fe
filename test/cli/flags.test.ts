import * as assert from 'node:assert/strict';
import { parseArgs } from '../../language-server/src/cli/args.js';

const usageError = (message: string) => ({ kind: 'usage-error', message });

/**
 * The options of every command, one table each: the paths, flags and usage errors not covered by
 * args.test.ts, table-command.test.ts and dfd-cli.test.ts. Every command follows the same
 * conventions: options listed with "or", a missing value names what the flag expects, a value
 * starting with -- is missing (after = too), an empty choice is invalid.
 */
describe('command-line options of every command', () => {
    it('check: --stale is a switch, and takes no value', () => {
        assert.deepEqual(parseArgs(['check', '--stale', 'a.tm']), {
            kind: 'check', options: { paths: ['a.tm'], format: 'text', failOn: 'error', rules: 'all', stale: true },
        });
        assert.deepEqual(parseArgs(['check', '--stale=yes']),
            usageError("unknown option '--stale' for 'tml check': expected --format, --fail-on, --stale, --rules or --bug-url"));
    });

    it('check: a value after = that looks like a flag is missing, not invalid', () => {
        assert.deepEqual(parseArgs(['check', '--format=--json']), usageError('missing value for --format: expected one of text, json, sarif, gitlab'));
    });

    it('table and report: unknown options name the ones each command takes', () => {
        assert.deepEqual(parseArgs(['report', '--format', 'md']), usageError("unknown option '--format' for 'tml report': expected --out, --diagrams, --rules or --bug-url"));
        assert.deepEqual(parseArgs(['report', '-o', 'x.md']), usageError("unknown option '-o' for 'tml report': expected --out, --diagrams, --rules or --bug-url"));
        assert.deepEqual(parseArgs(['table', '--stale']), usageError("unknown option '--stale' for 'tml table': expected --format, --out, --rules or --bug-url"));
    });

    it('table and report: a missing value names the flag and what it expects', () => {
        assert.deepEqual(parseArgs(['table', '--format']), usageError('missing value for --format: expected one of md, csv, html, json, xlsx'));
        assert.deepEqual(parseArgs(['table', '--format', '--out', 'x']), usageError('missing value for --format: expected one of md, csv, html, json, xlsx'));
        assert.deepEqual(parseArgs(['table', '--format=']), usageError("invalid value '' for --format: expected one of md, csv, html, json, xlsx"));
        assert.deepEqual(parseArgs(['table', '--format', 'pdf']), usageError("invalid value 'pdf' for --format: expected one of md, csv, html, json, xlsx"));
        assert.deepEqual(parseArgs(['report', '--out']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['report', '--out=']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['report', '--out', '--help']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['report', '--out=--x.md']), usageError('missing value for --out: expected a file name'));
    });

    it('table: xlsx needs --out, being binary', () => {
        assert.deepEqual(parseArgs(['table', '--format', 'xlsx']), usageError("'tml table --format xlsx' writes a binary file: give the file to write with --out FILE.xlsx"));
        assert.deepEqual(parseArgs(['table', '--format=xlsx', '--out', 't.xlsx', 'm']), { kind: 'table', options: { paths: ['m'], format: 'xlsx', rules: 'all', out: 't.xlsx' } });
    });

    it('table and report: help, paths after --, a lone - as a path, the last repeated flag wins', () => {
        assert.deepEqual(parseArgs(['table', 'a.tm', '-h']), { kind: 'help' });
        assert.deepEqual(parseArgs(['report', '--help']), { kind: 'help' });
        assert.deepEqual(parseArgs(['table', '-', '--out', 'a.md', '--out=b.md', '--', '--format']), {
            kind: 'table', options: { paths: ['-', '--format'], format: 'md', rules: 'all', out: 'b.md' },
        });
    });

    it('every command: the first problem from the left is the one reported', () => {
        assert.deepEqual(parseArgs(['check', '--help', '--bogus']), { kind: 'help' });
        assert.deepEqual(parseArgs(['check', '--bogus', '--help']),
            usageError("unknown option '--bogus' for 'tml check': expected --format, --fail-on, --stale, --rules or --bug-url"));
        assert.deepEqual(parseArgs(['table', '--format', 'xml', '--bogus']), usageError("invalid value 'xml' for --format: expected one of md, csv, html, json, xlsx"));
        assert.deepEqual(parseArgs(['dfd', '--help', '--bogus']), { kind: 'help', command: 'dfd' });
        assert.deepEqual(parseArgs(['dfd', '--bogus', '--help']),
            usageError("unknown option '--bogus' for 'tml dfd': expected --scenario, --format, --collapse or --out"));
    });

    it('dfd: a missing value names the flag and what it expects', () => {
        assert.deepEqual(parseArgs(['dfd', '--out']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['dfd', '--out=']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['dfd', '--format']), usageError('missing value for --format: expected one of svg, dot, mermaid, json'));
        assert.deepEqual(parseArgs(['dfd', '--format', '--out', 'x']), usageError('missing value for --format: expected one of svg, dot, mermaid, json'));
        assert.deepEqual(parseArgs(['dfd', '--scenario=']), usageError('missing value for --scenario: expected a scenario name'));
        assert.deepEqual(parseArgs(['dfd', '--scenario', '--format', 'dot']), usageError('missing value for --scenario: expected a scenario name'));
    });

    it('dfd: an empty format is invalid, and a value after = that looks like a flag is missing', () => {
        assert.deepEqual(parseArgs(['dfd', '--format=']), usageError("invalid value '' for --format: expected one of svg, dot, mermaid, json"));
        assert.deepEqual(parseArgs(['dfd', '--format=--dot']), usageError('missing value for --format: expected one of svg, dot, mermaid, json'));
        assert.deepEqual(parseArgs(['dfd', '--out=--x.svg']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['dfd', '--scenario=--S']), usageError('missing value for --scenario: expected a scenario name'));
    });

    it('dfd: unknown options, -h, a lone -, the last repeated flag wins', () => {
        assert.deepEqual(parseArgs(['dfd', '--stale']), usageError("unknown option '--stale' for 'tml dfd': expected --scenario, --format, --collapse or --out"));
        assert.deepEqual(parseArgs(['dfd', '-s', 'S']), usageError("unknown option '-s' for 'tml dfd': expected --scenario, --format, --collapse or --out"));
        assert.deepEqual(parseArgs(['dfd', 'a.tm', '-h']), { kind: 'help', command: 'dfd' });
        assert.deepEqual(parseArgs(['dfd', '-', '--scenario', 'A', '--scenario=B', '--format', 'dot', '--format=json', '--out', 'a.json', '--out=b.json']), {
            kind: 'dfd', options: { paths: ['-'], scenario: 'B', format: 'json', out: 'b.json' },
        });
    });

    it('check, table, report and rules: --rules chooses builtin, workspace, all or none; all by default', () => {
        assert.deepEqual(parseArgs(['check', '--rules', 'builtin']), { kind: 'check', options: { paths: [], format: 'text', failOn: 'error', rules: 'builtin' } });
        assert.deepEqual(parseArgs(['table', '--rules=none', 'm']), { kind: 'table', options: { paths: ['m'], format: 'md', rules: 'none' } });
        assert.deepEqual(parseArgs(['report', '--rules', 'workspace']), { kind: 'report', options: { paths: [], rules: 'workspace', diagrams: 'mermaid' } });
        assert.deepEqual(parseArgs(['report', '--out', 'r.md']), { kind: 'report', options: { paths: [], rules: 'all', diagrams: 'svg', out: 'r.md' } });
        assert.deepEqual(parseArgs(['report', '--out', 'r.md', '--diagrams', 'mermaid']), { kind: 'report', options: { paths: [], rules: 'all', diagrams: 'mermaid', out: 'r.md' } });
        assert.deepEqual(parseArgs(['rules', '--rules', 'all', '--rules', 'builtin']), { kind: 'rules', options: { paths: [], format: 'md', rules: 'builtin' } });
        assert.deepEqual(parseArgs(['check', '--rules', 'mine']), usageError("invalid value 'mine' for --rules: expected one of builtin, workspace, all, none"));
        assert.deepEqual(parseArgs(['table', '--rules']), usageError('missing value for --rules: expected one of builtin, workspace, all, none'));
        assert.deepEqual(parseArgs(['dfd', '--rules', 'all']), usageError("unknown option '--rules' for 'tml dfd': expected --scenario, --format, --collapse or --out"));
    });

    it('rules: paths, --format md|json (md by default), and nothing else', () => {
        assert.deepEqual(parseArgs(['rules']), { kind: 'rules', options: { paths: [], format: 'md', rules: 'all' } });
        assert.deepEqual(parseArgs(['rules', 'examples', '--format=json']), { kind: 'rules', options: { paths: ['examples'], format: 'json', rules: 'all' } });
        assert.deepEqual(parseArgs(['rules', '--format', 'csv']), usageError("invalid value 'csv' for --format: expected one of md, json"));
        assert.deepEqual(parseArgs(['rules', '--out', 'x']), usageError("unknown option '--out' for 'tml rules': expected --format or --rules"));
        assert.deepEqual(parseArgs(['rules', '-h']), { kind: 'help' });
    });
});
