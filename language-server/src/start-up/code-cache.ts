import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';
import type { CodeCacheHost } from './code-cache-folder.js';
import type { CodeCacheFileName } from './code-cache-folder.js';
import { cacheFilesBeyondBound, codeCacheFileName, codeCacheFolder, isOlderCacheFile, isPrivateFolder } from './code-cache-folder.js';

/** What became of a bundle's cached code: none yet, read and used, or read and refused by V8. */
export type CodeCacheUse = 'none' | 'accepted' | 'rejected';

/** The code cache of one process, once installed. */
export interface CodeCache {
    /** The cache folder. */
    readonly folder: string;
    /** What became of each bundle's cached code, by the bundle's absolute path. */
    readonly uses: ReadonlyMap<string, CodeCacheUse>;
    /** Writes the code of the bundles that had none (or a refused one); at exit unless called before. */
    write(): void;
    /** Puts Node's own loading back (tests). */
    uninstall(): void;
}

/**
 * What V8's cached code depends on besides the text: Node's version (and with it V8's) and the
 * architecture. V8's flags count too, but V8 checks them itself: a cache written with other flags
 * is refused, and written anew.
 */
export function codeCacheRuntime(): string {
    return `${process.version} ${process.arch}`;
}

/** The process's own host: its environment, platform and user. */
export function processHost(): CodeCacheHost {
    let home = '';
    try {
        home = homedir();
    } catch {
        // No home folder (a user without one): the temporary folder's fallback.
    }
    return { env: process.env, platform: process.platform, home, tmp: tmpdir(), uid: process.getuid?.() };
}

/**
 * Makes Node load the `.cjs` bundles of `bundleFolder` with V8's code cache: their code compiled
 * by an earlier run is read from the user's cache folder instead of compiled again, which is most
 * of what a process of tml spends before its first result (docs/performance.md#start-up). Node 20
 * has no compile cache of its own. The cache is written at exit, after the run, so that it holds the
 * functions the run compiled (V8 compiles most of them only when first called).
 *
 * Never fatal: without a private cache folder, or when reading or writing fails, bundles load as
 * Node loads them, and a cache V8 refuses (another build, Node or flags) is written anew.
 * @returns undefined when there is no usable cache folder (then nothing is installed).
 */
export function installCodeCache(bundleFolder: string, host: CodeCacheHost = processHost()): CodeCache | undefined {
    const folder = privateFolder(host);
    if (folder === undefined) return undefined;
    const runtime = codeCacheRuntime();
    const uses = new Map<string, CodeCacheUse>();
    const toWrite: { names: CodeCacheFileName; script: Script }[] = [];
    const prototype = Module.prototype as unknown as { _compile(content: string, filename: string): unknown };
    const nodeCompile = prototype._compile;
    prototype._compile = function (this: Module, content: string, filename: string): unknown {
        if (path.dirname(filename) !== bundleFolder || !filename.endsWith('.cjs')) return nodeCompile.call(this, content, filename);
        const names = codeCacheFileName(filename, content, runtime);
        const cachedData = readIfPresent(path.join(folder, names.name));
        const script = new Script(Module.wrap(content), { filename, cachedData });
        const use: CodeCacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
        uses.set(filename, use);
        if (use !== 'accepted') toWrite.push({ names, script });
        else markUsed(path.join(folder, names.name));
        const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
        return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, path.dirname(filename));
    };
    const write = (): void => {
        for (const { names, script } of toWrite.splice(0)) writeCodeCache(folder, names, script);
    };
    process.once('exit', write);
    return {
        folder,
        uses,
        write,
        uninstall: () => {
            prototype._compile = nodeCompile;
            process.removeListener('exit', write);
        },
    };
}

/** The cache folder, created for this user alone when missing; undefined unless it is private. */
function privateFolder(host: CodeCacheHost): string | undefined {
    const folder = codeCacheFolder(host);
    if (folder === undefined) return undefined;
    try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        return isPrivateFolder(lstatSync(folder), host.uid) ? folder : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Dates a cache file that was used (its access time; the modification time stays that of its
 * writing), so that the files kept within the bound are those used last.
 */
function markUsed(file: string): void {
    try {
        utimesSync(file, new Date(), statSync(file).mtime);
    } catch {
        // A read-only cache: it stays as it is.
    }
}

function readIfPresent(file: string): Buffer | undefined {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

/** Writes the file whole or not at all (a rename), and removes the bundle's older cache files. */
function writeCodeCache(folder: string, names: CodeCacheFileName, script: Script): void {
    const file = path.join(folder, names.name);
    const partial = `${file}.${process.pid}.tmp`;
    try {
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, file);
        for (const name of readdirSync(folder)) {
            if (isOlderCacheFile(names, name)) rmSync(path.join(folder, name), { force: true });
        }
        const ages = readdirSync(folder).map(name => {
            const stats = statSync(path.join(folder, name));
            return { name, usedMs: Math.max(stats.atimeMs, stats.mtimeMs) };
        });
        for (const name of cacheFilesBeyondBound(ages)) rmSync(path.join(folder, name), { force: true });
    } catch {
        // A read-only or full disk: the next run compiles again, as without a cache.
        try {
            rmSync(partial, { force: true });
        } catch {
            // Nothing was written, or it cannot be removed either: the next write replaces it.
        }
    }
}
