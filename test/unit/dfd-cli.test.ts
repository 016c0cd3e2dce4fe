import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../language-server/src/cli/args.js';
import { USAGE } from '../../language-server/src/cli/usage.js';
import { CliError, EXIT_USAGE } from '../../language-server/src/cli/cli-error.js';
import { DFD_USAGE } from '../../language-server/src/cli/dfd-command.js';
import { failureMessage } from '../../language-server/src/cli/run.js';
import { runTml } from '../cli/helpers/run-tml.js';
import { assertPinned, DESIGN_EXAMPLE, DFD_FIXTURES, runDfd } from './dfd-helpers.js';

/** What `tml` prints and exits with when `tml dfd <args>` fails (main.ts: one line, exit code 2). */
async function failure(args: readonly string[]): Promise<string> {
    const error = await runDfd(args).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof CliError, `expected a usage error, got ${String(error)}`);
    return failureMessage(error);
}

describe('tml dfd', () => {
    it('writes the DESIGN example overview as the pinned DOT, Mermaid and JSON', async () => {
        for (const [format, file] of [['dot', 'online-store.dot'], ['mermaid', 'online-store.mmd'], ['json', 'online-store.json']] as const) {
            const run = await runDfd([DESIGN_EXAMPLE, '--format', format]);
            assert.deepEqual([run.code, run.stderr], [0, ''], format);
            assertPinned(file, run.stdout);
        }
    });

    it('selects one scenario with --scenario, and the overview without', async () => {
        const checkout = JSON.parse((await runDfd(['--scenario', 'Checkout', '--format=json', DESIGN_EXAMPLE])).stdout) as { scenario: string; title: string };
        assert.deepEqual([checkout.scenario, checkout.title], ['Checkout', 'A customer pays for the basket']);
        const overview = JSON.parse((await runDfd(['--format', 'json', DESIGN_EXAMPLE])).stdout) as { scenario: null; scenarios: unknown };
        assert.deepEqual([overview.scenario, overview.scenarios], [null, [{ name: 'Checkout', title: 'A customer pays for the basket' }]]);
    });

    it('fails with exit code 2 and one line for an unknown scenario', async () => {
        assert.equal(await failure(['--scenario', 'Refund', DESIGN_EXAMPLE]), "tml: unknown scenario 'Refund': expected one of Checkout\n");
        assert.equal(await failure(['--scenario', 'Refund', 'test/fixtures/dfd/no-scenario.tm']), "tml: unknown scenario 'Refund': the model declares no scenario\n");
        assert.equal(EXIT_USAGE, 2);
    });

    it('writes SVG by default, and to a file with --out', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'tml-dfd-'));
        try {
            const run = await runDfd([DESIGN_EXAMPLE, '--out', join(folder, 'dfd.svg')]);
            assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', '']);
            assert.match(readFileSync(join(folder, 'dfd.svg'), 'utf8'), /^<\?xml [^]*<svg [^]*<\/svg>\n$/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('draws each top-level boundary as one node with --collapse, in svg and dot only', async () => {
        assert.deepEqual(parseArgs(['dfd', '--collapse']), { kind: 'dfd', options: { paths: [], scenario: null, format: 'svg', collapse: true } });
        const dot = (await runDfd(['examples/web-shop', '--collapse', '--format', 'dot'])).stdout;
        const collapsed = [...dot.matchAll(/^ {2}"(\w+)" \[id="dfd-\1", class="tm-collapsed/gm)].map(m => m[1]);
        assert.deepEqual(collapsed, ['ShopperSide', 'EdgeNetwork', 'ShopVpc', 'CorporateNetwork', 'ThirdParties']);
        assert.doesNotMatch(dot, /subgraph/);
        const svg = (await runDfd(['examples/web-shop', '--collapse'])).stdout;
        assert.equal([...svg.matchAll(/<g id="dfd&#45;\w+" class="node tm&#45;collapsed/g)].length, 5);
        assert.equal(await failure(['--collapse', '--format', 'json', DESIGN_EXAMPLE]), 'tml: --collapse draws svg and dot only, not json: use --format svg or dot\n');
    });

    it('fails on an unwritable --out with the same line as tml table and tml report', async () => {
        assert.equal(await failure([DESIGN_EXAMPLE, '--format', 'dot', '--out', 'no/such/folder/dfd.dot']), 'tml: cannot write no/such/folder/dfd.dot: no such directory\n');
    });

    it('says on stderr when part of the model could not be read, and still draws the rest', async () => {
        const run = await runDfd(['test/fixtures/dfd/broken.tm', '--format', 'json']);
        assert.equal(run.code, 0);
        // The same line as tml table, report and export (cli/load-models.ts).
        assert.equal(run.stderr, "tml: warning: 1 file has errors, so the output may be incomplete (run 'tml check' to see them)\n");
    });

    it('parses its options, and rejects what it does not know with one line', async () => {
        assert.deepEqual(parseArgs(['dfd', 'a', '--scenario=S', '--format', 'dot', '--out', 'x.dot', '--', '--b']), {
            kind: 'dfd', options: { paths: ['a', '--b'], scenario: 'S', format: 'dot', out: 'x.dot' },
        });
        assert.deepEqual(parseArgs(['dfd']), { kind: 'dfd', options: { paths: [], scenario: null, format: 'svg' } });
        assert.deepEqual(parseArgs(['dfd', '--help']), { kind: 'help', command: 'dfd' });
        assert.deepEqual(await runDfd(['-h']), { code: 0, stdout: DFD_USAGE, stderr: '' });
        assert.equal(await failure(['--format', 'png']), "tml: invalid value 'png' for --format: expected one of svg, dot, mermaid, json\n");
        assert.equal(await failure(['--scenario']), 'tml: missing value for --scenario: expected a scenario name\n');
        assert.equal(await failure(['--scenario', '--format', 'dot']), 'tml: missing value for --scenario: expected a scenario name\n');
        assert.equal(await failure(['--fail-on', 'error']), "tml: unknown option '--fail-on' for 'tml dfd': expected --scenario, --format, --collapse or --out\n");
        assert.equal(await failure(['no/such/folder']), 'tml: cannot read no/such/folder: no such file or directory\n');
    });
});

describe('tml dfd, run as a user runs it (bin/tml.cjs)', () => {
    it('prints the diagram and exits with 0', () => {
        const run = runTml(['dfd', '--format', 'dot', DESIGN_EXAMPLE]);
        assert.deepEqual([run.status, run.stderr], [0, '']);
        assert.equal(run.stdout, readFileSync(join(DFD_FIXTURES, 'online-store.dot'), 'utf8'));
    });

    it('exits with 2 and one line on stderr for an unknown scenario', () => {
        const run = runTml(['dfd', '--scenario', 'Refund', DESIGN_EXAMPLE]);
        assert.deepEqual([run.status, run.stdout, run.stderr], [2, '', "tml: unknown scenario 'Refund': expected one of Checkout\n"]);
    });

    it('prints its own usage for tml dfd --help, and is listed in the overview of tml --help', () => {
        assert.deepEqual(runTml(['dfd', '--help']), { status: 0, stdout: DFD_USAGE, stderr: '' });
        const overview = runTml(['--help']);
        assert.deepEqual(overview, { status: 0, stdout: USAGE, stderr: '' });
        assert.match(overview.stdout, /^ {2}tml dfd {4}\[paths…\] \[--scenario NAME\] \[--format svg\|dot\|mermaid\|json\] \[--collapse\] \[--out FILE\]/m);
    });
});
