import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';
import { CliError } from './cli-error.js';
import { collectGarbage } from './collect-garbage.js';
import { isDfdElement } from '../generated/ast.js';
import { ThreatModelDocumentValidator } from '../validation/document-validator.js';

/**
 * V8 makes objects in its young generation, two halves of 1 MB at first, and doubles them (up to
 * 16 MB each) whenever many objects survive a collection there: building a large model grew them
 * to the most, 32 MB of the resident set at its peak (docs/performance.md#memory-of-a-built-model).
 * The CLI keeps them at the size they have when its commands are loaded (a few MB) until a large
 * workspace ({@link LARGE_WORKSPACE_CHARACTERS}) is built: V8 reads the factor whenever it would
 * grow them; what survives moves to the old generation sooner. A smaller workspace lets them grow
 * as V8 likes once its files are read: held, it took twice the collections (`tml report` of
 * 5,000 elements) to save a few MB. V8's default comes back after the build and at
 * exit, before the code cache is written (start-up/code-cache.ts): V8 refuses a cache made under
 * other flags, and would refuse the next run's.
 */
function holdYoungGeneration(held: boolean): void {
    setFlagsFromString(`--semi-space-growth-factor=${held ? 1 : 2}`);
}
holdYoungGeneration(true);
process.prependListener('exit', () => holdYoungGeneration(false));

/** The extension of model files; folders are scanned for it. */
export const MODEL_FILE_EXTENSION = '.tm';

/** Folders never scanned: installed packages, and dot-folders (`.git`, `.vscode`, …). */
function isSkippedFolder(name: string): boolean {
    return name === 'node_modules' || name.startsWith('.');
}

/** A model file and its document, built and validated with every other file of the workspace. */
export interface LoadedFile {
    /** Absolute path. */
    readonly path: string;
    readonly document: LangiumDocument;
}

/**
 * Resolves the command line's paths to absolute model file paths, without duplicates, in the
 * order given (folder contents sorted by name). A file is taken whatever its name — the user
 * named it — while folders contribute their `*.tm` files, recursively. Symbolic links to folders
 * are not followed, so a link cycle cannot make the scan endless.
 * @throws CliError when a path does not exist or cannot be read.
 */
export async function findModelFiles(paths: readonly string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(cwd, given);
        const stats = await stat(absolute).catch((error: unknown) => {
            throw cannotRead(given, error);
        });
        if (stats.isDirectory()) {
            await scanFolder(absolute, cwd, found);
        } else {
            found.add(absolute);
        }
    }
    return [...found];
}

async function scanFolder(folder: string, cwd: string, found: Set<string>): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
        throw cannotRead(displayPath(cwd, folder), error);
    });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const absolute = path.join(folder, entry.name);
        if (entry.isDirectory()) {
            if (!isSkippedFolder(entry.name)) await scanFolder(absolute, cwd, found);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith(MODEL_FILE_EXTENSION)) {
            found.add(absolute);
        }
    }
}

/**
 * Reads every file into the Langium workspace and builds them together, with validation, so that
 * references and STRIDE coverage resolve across all of them (docs/language.md#models-in-a-workspace). `beforeValidation`
 * runs once every file is linked, for work the checks need done first (asking git, for `--stale`).
 * @throws CliError when a file cannot be read.
 */
export async function loadWorkspace(
    shared: LangiumSharedCoreServices,
    files: readonly string[],
    cwd: string,
    beforeValidation?: (documents: readonly LangiumDocument[]) => Promise<void>,
): Promise<LoadedFile[]> {
    // The current directory is the CLI's workspace folder: linked files resolve inside it (README, step 6).
    // Not the root of the file system (a container's default), where it would hold every file.
    const workspaceFolders = path.parse(cwd).root === cwd ? [] : [{ uri: URI.file(cwd).toString(), name: path.basename(cwd) }];
    shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders });
    // Every text is read before any is parsed, so that the memory policy knows the workspace's size.
    const texts: string[] = [];
    // One file at a time: a large tree read all at once can exhaust file handles (EMFILE).
    for (const file of files) {
        const text = await readFile(file, 'utf8').catch((error: unknown) => {
            throw cannotRead(displayPath(cwd, file), error);
        });
        texts.push(stripByteOrderMark(text));
    }
    const length = texts.reduce((sum, text) => sum + text.length, 0);
    if (length < LARGE_WORKSPACE_CHARACTERS) {
        holdYoungGeneration(false);
        const loaded = addDocuments(shared, files, texts);
        await buildDocuments(shared, loaded, beforeValidation);
        return loaded;
    }
    try {
        const loaded = addDocuments(shared, files, texts);
        await buildDocuments(shared, loaded, beforeValidation, async documents => {
            // What parsing left behind is garbage now; collected, it is not carried to the peak of validation.
            collectGarbage();
            collectAfterWorkspaceWideChecks(shared);
            // Validated in two halves (by text, whole files), each followed by a collection of what it
            // left: in 100 files of 20,000 elements, validation's garbage was a third of the heap at its
            // peak. The second collection comes before the findings are collected and written.
            for (const part of validationParts(documents, length / 2)) {
                await shared.workspace.DocumentBuilder.build(part, { validation: true });
                collectGarbage();
            }
        });
        return loaded;
    } finally {
        holdYoungGeneration(false);
    }
}

function addDocuments(shared: LangiumSharedCoreServices, files: readonly string[], texts: readonly string[]): LoadedFile[] {
    return files.map((file, i): LoadedFile => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(texts[i]!, documentUri(file));
        shared.workspace.LangiumDocuments.addDocument(document);
        return { path: file, document };
    });
}

/** Parses and links the files, runs `beforeValidation`, then validates them: all at once, or as `validate` does. */
async function buildDocuments(
    shared: LangiumSharedCoreServices,
    loaded: readonly LoadedFile[],
    beforeValidation: ((documents: readonly LangiumDocument[]) => Promise<void>) | undefined,
    validate: (documents: LangiumDocument[]) => Promise<void> = documents => shared.workspace.DocumentBuilder.build(documents, { validation: true }),
): Promise<void> {
    const documents = loaded.map(f => f.document);
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    if (beforeValidation) await beforeValidation(documents);
    await validate(documents);
}

/**
 * Makes the validation collect the garbage once more, after the checks of the first DFD element:
 * they evaluate every rule of the workspace for every element at once (model/rule-suggestions.ts),
 * which left a third of the heap garbage at the peak of the validation of 20,000 elements.
 */
function collectAfterWorkspaceWideChecks(shared: LangiumSharedCoreServices): void {
    let collected = false;
    for (const services of shared.ServiceRegistry.all) {
        const validator = services.validation.DocumentValidator;
        if (!(validator instanceof ThreatModelDocumentValidator)) continue;
        validator.afterChecks = node => {
            if (collected || !isDfdElement(node)) return;
            collected = true;
            collectGarbage();
        };
    }
}

/**
 * From this much model text on (about 10,000 DFD elements), the build holds V8's young generation
 * and collects the garbage between linking and validation and after each half of the validation,
 * which lowers the peak memory by a third. Below, the heap stays under about 100 MB and the
 * collections would cost more than they save: `tml report` of 5,000 elements (1 MB of text) spent
 * 0.2 s more CPU for 11 MB less resident memory (docs/performance.md).
 */
export const LARGE_WORKSPACE_CHARACTERS = 2_000_000;

/**
 * `documents` in order, in parts of at least `characters` of text (a larger file is a part of its
 * own), the last part with what remains.
 */
export function validationParts(documents: readonly LangiumDocument[], characters: number): LangiumDocument[][] {
    const parts: LangiumDocument[][] = [];
    let part: LangiumDocument[] = [];
    let length = 0;
    for (const document of documents) {
        part.push(document);
        length += document.textDocument.getText().length;
        if (length >= characters) {
            parts.push(part);
            part = [];
            length = 0;
        }
    }
    if (part.length > 0 || parts.length === 0) parts.push(part);
    return parts;
}

/**
 * Langium picks the language of a document by its extension, so a file named explicitly on the
 * command line without `.tm` gets a document URI that has it. A separate scheme keeps that URI
 * from colliding with a real `name.tm` next to the file; output uses the real path, never the URI.
 */
function documentUri(file: string): URI {
    const uri = URI.file(file);
    if (file.endsWith(MODEL_FILE_EXTENSION)) return uri;
    return URI.from({ scheme: 'tml-named-file', path: `${uri.path}${MODEL_FILE_EXTENSION}` });
}

/** Editors do not count a byte order mark as a column, so neither do findings. */
function stripByteOrderMark(text: string): string {
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The path as findings show it: relative to `cwd`, with forward slashes on every platform. */
export function displayPath(cwd: string, absolute: string): string {
    const relative = path.relative(cwd, absolute);
    return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

const REASONS: Readonly<Record<string, string>> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'is a directory',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'name too long',
};

/** `cannot read <path>: <reason>`, with the reason in words rather than Node's `ENOENT: …, stat '…'`. */
function cannotRead(shownPath: string, error: unknown): CliError {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const reason = Object.hasOwn(REASONS, code) ? REASONS[code] : error instanceof Error ? error.message : String(error);
    return new CliError(`cannot read ${shownPath}: ${reason}`);
}
