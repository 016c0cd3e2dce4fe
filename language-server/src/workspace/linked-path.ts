import type { URI } from 'langium';
import { UriUtils } from 'langium';

/**
 * Why a linked path is not followed: it names another host (`//host/share`, `\\host\share`,
 * `\\?\…`), is absolute (`/etc/shadow`, `C:\…`, `C:…`), climbs out of the workspace folder
 * (`../../etc/passwd`, or a symbolic link that leads out), or holds a `\`, which Windows reads as a
 * separator (so `src\..\..\x` would climb out there).
 */
export type RefusedReason = 'network' | 'absolute' | 'outside' | 'backslash';

/** A path that stays inside its workspace folder, by its text. */
export interface InsidePath {
    readonly kind: 'inside';
    /** The workspace folder it stays in. */
    readonly folder: URI;
    /** Below `folder`, normalised: no `.`, `..` or empty segment. */
    readonly segments: readonly string[];
    readonly file: URI;
    /** What follows `#` (`L10`, a symbol name), if anything. */
    readonly fragment: string | undefined;
}

export interface RefusedPath {
    readonly kind: 'refused';
    readonly reason: RefusedReason;
}

/** Two slashes of either kind at the start: a UNC path (`\\host\share`, `\\?\C:\`, `\\.\pipe`) or a URL without a scheme. */
const NETWORK = /^[\\/]{2}/;
/** A root (`/`, `\`) or a Windows drive (`C:`, `C:\`), which makes the rest absolute. */
const ABSOLUTE = /^(?:[\\/]|[a-z]:)/i;
/** A URL (`https://…`): two letters or more before the colon, so that `C:` is a drive, not a scheme. */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Resolves `implementedIn`/`verifiedBy` text relative to the folder of the `.tm` file, within the
 * workspace folder that holds the model (the outermost of `folders` that does; with none, the
 * model's own folder). Purely textual: it touches no file, and never throws. Models that are not
 * files, URLs and blank paths are not checked (undefined).
 */
export function resolveLinkedPath(model: URI, folders: readonly URI[], text: string | undefined): InsidePath | RefusedPath | undefined {
    if (model.scheme !== 'file' || !text) return undefined;
    const hash = text.indexOf('#');
    const path = (hash < 0 ? text : text.slice(0, hash)).trim();
    if (path === '') return undefined;
    if (NETWORK.test(path)) return refused('network');
    if (ABSOLUTE.test(path)) return refused('absolute');
    if (URL_SCHEME.test(path)) return undefined;
    if (path.includes('\\')) return refused('backslash');
    const folder = workspaceFolderOf(model, folders);
    const segments = segmentsOf(UriUtils.dirname(model).path).slice(segmentsOf(folder.path).length);
    for (const segment of path.split('/')) {
        if (segment === '' || segment === '.') continue;
        if (climbs(segment)) {
            if (segments.pop() === undefined) return refused('outside');
        } else {
            segments.push(segment);
        }
    }
    const fragment = hash < 0 ? undefined : text.slice(hash + 1).trim() || undefined;
    return { kind: 'inside', folder, segments, file: UriUtils.joinPath(folder, ...segments), fragment };
}

/** The outermost of `folders` that holds `model`; with none, the model's own folder. */
export function workspaceFolderOf(model: URI, folders: readonly URI[]): URI {
    const modelSegments = segmentsOf(model.path);
    const holding = folders
        .filter(folder => folder.scheme === model.scheme && folder.authority === model.authority)
        .map(folder => ({ folder, segments: segmentsOf(folder.path) }))
        .filter(({ segments }) => segments.length < modelSegments.length && segments.every((segment, i) => sameSegment(segment, modelSegments[i]!, i)))
        .sort((a, b) => a.segments.length - b.segments.length);
    return holding[0]?.folder ?? UriUtils.dirname(model);
}

/**
 * Whether a path segment other than `.` goes up a folder: `..`, and what Windows may take for it,
 * a segment of dots and spaces (Windows drops trailing ones), counted as `..` to be safe.
 */
export function climbs(segment: string): boolean {
    return segment !== '.' && /^[. ]+$/.test(segment);
}

function segmentsOf(path: string): string[] {
    return path.split('/').filter(segment => segment !== '');
}

/** Drive letters (`/c:/…`) compare without case: VS Code and Node spell them either way. */
function sameSegment(a: string, b: string, index: number): boolean {
    return a === b || (index === 0 && /^[a-z]:$/i.test(a) && a.toLowerCase() === b.toLowerCase());
}

function refused(reason: RefusedReason): RefusedPath {
    return { kind: 'refused', reason };
}
