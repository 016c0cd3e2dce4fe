import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { USAGE } from '../../language-server/src/cli/usage.js';
import { DFD_USAGE } from '../../language-server/src/cli/dfd-usage.js';
import { REPO_ROOT } from './helpers/run-tml.js';

/**
 * A module preloaded into the `tml` process that writes, when it exits, which of the repository's
 * files it loaded with require(): the bundles of scripts/bundle.mjs it read.
 */
const LOADED_PRELOAD = `process.on('exit', () => require('node:fs').writeFileSync(process.env.TML_TEST_LOADED_FILE, JSON.stringify(Object.keys(require.cache))));\n`;

/** Runs `node bin/tml.cjs …` and returns its output and the repository files it loaded, relative to the root. */
function runTmlLoading(args: readonly string[]): { status: number | null; stdout: string; loaded: string[] } {
    const scratch = mkdtempSync(path.join(tmpdir(), 'tml-lazy-'));
    try {
        const preload = path.join(scratch, 'preload.cjs');
        const loadedFile = path.join(scratch, 'loaded.json');
        writeFileSync(preload, LOADED_PRELOAD);
        const result = spawnSync(process.execPath, ['--require', preload, path.join(REPO_ROOT, 'bin', 'tml.cjs'), ...args], {
            cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TML_TEST_LOADED_FILE: loadedFile },
        });
        const loaded = (JSON.parse(readFileSync(loadedFile, 'utf8')) as string[])
            .filter(file => file.startsWith(REPO_ROOT))
            .map(file => path.relative(REPO_ROOT, file).split(path.sep).join('/'))
            .sort();
        return { status: result.status, stdout: result.stdout, loaded };
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

const ENTRY = ['bin/tml.cjs', 'out/cli/tml.cjs'];
const EXAMPLE = 'examples/saas-api';

describe('the CLI loads only the bundles a command needs (scripts/bundle.mjs LAZY_BUNDLES)', function () {
    this.timeout(120_000);

    it('answers --version and --help from the entry bundle alone, without Langium or Graphviz', () => {
        const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
        for (const [args, stdout] of [[['--version'], `${version}\n`], [['--help'], USAGE], [['dfd', '--help'], DFD_USAGE]] as const) {
            assert.deepEqual(runTmlLoading(args), { status: 0, stdout, loaded: ENTRY }, args.join(' '));
        }
    });

    it('loads the commands for check, and Graphviz only for a diagram', () => {
        assert.deepEqual(runTmlLoading(['check', EXAMPLE, '--fail-on', 'none']).loaded, [...ENTRY, 'out/cli/tml-commands.cjs'].sort());
        // DOT too: it is written in the direction its layout chooses (docs/dfd.md), which takes Graphviz.
        assert.deepEqual(runTmlLoading(['dfd', EXAMPLE, '--format', 'mermaid']).loaded, [...ENTRY, 'out/cli/tml-commands.cjs'].sort());
        assert.deepEqual(runTmlLoading(['dfd', EXAMPLE, '--format', 'dot']).loaded, [...ENTRY, 'out/cli/tml-commands.cjs', 'out/cli/viz.cjs'].sort());
        const svg = runTmlLoading(['dfd', EXAMPLE]);
        assert.equal(svg.status, 0);
        assert.match(svg.stdout, /^<\?xml[^]*<svg[^]*<\/svg>\n?$/);
        assert.deepEqual(svg.loaded, [...ENTRY, 'out/cli/tml-commands.cjs', 'out/cli/viz.cjs'].sort());
    });

    it('loads them with require(): import() would make Node scan each whole file for its exports first', () => {
        const lazyLoads = (bundle: string): string[] =>
            [...readFileSync(path.join(REPO_ROOT, bundle), 'utf8').matchAll(/\b(import|require)\("\.\/([\w.-]+)"\)/g)].map(m => `${m[1]} ${m[2]}`);
        assert.deepEqual(lazyLoads('out/cli/tml.cjs'), ['require tml-commands.cjs']);
        assert.deepEqual(lazyLoads('out/cli/tml-commands.cjs'), ['require viz.cjs']);
        assert.deepEqual(lazyLoads('out/language-server/main.cjs'), ['require server.cjs']);
        assert.deepEqual(lazyLoads('out/language-server/server.cjs'), ['require viz.cjs']);
    });
});

describe('the Node bundles copy the exports of a shared CommonJS package once (scripts/bundle.mjs SHARED_COMMONJS)', () => {
    interface Metafile {
        readonly inputs: Record<string, { readonly imports: readonly { readonly path: string; readonly kind: string }[] }>;
    }
    const PACKAGE_MAINS = ['node_modules/vscode-languageserver/lib/node/main.js', 'node_modules/vscode-languageserver-protocol/lib/node/main.js'];

    for (const bundle of ['cli-commands', 'language-server']) {
        it(`${bundle}: every ES module imports vscode-languageserver and its protocol through one module that re-exports them`, () => {
            const meta = JSON.parse(readFileSync(path.join(REPO_ROOT, 'out', 'meta', `${bundle}.json`), 'utf8')) as Metafile;
            const importers = (main: string): string[] => Object.entries(meta.inputs)
                .filter(([, input]) => input.imports.some(i => i.path === main && i.kind === 'import-statement'))
                .map(([name]) => name);
            assert.deepEqual(PACKAGE_MAINS.map(importers), [['shared-commonjs:vscode-languageserver'], ['shared-commonjs:vscode-languageserver-protocol']]);
            const viaShared = Object.values(meta.inputs).filter(input => input.imports.some(i => i.path.startsWith('shared-commonjs:'))).length;
            assert.ok(viaShared >= 20, `${viaShared} modules import them`);
        });
    }
});

describe('Node modules the CLI loads only when a command needs them', function () {
    this.timeout(120_000);

    /** Preloaded into `tml`: writes, when it exits, the built-in modules Node loaded after it. */
    const BUILTINS_PRELOAD = `const before = new Set(process.moduleLoadList);
process.on('exit', () => require('node:fs').writeFileSync(process.env.TML_TEST_BUILTINS_FILE, JSON.stringify(process.moduleLoadList.filter(m => !before.has(m)))));
`;

    function builtinsLoaded(args: readonly string[]): { status: number | null; builtins: string[] } {
        const scratch = mkdtempSync(path.join(tmpdir(), 'tml-builtins-'));
        try {
            const preload = path.join(scratch, 'preload.cjs');
            const listFile = path.join(scratch, 'builtins.json');
            writeFileSync(preload, BUILTINS_PRELOAD);
            const result = spawnSync(process.execPath, ['--require', preload, path.join(REPO_ROOT, 'bin', 'tml.cjs'), ...args.map(a => a.replace('OUT', scratch))], {
                cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, TML_TEST_BUILTINS_FILE: listFile },
            });
            return { status: result.status, builtins: JSON.parse(readFileSync(listFile, 'utf8')) as string[] };
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    }

    it('zlib: not for a report, only for an xlsx table (the one command that writes a ZIP archive)', () => {
        const report = builtinsLoaded(['report', EXAMPLE]);
        assert.equal(report.status, 0);
        assert.ok(report.builtins.includes('NativeModule fs/promises'), 'the list holds what the report loaded');
        assert.deepEqual(report.builtins.filter(m => m.endsWith(' zlib')), []);
        const xlsx = builtinsLoaded(['table', EXAMPLE, '--format', 'xlsx', '--out', 'OUT/t.xlsx']);
        assert.equal(xlsx.status, 0);
        assert.deepEqual(xlsx.builtins.filter(m => m.endsWith(' zlib')), ['Internal Binding zlib', 'NativeModule zlib']);
    });
});
