import type { LangiumDocument, LangiumDocuments, URI } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Mitigation } from '../generated/ast.js';
import { isMitigation } from '../generated/ast.js';
import type { GitHistory, ReviewState } from './git-history.js';
import type { LinkedFiles } from './source-files.js';

/** A linked file that changed after its model was last committed. */
export interface StaleLink {
    /** Commits since the review that touched the file. */
    readonly commits: number;
    /** The full hash of the model's last commit. */
    readonly reviewed: string;
}

/** How long a model's review state is trusted before a lookup refreshes it in the background. */
export const DEFAULT_MAX_AGE_MS = 10_000;

interface CacheEntry {
    readonly state: ReviewState | undefined;
    /** The linked files (URI strings) the state was computed for. */
    readonly files: ReadonlySet<string>;
    /** HEAD when the state was computed: while HEAD stays, so does the state. */
    readonly head: string | undefined;
    /** When the state was last known to hold. */
    at: number;
}

interface HeadEntry {
    readonly head: Promise<string | undefined>;
    readonly at: number;
}

/**
 * The file each mitigation of a document is implemented in, resolved against the document; paths
 * tml refuses to follow (tm/linked-file-outside) are never handed to git.
 */
export function implementationFiles(document: LangiumDocument, linkedFiles: LinkedFiles): Map<Mitigation, URI> {
    const result = new Map<Mitigation, URI>();
    for (const mitigation of AstUtils.streamAst(document.parseResult.value).filter(isMitigation)) {
        const linked = linkedFiles.resolve(document.uri, mitigation.implementedIn);
        if (linked?.kind === 'file') result.set(mitigation, linked.file);
    }
    return result;
}

/**
 * Which implementation files changed after their model was last committed, for
 * `tm/implementation-stale`. Git is slow next to a keystroke, so validation never waits for it:
 * {@link lookup} answers from a cache at once and, in the editor, queues a refresh when the answer
 * is missing or older than `maxAgeMs`; one refresh runs at a time, and listeners hear of each
 * model whose answer changed, to revalidate it. A refresh first asks for HEAD (once per folder per
 * `maxAgeMs`) and asks the full question only when HEAD moved or the model links to other files.
 * The CLI calls {@link refresh} and waits instead.
 */
export class StalenessTracker {
    private readonly cache = new Map<string, CacheEntry>();
    /** HEAD per folder of a model, so that models side by side share one question. */
    private readonly heads = new Map<string, HeadEntry>();
    private readonly queued = new Map<string, URI>();
    /** The model whose refresh is running: lookups meanwhile wait for its answer rather than queue another. */
    private inFlight: string | undefined;
    private readonly listeners: Array<(uri: URI) => void> = [];
    private running: Promise<void> | undefined;
    private background = false;
    private allowed = true;

    constructor(
        private readonly documents: LangiumDocuments,
        private readonly git: GitHistory | undefined,
        private readonly linkedFiles: LinkedFiles,
        private readonly maxAgeMs = DEFAULT_MAX_AGE_MS,
        private readonly now: () => number = Date.now,
    ) {}

    /**
     * Whether there is a git history to ask at all (not in tests, nor in `tml check` without
     * `--stale`) and asking it is allowed (not in a workspace the user has not trusted).
     */
    get enabled(): boolean {
        return this.git !== undefined && this.allowed;
    }

    /** Allows or forbids running git; forbidden, nothing is stale. */
    allowGit(allowed: boolean): void {
        this.allowed = allowed;
    }

    /** Lets lookups queue refreshes (the language server); `listener` hears of every model whose answer changed. */
    refreshInBackground(listener: (uri: URI) => void): void {
        this.background = true;
        this.listeners.push(listener);
    }

    /** What is known now about `file`, linked from `document`; never waits. */
    lookup(document: LangiumDocument, file: URI): StaleLink | undefined {
        if (!this.enabled) return undefined;
        const key = document.uri.toString();
        const entry = this.cache.get(key);
        const fileKey = file.toString();
        if (this.background && key !== this.inFlight && (!entry || !entry.files.has(fileKey) || this.now() - entry.at >= this.maxAgeMs)) {
            this.queue(document.uri);
        }
        const commits = entry?.state?.changedSince.get(fileKey);
        return commits && entry?.state ? { commits, reviewed: entry.state.reviewed } : undefined;
    }

    /** Asks git about `document` now; true when the answer differs from the cached one. */
    async refresh(document: LangiumDocument): Promise<boolean> {
        const git = this.git;
        if (!git || !this.allowed) return false;
        const key = document.uri.toString();
        const files = [...new Map([...implementationFiles(document, this.linkedFiles).values()].map(uri => [uri.toString(), uri])).values()];
        const fileKeys = new Set(files.map(uri => uri.toString()));
        const head = await this.headOf(git, UriUtils.dirname(document.uri));
        const previous = this.cache.get(key);
        if (previous && previous.head === head && sameFiles(previous.files, fileKeys)) {
            previous.at = this.now();
            return false;
        }
        const state = await git.reviewState(document.uri, files);
        this.cache.set(key, { state, files: fileKeys, head, at: this.now() });
        return !sameState(previous?.state, state);
    }

    private headOf(git: GitHistory, folder: URI): Promise<string | undefined> {
        const key = folder.toString();
        const known = this.heads.get(key);
        if (known && this.now() - known.at < this.maxAgeMs) return known.head;
        const head = git.head(folder);
        this.heads.set(key, { head, at: this.now() });
        return head;
    }

    /** Resolves when no refresh is queued or running. */
    async idle(): Promise<void> {
        while (this.running) await this.running;
    }

    /** Forgets a model (closed or deleted). */
    forget(uri: URI): void {
        this.cache.delete(uri.toString());
    }

    private queue(uri: URI): void {
        this.queued.set(uri.toString(), uri);
        this.running ??= this.drain().finally(() => {
            this.running = undefined;
        });
    }

    private async drain(): Promise<void> {
        // Let the validation run that queued the refresh finish before git starts.
        await Promise.resolve();
        for (let next = first(this.queued); next !== undefined; next = first(this.queued)) {
            const [key, uri] = next;
            this.queued.delete(key);
            const document = this.documents.getDocument(uri);
            if (!document) {
                this.cache.delete(key);
                continue;
            }
            this.inFlight = key;
            const changed = await this.refresh(document).catch(() => false).finally(() => {
                this.inFlight = undefined;
            });
            if (changed) this.listeners.forEach(listener => listener(document.uri));
        }
    }
}

function first<K, V>(map: ReadonlyMap<K, V>): [K, V] | undefined {
    for (const entry of map) return entry;
    return undefined;
}

function sameFiles(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
    return a.size === b.size && [...a].every(file => b.has(file));
}

function sameState(a: ReviewState | undefined, b: ReviewState | undefined): boolean {
    const aCount = a?.changedSince.size ?? 0;
    const bCount = b?.changedSince.size ?? 0;
    if (aCount === 0 && bCount === 0) return true;
    if (!a || !b || a.reviewed !== b.reviewed || aCount !== bCount) return false;
    return [...a.changedSince].every(([file, commits]) => b.changedSince.get(file) === commits);
}
