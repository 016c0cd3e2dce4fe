import type { URI } from 'langium';
import { UriUtils } from 'langium';

/**
 * Whether the files a model links to (`implementedIn`, `verifiedBy`) exist. Synchronous and cheap,
 * so a validator can ask it without blocking on I/O for long; it never throws.
 */
export interface SourceFiles {
    exists(uri: URI): boolean;
}

/** A fixed set of files: the default when no file system is wired in, and what tests use. */
export class InMemorySourceFiles implements SourceFiles {
    private readonly files: ReadonlySet<string>;

    constructor(uris: Iterable<URI | string> = []) {
        this.files = new Set([...uris].map(uri => UriUtils.normalize(uri)));
    }

    exists(uri: URI): boolean {
        return this.files.has(UriUtils.normalize(uri));
    }
}

/** A path written in a model, resolved: the file and what follows `#` (`L10`, a symbol name), if anything. */
export interface LinkedPath {
    readonly file: URI;
    readonly fragment: string | undefined;
}

/**
 * Resolves `implementedIn`/`verifiedBy` text relative to the folder of the `.tm` file. Only models
 * that are files have a folder to resolve against; URLs and blank paths are not checked.
 */
export function resolveLinkedPath(model: URI, text: string | undefined): LinkedPath | undefined {
    if (model.scheme !== 'file' || !text) return undefined;
    const hash = text.indexOf('#');
    const path = (hash < 0 ? text : text.slice(0, hash)).trim();
    if (path === '' || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
    const fragment = hash < 0 ? undefined : text.slice(hash + 1).trim() || undefined;
    const file = path.startsWith('/') ? model.with({ path }) : UriUtils.resolvePath(UriUtils.dirname(model), path);
    return { file, fragment };
}
