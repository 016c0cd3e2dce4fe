import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageServerProcess } from '../lsp/helpers/language-server-process.js';
import { REPO_ROOT } from './helpers/run-tml.js';

const EXAMPLE = 'examples/saas-api';

/** The files of the cache folder, each with its inode: a file written again is another file (renamed over the old one). */
function cacheFiles(folder: string): [string, number][] {
    return existsSync(folder) ? readdirSync(folder).sort().map(file => [file, statSync(path.join(folder, file)).ino]) : [];
}

describe('the bundles start with V8\'s code cache (start-up/code-cache.ts)', function () {
    this.timeout(120_000);
    let cacheHome: string;
    const folder = (): string => path.join(cacheHome, 'tml');

    beforeEach(() => {
        cacheHome = mkdtempSync(path.join(tmpdir(), 'tml-code-cache-'));
    });
    afterEach(() => rmSync(cacheHome, { recursive: true, force: true }));

    function tml(args: readonly string[], cache: boolean): { status: number | null; stdout: string; stderr: string } {
        const env = { ...process.env, XDG_CACHE_HOME: cacheHome, TML_CODE_CACHE: cache ? '1' : '0' };
        const { status, stdout, stderr } = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'tml.cjs'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', env });
        return { status, stdout, stderr };
    }

    it('tml: help and the version write no cache; a command writes the commands\' once and reads it after, with the same output', () => {
        tml(['--version'], true);
        tml(['--help'], true);
        assert.equal(existsSync(folder()), false);
        for (const args of [['check', EXAMPLE, '--fail-on', 'none'], ['report', EXAMPLE], ['table', EXAMPLE]]) {
            const plain = tml(args, false);
            assert.equal(plain.status, 0, plain.stderr);
            assert.deepEqual(tml(args, true), plain, `${args[0]}, the first run`);
            const written = cacheFiles(folder());
            assert.deepEqual(written.map(([file]) => file.replace(/\.[0-9a-f]+\.[0-9a-f]+\.v8cache$/, '')), ['tml-commands.cjs']);
            assert.deepEqual(tml(args, true), plain, `${args[0]}, from the cache`);
            assert.deepEqual(cacheFiles(folder()), written, 'the cache was read, not written again');
        }
    });

    it('the language server: writes its cache when it exits and reads it in the next server, with the same diagnostics', async () => {
        const file = path.join(REPO_ROOT, EXAMPLE, 'platform.tm');
        const uri = pathToFileURL(file).href;
        const text = readFileSync(file, 'utf8');
        const diagnostics = async (cache: boolean): Promise<unknown> => {
            const server = new LanguageServerProcess(undefined, { ...process.env, XDG_CACHE_HOME: cacheHome, TML_CODE_CACHE: cache ? '1' : '0' });
            try {
                await server.initialize();
                await server.open(uri, text);
                const received = await server.nextDiagnostics(uri, 0, 60_000);
                assert.equal(await server.shutdown(), 0, server.stderr);
                return received.diagnostics;
            } finally {
                await server.dispose();
            }
        };
        const plain = await diagnostics(false);
        assert.deepEqual(cacheFiles(folder()), []);
        assert.deepEqual(await diagnostics(true), plain);
        const written = cacheFiles(folder());
        assert.deepEqual(written.map(([name]) => name.replace(/\.[0-9a-f]+\.[0-9a-f]+\.v8cache$/, '')), ['server.cjs']);
        assert.deepEqual(await diagnostics(true), plain);
        assert.deepEqual(cacheFiles(folder()), written, 'the cache was read, not written again');
    });
});
