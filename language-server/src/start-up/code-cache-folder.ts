import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { posix, win32 } from 'node:path';

/** What decides where the code cache lives: the process's environment, platform and user. */
export interface CodeCacheHost {
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly platform: NodeJS.Platform;
    /** The user's home folder; empty when unknown. */
    readonly home: string;
    readonly tmp: string;
    /** The user id; undefined where there is none (Windows). */
    readonly uid: number | undefined;
}

/** `TML_CODE_CACHE=0` turns the code cache off, for a run (`tml …`) or for the language server. */
export const CODE_CACHE_SWITCH = 'TML_CODE_CACHE';

/**
 * The user's own folder for tml's V8 code cache (docs/performance.md#start-up), or undefined when it
 * is turned off or there is none: the user's cache folder (`$XDG_CACHE_HOME`, `~/.cache`,
 * `~/Library/Caches`, `%LOCALAPPDATA%`) and in it `tml`; without a home folder, `tml-<uid>` in the
 * temporary folder, never a folder shared by every user.
 */
export function codeCacheFolder(host: CodeCacheHost): string | undefined {
    if (host.env[CODE_CACHE_SWITCH] === '0') return undefined;
    const paths = host.platform === 'win32' ? win32 : posix;
    const xdg = host.env.XDG_CACHE_HOME;
    if (xdg !== undefined && paths.isAbsolute(xdg)) return paths.join(xdg, 'tml');
    if (host.platform === 'win32') {
        const local = host.env.LOCALAPPDATA;
        return local !== undefined && paths.isAbsolute(local) ? paths.join(local, 'tml', 'Cache') : undefined;
    }
    if (host.home !== '' && paths.isAbsolute(host.home)) {
        return paths.join(host.home, ...(host.platform === 'darwin' ? ['Library', 'Caches'] : ['.cache']), 'tml');
    }
    return host.uid === undefined ? undefined : paths.join(host.tmp, `tml-${host.uid}`);
}

/** What {@link isPrivateFolder} reads of a folder's `lstat`. */
export interface FolderStats {
    readonly uid: number;
    readonly mode: number;
    isDirectory(): boolean;
    isSymbolicLink(): boolean;
}

/**
 * Whether code cached in this folder can be trusted: a real folder (not a link) that belongs to the
 * user and that no one else may write to. Code read from the cache runs as tml, so a folder another
 * user can write to (or swap) would let them run their code as this user. Where there are no user
 * ids (Windows) the folder is in the user's own profile and is taken as it is.
 */
export function isPrivateFolder(stats: FolderStats, uid: number | undefined): boolean {
    if (!stats.isDirectory() || stats.isSymbolicLink()) return false;
    if (uid === undefined) return true;
    return stats.uid === uid && (stats.mode & 0o022) === 0;
}

/** The names of a bundle's cache files. */
export interface CodeCacheFileName {
    /** This build's: the file read, and written if V8 has no code from it yet. */
    readonly name: string;
    /** What every cache file of the same bundle (by path) begins with: older builds' are removed when one is written. */
    readonly prefix: string;
}

/**
 * The cache file of a bundle: its name and a hash of its path (two installations of tml, of
 * different versions, each keep their own), then a hash of everything V8's cached code depends on
 * (the bundle's text, Node's version, the architecture, V8's flags), so that a new build or a new
 * Node never reads a stale file; V8 checks again, and a file it rejects is written anew.
 */
export function codeCacheFileName(bundlePath: string, source: string, runtime: string): CodeCacheFileName {
    const prefix = `${path.basename(bundlePath)}.${hash(bundlePath).slice(0, 8)}.`;
    return { name: `${prefix}${hash(`${runtime}\0${source}`).slice(0, 24)}${CACHE_FILE_EXTENSION}`, prefix };
}

const CACHE_FILE_EXTENSION = '.v8cache';

/** Whether `fileName` (in the cache folder) is a cache file of the bundle whose names are `names`, but another one. */
export function isOlderCacheFile(names: CodeCacheFileName, fileName: string): boolean {
    return fileName !== names.name && fileName.startsWith(names.prefix) && fileName.endsWith(CACHE_FILE_EXTENSION);
}

/**
 * At most this many cache files stay in the folder: a few installations (the CLI, the extension,
 * each version of either a new path) of three bundles. Every installation path gets files of its
 * own and only its own older builds' are removed when it writes, so without a bound a folder used
 * by many paths (an extension updated, tests installing into temporary folders) would only grow.
 */
export const MAX_CACHE_FILES = 12;

/** A cache file, and when it was last written or used. */
export interface CacheFileAge {
    readonly name: string;
    readonly usedMs: number;
}

/** The cache files to remove so that the {@link MAX_CACHE_FILES} used last stay (other files are not the cache's). */
export function cacheFilesBeyondBound(files: readonly CacheFileAge[], keep: number = MAX_CACHE_FILES): string[] {
    const cached = files.filter(file => file.name.endsWith(CACHE_FILE_EXTENSION));
    return cached.sort((a, b) => b.usedMs - a.usedMs || a.name.localeCompare(b.name)).slice(keep).map(file => file.name);
}

function hash(text: string): string {
    return createHash('sha256').update(text).digest('hex');
}
