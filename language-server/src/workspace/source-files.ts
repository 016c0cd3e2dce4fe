import type { WorkspaceManager } from 'langium';
import { URI, UriUtils } from 'langium';
import type { RefusedPath } from './linked-path.js';
import { resolveLinkedPath } from './linked-path.js';

/** Where a path inside a workspace folder (by its text) leads. */
export type LinkedFileState = 'exists' | 'missing' | 'outside';

/**
 * Whether the files a model links to (`implementedIn`, `verifiedBy`) exist. Synchronous and cheap,
 * so a validator can ask it without blocking on I/O for long; it never throws. It is only ever
 * asked about paths that stay inside their workspace folder by their text ({@link LinkedFiles}).
 */
export interface SourceFiles {
    /**
     * Whether `segments` (normalised, below `folder`) name a file or folder; 'outside' when a
     * symbolic link on the way leads out of `folder`, which is then not followed.
     */
    locate(folder: URI, segments: readonly string[]): LinkedFileState;
}

/** A fixed set of files: the default when no file system is wired in, and what tests use. */
export class InMemorySourceFiles implements SourceFiles {
    private readonly files: ReadonlySet<string>;

    constructor(uris: Iterable<URI | string> = []) {
        this.files = new Set([...uris].map(uri => UriUtils.normalize(uri)));
    }

    locate(folder: URI, segments: readonly string[]): LinkedFileState {
        return this.files.has(UriUtils.normalize(UriUtils.joinPath(folder, ...segments))) ? 'exists' : 'missing';
    }
}

/** A linked path that tml follows: the file, what follows `#`, and whether the file exists. */
export interface FollowedFile {
    readonly kind: 'file';
    readonly file: URI;
    readonly fragment: string | undefined;
    readonly exists: boolean;
}

/**
 * The files a model links to, resolved inside the workspace folder that holds the model (the
 * editor's workspace folders, the CLI's current directory: both from Langium's WorkspaceManager),
 * for the linked-file checks, the staleness check and the document links alike. A refused path is
 * never handed to {@link SourceFiles}, so nothing outside the workspace is probed.
 */
export class LinkedFiles {
    constructor(
        private readonly workspace: Pick<WorkspaceManager, 'workspaceFolders'>,
        private readonly sourceFiles: SourceFiles,
    ) {}

    /** What `text`, written in `model`, links to; undefined when it is not a file path (blank, a URL) or the model is not a file. */
    resolve(model: URI, text: string | undefined): FollowedFile | RefusedPath | undefined {
        const path = resolveLinkedPath(model, this.folders(), text);
        if (path?.kind !== 'inside') return path;
        const state = this.sourceFiles.locate(path.folder, path.segments);
        if (state === 'outside') return { kind: 'refused', reason: 'outside' };
        return { kind: 'file', file: path.file, fragment: path.fragment, exists: state === 'exists' };
    }

    private folders(): URI[] {
        const folders: URI[] = [];
        for (const folder of this.workspace.workspaceFolders ?? []) {
            try {
                folders.push(URI.parse(folder.uri));
            } catch {
                // A folder URI the client sent malformed holds no model.
            }
        }
        return folders;
    }
}
