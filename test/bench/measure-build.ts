import type { Disposable, DocumentBuilder, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { DocumentState, URI } from 'langium';
import type { Span, Stamp } from './clock.js';
import { between, NO_SPAN, stamp } from './clock.js';
import type { MemoryFileSystemProvider } from './memory-file-system.js';

/** Time spent in each step of building a workspace from scratch. */
export interface BuildTiming {
    /** Lexing and parsing every file (Langium parses when a document is created). */
    readonly parse: Span;
    /** Exporting every name to the workspace index, and local scopes. */
    readonly indexAndScope: Span;
    /** Resolving every cross-reference. */
    readonly link: Span;
    /** Recording the resolved references in the index (for find-references and rebuilds). */
    readonly indexReferences: Span;
    /** Every check of DESIGN.md §4, including the workspace-wide STRIDE coverage. */
    readonly validate: Span;
    readonly total: Span;
    readonly diagnostics: number;
    /** Lexer, parser and linker errors: a benchmark model must have none. */
    readonly syntaxAndLinkErrors: number;
}

/** Time the language server needs after one file of a built workspace changes. */
export interface EditTiming {
    readonly total: Span;
    /** Of which validating: the changed file, the files Langium relinks, and those for which something their checks read from the index changed. */
    readonly validate: Span;
    /** How many files were validated again. */
    readonly validatedFiles: number;
}

export function benchUri(name: string): URI {
    return URI.parse(`file:///bench/${name}`);
}

const PHASES = [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated] as const;

type PhaseEnds = (state: DocumentState) => Stamp | undefined;

/**
 * Empties the workspace, then parses and fully builds `files` (name → text), timing each phase with
 * the DocumentBuilder's phase events: each fires once every document has reached that state.
 */
export async function measureBuild(shared: LangiumSharedCoreServices, fileSystem: MemoryFileSystemProvider, files: Record<string, string>): Promise<BuildTiming> {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    await builder.update([], documents.all.map(d => d.uri).toArray());
    for (const [name, text] of Object.entries(files)) fileSystem.write(benchUri(name), text);

    const start = stamp();
    const created: LangiumDocument[] = Object.entries(files).map(([name, text]) =>
        shared.workspace.LangiumDocumentFactory.fromString(text, benchUri(name)));
    const parsed = stamp();
    for (const document of created) documents.addDocument(document);

    const ended = await timePhases(builder, () => builder.build(created, { validation: true }));
    const end = stamp();
    const span = (from: Stamp | undefined, to: Stamp | undefined): Span => (from && to ? between(from, to) : NO_SPAN);

    let diagnostics = 0;
    let syntaxAndLinkErrors = 0;
    for (const document of created) {
        const found = document.diagnostics ?? [];
        diagnostics += found.length;
        syntaxAndLinkErrors += found.filter(d => typeof d.code !== 'string' || !d.code.startsWith('tm/')).length;
    }
    return {
        parse: between(start, parsed),
        indexAndScope: span(parsed, ended(DocumentState.ComputedScopes)),
        link: span(ended(DocumentState.ComputedScopes), ended(DocumentState.Linked)),
        indexReferences: span(ended(DocumentState.Linked), ended(DocumentState.IndexedReferences)),
        validate: span(ended(DocumentState.IndexedReferences), ended(DocumentState.Validated)),
        total: between(start, end),
        diagnostics,
        syntaxAndLinkErrors,
    };
}

/** Replaces one file of the built workspace and times the rebuild, as after a `didChange`. */
export async function measureEdit(shared: LangiumSharedCoreServices, fileSystem: MemoryFileSystemProvider, name: string, text: string): Promise<EditTiming> {
    const builder = shared.workspace.DocumentBuilder;
    fileSystem.write(benchUri(name), text);
    let validatedFiles = 0;
    const counter = builder.onDocumentPhase(DocumentState.Validated, () => { validatedFiles++; });
    const start = stamp();
    const ended = await timePhases(builder, () => builder.update([benchUri(name)], [])).finally(() => counter.dispose());
    const end = stamp();
    const validated = ended(DocumentState.IndexedReferences);
    return { total: between(start, end), validate: validated ? between(validated, end) : NO_SPAN, validatedFiles };
}

/** Runs `build` and returns when each phase ended (undefined for phases it did not run). */
async function timePhases(builder: DocumentBuilder, build: () => Promise<void>): Promise<PhaseEnds> {
    const reached = new Map<DocumentState, Stamp>();
    const listeners: Disposable[] = PHASES.map(state => builder.onBuildPhase(state, () => { reached.set(state, stamp()); }));
    try {
        await build();
    } finally {
        for (const listener of listeners) listener.dispose();
    }
    return state => reached.get(state);
}
