import * as assert from 'node:assert/strict';
import { parseArgs } from '../../language-server/src/cli/args.js';
import { CliError } from '../../language-server/src/cli/cli-error.js';
import { parseDfdArgs } from '../../language-server/src/cli/dfd-command.js';

/** The one-line message `tml dfd <args>` fails with (parseDfdArgs throws it). */
function dfdUsageError(args: readonly string[]): string {
    try {
        const parsed = parseDfdArgs(args);
        assert.fail(`expected a usage error, got ${JSON.stringify(parsed)}`);
    } catch (error) {
        assert.ok(error instanceof CliError, String(error));
        return error.message;
    }
}

const usageError = (message: string) => ({ kind: 'usage-error', message });

/**
 * The options of every command, one table each: what the paths, flags and usage errors not
 * covered by args.test.ts, table-command.test.ts and dfd-cli.test.ts are, so that the commands'
 * option parsing can share one loop without a change anyone would see.
 */
describe('command-line options of every command', () => {
    it('check: --stale is a switch, and takes no value', () => {
        assert.deepEqual(parseArgs(['check', '--stale', 'a.tm']), {
            kind: 'check', options: { paths: ['a.tm'], format: 'text', failOn: 'error', stale: true },
        });
        assert.deepEqual(parseArgs(['check', '--stale=yes']),
            usageError("unknown option '--stale' for 'tml check': expected --format, --fail-on or --stale"));
    });

    it('check: a value after = that looks like a flag is missing, not invalid', () => {
        assert.deepEqual(parseArgs(['check', '--format=--json']), usageError('missing value for --format: expected one of text, json, sarif'));
    });

    it('table and report: unknown options name the ones each command takes', () => {
        assert.deepEqual(parseArgs(['report', '--format', 'md']), usageError("unknown option '--format' for 'tml report': expected --out"));
        assert.deepEqual(parseArgs(['report', '-o', 'x.md']), usageError("unknown option '-o' for 'tml report': expected --out"));
        assert.deepEqual(parseArgs(['table', '--stale']), usageError("unknown option '--stale' for 'tml table': expected --format or --out"));
    });

    it('table and report: a missing value names the flag and what it expects', () => {
        assert.deepEqual(parseArgs(['table', '--format']), usageError('missing value for --format: expected one of md, csv, html, json'));
        assert.deepEqual(parseArgs(['table', '--format', '--out', 'x']), usageError('missing value for --format: expected one of md, csv, html, json'));
        assert.deepEqual(parseArgs(['table', '--format=']), usageError("invalid value '' for --format: expected one of md, csv, html, json"));
        assert.deepEqual(parseArgs(['table', '--format', 'pdf']), usageError("invalid value 'pdf' for --format: expected one of md, csv, html, json"));
        assert.deepEqual(parseArgs(['report', '--out']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['report', '--out=']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['report', '--out', '--help']), usageError('missing value for --out: expected a file name'));
        assert.deepEqual(parseArgs(['report', '--out=--x.md']), usageError('missing value for --out: expected a file name'));
    });

    it('table and report: help, paths after --, a lone - as a path, the last repeated flag wins', () => {
        assert.deepEqual(parseArgs(['table', 'a.tm', '-h']), { kind: 'help' });
        assert.deepEqual(parseArgs(['report', '--help']), { kind: 'help' });
        assert.deepEqual(parseArgs(['table', '-', '--out', 'a.md', '--out=b.md', '--', '--format']), {
            kind: 'table', options: { paths: ['-', '--format'], format: 'md', out: 'b.md' },
        });
    });

    it('every command: the first problem from the left is the one reported', () => {
        assert.deepEqual(parseArgs(['check', '--help', '--bogus']), { kind: 'help' });
        assert.deepEqual(parseArgs(['check', '--bogus', '--help']),
            usageError("unknown option '--bogus' for 'tml check': expected --format, --fail-on or --stale"));
        assert.deepEqual(parseArgs(['table', '--format', 'xml', '--bogus']), usageError("invalid value 'xml' for --format: expected one of md, csv, html, json"));
        assert.equal(parseDfdArgs(['--help', '--bogus']), 'help');
    });

    it('dfd: a missing value names only the flag', () => {
        assert.equal(dfdUsageError(['--out']), 'missing value for --out');
        assert.equal(dfdUsageError(['--out=']), 'missing value for --out');
        assert.equal(dfdUsageError(['--format']), 'missing value for --format');
        assert.equal(dfdUsageError(['--format=']), 'missing value for --format');
        assert.equal(dfdUsageError(['--format', '--out', 'x']), 'missing value for --format');
        assert.equal(dfdUsageError(['--scenario=']), 'missing value for --scenario');
    });

    it('dfd: a value after = is taken as written, even when it starts with --', () => {
        assert.deepEqual(parseDfdArgs(['--out=--x.svg', '--scenario=--S']), { paths: [], scenario: '--S', format: 'svg', out: '--x.svg' });
        assert.equal(dfdUsageError(['--format=--dot']), "invalid value '--dot' for --format: expected one of svg, dot, mermaid, json");
    });

    it('dfd: unknown options, -h, a lone -, the last repeated flag wins', () => {
        assert.equal(dfdUsageError(['--stale']), "unknown option '--stale' for 'tml dfd': expected --scenario, --format, --out");
        assert.equal(dfdUsageError(['-s', 'S']), "unknown option '-s' for 'tml dfd': expected --scenario, --format, --out");
        assert.equal(parseDfdArgs(['a.tm', '-h']), 'help');
        assert.deepEqual(parseDfdArgs(['-', '--scenario', 'A', '--scenario=B', '--format', 'dot', '--format=json']), {
            paths: ['-'], scenario: 'B', format: 'json',
        });
    });
});
