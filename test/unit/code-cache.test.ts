import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeCacheHost, FolderStats } from '../../language-server/src/start-up/code-cache-folder.js';
import { cacheFilesBeyondBound, codeCacheFileName, codeCacheFolder, isOlderCacheFile, isPrivateFolder, MAX_CACHE_FILES } from '../../language-server/src/start-up/code-cache-folder.js';
import { codeCacheRuntime } from '../../language-server/src/start-up/code-cache.js';

/** The module under test, as tsc built it (out/tsc/test/unit → out/tsc/language-server/…). */
const CODE_CACHE_MODULE = new URL('../../language-server/src/start-up/code-cache.js', import.meta.url).href;

const LINUX: CodeCacheHost = { env: {}, platform: 'linux', home: '/home/ada', tmp: '/tmp', uid: 1000 };

describe('the V8 code cache of the bundles (start-up/code-cache.ts)', () => {
    describe('its folder is the user\'s own cache folder', () => {
        it('is tml in $XDG_CACHE_HOME, ~/.cache, ~/Library/Caches or %LOCALAPPDATA%', () => {
            assert.equal(codeCacheFolder(LINUX), '/home/ada/.cache/tml');
            assert.equal(codeCacheFolder({ ...LINUX, env: { XDG_CACHE_HOME: '/var/cache/ada' } }), '/var/cache/ada/tml');
            // A relative XDG_CACHE_HOME is invalid (the XDG specification): ignored.
            assert.equal(codeCacheFolder({ ...LINUX, env: { XDG_CACHE_HOME: 'cache' } }), '/home/ada/.cache/tml');
            assert.equal(codeCacheFolder({ ...LINUX, platform: 'darwin', home: '/Users/ada' }), '/Users/ada/Library/Caches/tml');
            const windows: CodeCacheHost = { env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, platform: 'win32', home: 'C:\\Users\\ada', tmp: 'C:\\Temp', uid: undefined };
            assert.equal(codeCacheFolder(windows), 'C:\\Users\\ada\\AppData\\Local\\tml\\Cache');
            assert.equal(codeCacheFolder({ ...windows, env: {} }), undefined);
        });

        it('is tml-<uid> in the temporary folder without a home folder, and none without a user id either', () => {
            assert.equal(codeCacheFolder({ ...LINUX, home: '' }), '/tmp/tml-1000');
            assert.equal(codeCacheFolder({ ...LINUX, home: '', uid: undefined }), undefined);
        });

        it('is none with TML_CODE_CACHE=0', () => {
            assert.equal(codeCacheFolder({ ...LINUX, env: { TML_CODE_CACHE: '0', XDG_CACHE_HOME: '/var/cache/ada' } }), undefined);
            assert.equal(codeCacheFolder({ ...LINUX, env: { TML_CODE_CACHE: '1' } }), '/home/ada/.cache/tml');
        });
    });

    describe('a folder is used only when no one else can write to it', () => {
        const folder = (uid: number, mode: number, kind: 'directory' | 'link' | 'file' = 'directory'): FolderStats => ({
            uid, mode, isDirectory: () => kind === 'directory', isSymbolicLink: () => kind === 'link',
        });

        it('takes a folder of the user\'s that only they can write to', () => {
            assert.equal(isPrivateFolder(folder(1000, 0o40700), 1000), true);
            assert.equal(isPrivateFolder(folder(1000, 0o40755), 1000), true);
        });

        it('refuses a folder of another user, one others may write to, a link and a file', () => {
            assert.equal(isPrivateFolder(folder(0, 0o40700), 1000), false);
            assert.equal(isPrivateFolder(folder(1000, 0o40770), 1000), false);
            assert.equal(isPrivateFolder(folder(1000, 0o40777), 1000), false);
            assert.equal(isPrivateFolder(folder(1000, 0o41777), 1000), false);
            assert.equal(isPrivateFolder(folder(1000, 0o120777, 'link'), 1000), false);
            assert.equal(isPrivateFolder(folder(1000, 0o100600, 'file'), 1000), false);
        });

        it('takes a folder as it is where there are no user ids (Windows)', () => {
            assert.equal(isPrivateFolder(folder(0, 0o40777), undefined), true);
            assert.equal(isPrivateFolder(folder(0, 0o100666, 'file'), undefined), false);
        });
    });

    describe('a cache file is named by the bundle, its path, its text and the runtime', () => {
        const names = codeCacheFileName('/opt/tml/out/cli/tml-commands.cjs', 'code', 'v20.20.2 x64 ');

        it('changes with the text and the runtime, and keeps the prefix of the bundle\'s path', () => {
            assert.match(names.name, /^tml-commands\.cjs\.[0-9a-f]{8}\.[0-9a-f]{24}\.v8cache$/);
            assert.ok(names.name.startsWith(names.prefix));
            for (const other of [codeCacheFileName('/opt/tml/out/cli/tml-commands.cjs', 'code2', 'v20.20.2 x64 '), codeCacheFileName('/opt/tml/out/cli/tml-commands.cjs', 'code', 'v20.20.3 x64 ')]) {
                assert.notEqual(other.name, names.name);
                assert.equal(other.prefix, names.prefix);
                assert.equal(isOlderCacheFile(names, other.name), true);
            }
        });

        it('leaves the cache of another installation (another path), another bundle, and its own file alone', () => {
            const elsewhere = codeCacheFileName('/home/ada/tml/out/cli/tml-commands.cjs', 'code', 'v20.20.2 x64 ');
            assert.notEqual(elsewhere.prefix, names.prefix);
            assert.equal(isOlderCacheFile(names, elsewhere.name), false);
            assert.equal(isOlderCacheFile(names, codeCacheFileName('/opt/tml/out/cli/tml.cjs', 'code', 'v20.20.2 x64 ').name), false);
            assert.equal(isOlderCacheFile(names, names.name), false);
            assert.equal(isOlderCacheFile(names, `${names.name}.123.tmp`), false);
        });
    });

    describe('the folder keeps the cache files used last, at most MAX_CACHE_FILES', () => {
        it('removes the files used longest ago beyond the bound, oldest first, and nothing that is not a cache file', () => {
            const files = [
                ...Array.from({ length: 14 }, (_, i) => ({ name: `server.cjs.${String(i).padStart(2, '0')}.v8cache`, usedMs: 1_000 + i })),
                { name: 'notes.txt', usedMs: 0 },
                { name: 'server.cjs.99.v8cache.123.tmp', usedMs: 0 },
            ];
            assert.equal(MAX_CACHE_FILES, 12);
            assert.deepEqual(cacheFilesBeyondBound(files), ['server.cjs.01.v8cache', 'server.cjs.00.v8cache']);
            assert.deepEqual(cacheFilesBeyondBound(files.slice(0, 12)), []);
            assert.deepEqual(cacheFilesBeyondBound([{ name: 'b.v8cache', usedMs: 5 }, { name: 'a.v8cache', usedMs: 5 }], 1), ['b.v8cache']);
        });
    });

    describe('bundles load through it, each run a new process', function () {
        this.timeout(60_000);
        let scratch: string;
        let bundles: string;
        let cacheHome: string;

        /** A bundle that requires a sibling and a built-in, and reports what its module wrapper received. */
        const BUNDLE = `const { answer } = require('./sibling.cjs');
const sep = require('node:path').sep;
function late() { return [1, 2, 3].map(n => n * answer).join(sep); }
module.exports = { late, filename: __filename, dirname: __dirname, self: this === module.exports };\n`;

        const cacheFolder = (): string => path.join(cacheHome, 'tml');
        const cacheFiles = (): string[] => readdirSync(cacheFolder()).sort();
        const bundle = (): string => path.join(bundles, 'bundle.cjs');
        const cacheFileOf = (name: string): string => path.join(cacheFolder(), cacheFiles().find(f => f.startsWith(name) && f.endsWith('.v8cache'))!);

        interface Run {
            /** What installCodeCache returned: undefined when nothing was installed. */
            readonly folder?: string;
            readonly uses: [string, string][];
            /** The bundle's exports, as read. */
            readonly result: unknown[];
        }

        /**
         * A process that installs the code cache for the bundles' folder (with `host` over the
         * process's own), loads the bundle (or `file`) and exits, writing the cache.
         */
        function run(host: Partial<CodeCacheHost> = {}, file = bundle()): Run {
            const script = `import { createRequire } from 'node:module';
import { installCodeCache, processHost } from ${JSON.stringify(CODE_CACHE_MODULE)};
const cache = installCodeCache(${JSON.stringify(bundles)}, { ...processHost(), ...${JSON.stringify(host)} });
const loaded = createRequire(${JSON.stringify(file)})(${JSON.stringify(file)});
const result = typeof loaded === 'object' ? [loaded.late(), loaded.filename, loaded.dirname, loaded.self] : [loaded];
console.log(JSON.stringify({ folder: cache?.folder, uses: [...cache?.uses ?? []], result }));`;
            const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
                encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, TML_CODE_CACHE: '1' },
            });
            assert.equal(child.status, 0, child.stderr);
            return JSON.parse(child.stdout) as Run;
        }

        /** What the bundle reports, loaded by Node or through the cache: `late()`, `__filename`, `__dirname`, `this`. */
        const expected = (): unknown[] => [['14', '28', '42'].join(path.sep), bundle(), bundles, true];

        beforeEach(() => {
            scratch = mkdtempSync(path.join(tmpdir(), 'tml-code-cache-'));
            bundles = path.join(scratch, 'out');
            cacheHome = path.join(scratch, 'cache');
            mkdirSync(bundles);
            writeFileSync(bundle(), BUNDLE);
            writeFileSync(path.join(bundles, 'sibling.cjs'), 'module.exports = { answer: 14 };\n');
        });

        afterEach(() => {
            if (process.platform !== 'win32' && existsSync(cacheFolder())) chmodSync(cacheFolder(), 0o700);
            rmSync(scratch, { recursive: true, force: true });
        });

        it('compiles a bundle once, writes its code at exit, and reads it in the next run: with the same results as Node', () => {
            const plain = run({ env: { TML_CODE_CACHE: '0' } });
            assert.deepEqual(plain, { uses: [], result: expected() });
            assert.equal(existsSync(cacheFolder()), false);
            const first = run();
            assert.deepEqual(first, { folder: cacheFolder(), uses: [[bundle(), 'none'], [path.join(bundles, 'sibling.cjs'), 'none']], result: expected() });
            assert.equal(cacheFiles().length, 2);
            if (process.platform !== 'win32') {
                assert.equal(statSync(cacheFolder()).mode & 0o777, 0o700);
                for (const file of cacheFiles()) assert.equal(statSync(path.join(cacheFolder(), file)).mode & 0o777, 0o600);
            }
            // A file written again is another file (written beside the old one, then renamed over it): another inode.
            const writing = (file: string): [string, number] => [file, statSync(path.join(cacheFolder(), file)).ino];
            const written = cacheFiles().map(writing);
            const second = run();
            assert.deepEqual(second, { ...first, uses: [[bundle(), 'accepted'], [path.join(bundles, 'sibling.cjs'), 'accepted']] });
            assert.deepEqual(cacheFiles().map(writing), written, 'an accepted cache is not written again');
        });

        it('keeps the folder within its bound: writing removes the files of other installations used longest ago', () => {
            mkdirSync(cacheFolder(), { recursive: true, mode: 0o700 });
            const longAgo = new Date('2026-01-01T00:00:00Z');
            const others = Array.from({ length: MAX_CACHE_FILES + 3 }, (_, i) => `server.cjs.${String(i).padStart(8, '0')}.elsewhere.v8cache`);
            for (const [i, name] of others.entries()) {
                writeFileSync(path.join(cacheFolder(), name), 'old');
                const at = new Date(longAgo.getTime() + i * 1_000);
                utimesSync(path.join(cacheFolder(), name), at, at);
            }
            writeFileSync(path.join(cacheFolder(), 'not-ours.txt'), 'kept');
            run();
            const kept = cacheFiles();
            assert.equal(kept.filter(f => f.endsWith('.v8cache')).length, MAX_CACHE_FILES);
            assert.ok(kept.includes(cacheFileOf('bundle').split(path.sep).pop()!) && kept.some(f => f.startsWith('sibling')), 'this run\'s files are kept');
            assert.deepEqual(kept.filter(f => f.includes('.elsewhere.')), others.slice(-(MAX_CACHE_FILES - 2)), 'the files used last are kept');
            assert.ok(kept.includes('not-ours.txt'));
        });

        it('dates a cache file it used by its access time, and leaves its modification time alone', () => {
            run();
            const file = cacheFileOf('bundle');
            const longAgo = new Date('2026-01-01T00:00:00Z');
            utimesSync(file, longAgo, longAgo);
            assert.deepEqual(run().uses[0], [bundle(), 'accepted']);
            assert.ok(statSync(file).atimeMs > longAgo.getTime(), 'the access time was not moved');
            assert.equal(statSync(file).mtimeMs, longAgo.getTime());
        });

        it('leaves files outside the bundles\' folder to Node', () => {
            const other = path.join(scratch, 'other.cjs');
            writeFileSync(other, 'module.exports = 7;\n');
            assert.deepEqual(run({}, other), { folder: cacheFolder(), uses: [], result: [7] });
            assert.deepEqual(cacheFiles(), []);
        });

        it('writes the cache of a new build anew and removes the old build\'s', () => {
            run();
            const old = cacheFiles();
            writeFileSync(bundle(), `${BUNDLE}// another build\n`);
            assert.deepEqual(run().uses, [[bundle(), 'none'], [path.join(bundles, 'sibling.cjs'), 'accepted']]);
            const now = cacheFiles();
            assert.equal(now.length, 2);
            assert.ok(now.includes(old.find(f => f.startsWith('sibling'))!), 'the sibling did not change');
            assert.ok(!now.includes(old.find(f => f.startsWith('bundle'))!), 'the old build\'s cache is gone');
        });

        it('loads a bundle whose cache file is corrupt, or from another script, as without one, and writes it anew', () => {
            run();
            const file = cacheFileOf('bundle');
            for (const garbage of [Buffer.from('not V8 code at all'), Buffer.alloc(0), readFileSync(cacheFileOf('sibling'))]) {
                writeFileSync(file, garbage);
                const rejected = run();
                assert.deepEqual([rejected.uses[0], rejected.result], [[bundle(), 'rejected'], expected()], `a cache file of ${garbage.length} bytes`);
                assert.notDeepEqual(readFileSync(file), garbage);
                assert.deepEqual(run().uses[0], [bundle(), 'accepted']);
            }
        });

        it('is not used in a folder others can write to, or that belongs to someone else', function () {
            if (process.platform === 'win32') this.skip();
            mkdirSync(cacheFolder(), { recursive: true });
            for (const mode of [0o777, 0o775, 0o1777]) {
                chmodSync(cacheFolder(), mode);
                assert.deepEqual(run(), { uses: [], result: expected() }, mode.toString(8));
            }
            chmodSync(cacheFolder(), 0o700);
            // The same folder, as another user sees it.
            assert.deepEqual(run({ uid: process.getuid!() + 1 }), { uses: [], result: expected() });
            assert.deepEqual(cacheFiles(), []);
            assert.equal(run().folder, cacheFolder());
        });

        it('is not used through a link to a folder, which someone else could point elsewhere', function () {
            if (process.platform === 'win32') this.skip();
            const target = path.join(scratch, 'target');
            mkdirSync(target, { mode: 0o700 });
            mkdirSync(cacheHome);
            symlinkSync(target, cacheFolder());
            assert.deepEqual(run(), { uses: [], result: expected() });
            assert.deepEqual(readdirSync(target), []);
        });

        it('still loads when the folder cannot be made (a file in the way)', () => {
            writeFileSync(cacheHome, 'a file');
            assert.deepEqual(run(), { uses: [], result: expected() });
        });

        it('still loads, and writes nothing, when the cache cannot be written (a read-only folder)', function () {
            if (process.platform === 'win32' || process.getuid!() === 0) {
                // Root writes to read-only folders: a folder stands where each cache file would be.
                mkdirSync(cacheFolder(), { recursive: true, mode: 0o700 });
                const runtime = codeCacheRuntime();
                for (const [file, text] of [[bundle(), BUNDLE], [path.join(bundles, 'sibling.cjs'), 'module.exports = { answer: 14 };\n']] as const) {
                    mkdirSync(path.join(cacheFolder(), codeCacheFileName(file, text, runtime).name));
                }
            } else {
                mkdirSync(cacheFolder(), { recursive: true, mode: 0o700 });
                chmodSync(cacheFolder(), 0o500);
            }
            const before = cacheFiles();
            assert.deepEqual(run(), { folder: cacheFolder(), uses: [[bundle(), 'none'], [path.join(bundles, 'sibling.cjs'), 'none']], result: expected() });
            assert.deepEqual(cacheFiles(), before);
        });

        it('listens for the exit, to write then, until uninstalled', () => {
            const script = `import { installCodeCache, processHost } from ${JSON.stringify(CODE_CACHE_MODULE)};
const cache = installCodeCache(${JSON.stringify(bundles)}, processHost());
const listening = process.listeners('exit').includes(cache.write);
cache.uninstall();
console.log(JSON.stringify([listening, process.listeners('exit').includes(cache.write)]));`;
            const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
            assert.deepEqual(JSON.parse(child.stdout), [true, false], child.stderr);
        });
    });
});
