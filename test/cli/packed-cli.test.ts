import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { asPinnedFinding, pinnedDesignFindings, pinnedDesignOutput } from '../helpers/readme-design-output.js';
import { LanguageServerProcess } from '../lsp/helpers/language-server-process.js';
import { REPO_ROOT } from './helpers/run-tml.js';

const DESIGN_PATH = 'test/fixtures/design/online-store.tm';

interface Manifest {
    name: string;
    version: string;
    bin: Record<string, string>;
    dependencies?: unknown;
    devDependencies?: unknown;
    scripts?: unknown;
    private?: unknown;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `npm run pack:cli`'s tarball, installed with `npm install -g` into a prefix of its own, offline,
 * and run from a folder outside the repository with a PATH of that prefix and Node only: what a
 * user or a CI job gets, with none of the repository's node_modules in reach.
 */
describe('the packed CLI (scripts/pack-cli.mjs), installed with npm install -g', function () {
    this.timeout(120_000);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
    let scratch = '';
    let tarball = '';
    let prefix = '';
    let work = '';
    let env: NodeJS.ProcessEnv = {};

    before(() => {
        scratch = mkdtempSync(join(tmpdir(), 'tml-packed-'));
        const packed = run(process.execPath, [join(REPO_ROOT, 'scripts', 'pack-cli.mjs'), '--out', join(scratch, 'pack')], REPO_ROOT, process.env);
        assert.equal(packed.status, 0, packed.stderr);
        tarball = packed.stdout.trim();
        prefix = join(scratch, 'prefix');
        work = join(scratch, 'work');
        mkdirSync(join(work, dirname(DESIGN_PATH)), { recursive: true });
        copyFileSync(join(REPO_ROOT, DESIGN_PATH), join(work, DESIGN_PATH));
        env = { PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: scratch };
        const npm = run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], scratch, { ...env, PATH: process.env['PATH'] });
        assert.equal(npm.status, 0, npm.stderr);
    });

    after(() => {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    it('is tml-<version>.tgz holding the two commands, their bundles, the licence, the third-party notices and the README, and nothing else', () => {
        assert.equal(tarball, join(scratch, 'pack', `tml-${manifest.version}.tgz`));
        const listed = run('tar', ['-tzf', tarball], scratch, process.env).stdout.trim().split('\n').sort();
        assert.deepEqual(listed, [
            'package/LICENSE',
            'package/README.md',
            'package/bin/tml-language-server.cjs',
            'package/bin/tml.cjs',
            'package/out/THIRD-PARTY-NOTICES.txt',
            'package/out/cli/tml-commands.cjs',
            'package/out/cli/tml.cjs',
            'package/out/cli/viz.cjs',
            'package/out/language-server/main.cjs',
            'package/out/language-server/server.cjs',
            'package/out/language-server/viz.cjs',
            'package/package.json',
        ]);
    });

    it('has a manifest with the commands of the repository\'s and no dependencies to fetch', () => {
        const packed = JSON.parse(run('tar', ['-xzOf', tarball, 'package/package.json'], scratch, process.env).stdout) as Manifest;
        assert.equal(packed.name, 'tml');
        assert.equal(packed.version, manifest.version);
        assert.deepEqual(packed.bin, { 'tml': './bin/tml.cjs', 'tml-language-server': './bin/tml-language-server.cjs' });
        assert.deepEqual(packed.bin, manifest.bin);
        assert.deepEqual([packed.dependencies, packed.devDependencies, packed.scripts, packed.private], [undefined, undefined, undefined, undefined]);
    });

    it('installs offline into a fresh prefix, where `tml check` prints the README\'s output for the DESIGN.md example', () => {
        const check = run('tml', ['check', DESIGN_PATH], work, env);
        assert.equal(check.stderr, '');
        assert.equal(check.stdout, `${pinnedDesignOutput(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).join('\n')}\n`);
        assert.equal(check.status, 0);
        const version = run('tml', ['--version'], work, env);
        assert.equal(version.stdout, `${manifest.version}\n`);
    });

    it('writes the threat list as an Excel workbook with nothing but the package (no dependency to fetch)', () => {
        const table = run('tml', ['table', DESIGN_PATH, '--format', 'xlsx', '--out', 'threats.xlsx'], work, env);
        assert.deepEqual([table.status, table.stdout, table.stderr], [0, '', '']);
        assert.equal(readFileSync(join(work, 'threats.xlsx')).subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
    });

    it('draws the DFD as SVG with the Graphviz WebAssembly inside the package', () => {
        const dfd = run('tml', ['dfd', DESIGN_PATH, '--format', 'svg'], work, env);
        assert.equal(dfd.stderr, '');
        assert.equal(dfd.status, 0);
        assert.match(dfd.stdout, /^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n<!DOCTYPE svg [^]*<svg [^]*<\/svg>\n$/);
        for (const title of ["Customer's browser", 'Storefront web app', 'Orders database', 'Submit order', 'Insert order row']) {
            assert.ok(dfd.stdout.includes(`>${title.replace("'", '&#39;')}<`), `the SVG shows '${title}'`);
        }
    });

    it('runs tml-language-server from the prefix, which publishes the same findings as tml check', async () => {
        const server = new LanguageServerProcess([join(prefix, 'bin', 'tml-language-server'), '--stdio'], env);
        try {
            await server.initialize();
            const uri = pathToFileURL(join(work, DESIGN_PATH)).href;
            await server.open(uri, readFileSync(join(work, DESIGN_PATH), 'utf8'));
            const { diagnostics } = await server.nextDiagnostics(uri);
            const shown = diagnostics.map(d => asPinnedFinding(d.range.start.line, d.range.start.character, d.severity ?? 1, d.code, d.message));
            assert.deepEqual(shown.sort(), pinnedDesignFindings(readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')).sort());
            assert.equal(await server.shutdown(), 0, server.stderr);
        } finally {
            await server.dispose();
        }
    });
});
