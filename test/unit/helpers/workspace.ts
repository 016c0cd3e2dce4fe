import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import type { Model } from '../../../language-server/src/generated/ast.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import type { SourceFiles } from '../../../language-server/src/workspace/source-files.js';

/** The repository root (this file runs from out/tsc/test/unit/helpers/). */
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

/**
 * Test documents live at `file:///workspace/<path>`, with `<path>` relative to the repository (the
 * examples test loads `examples/web-shop/dfd.tm` as `file:///workspace/examples/web-shop/dfd.tm`):
 * a linked file exists when it exists at that path in the repository, as it does for `tml check`.
 */
const repositoryFiles: SourceFiles = {
    locate: (folder, segments) => {
        const uri = UriUtils.joinPath(folder, ...segments);
        return uri.scheme === 'file' && uri.path.startsWith('/workspace/') && existsSync(join(REPO_ROOT, uri.path.slice('/workspace/'.length))) ? 'exists' : 'missing';
    },
};

/** One set of services for the whole test run: building the parser is the expensive part. */
export const services = createThreatModelServices({ ...EmptyFileSystem, sourceFiles: () => repositoryFiles });

export interface CheckedFile {
    readonly document: LangiumDocument<Model>;
    readonly diagnostics: Diagnostic[];
}

/**
 * Replaces the in-memory workspace with the given files (name → text), builds and validates them
 * together, and returns each file's document and diagnostics in the order given.
 */
export async function checkWorkspace(files: Record<string, string>): Promise<CheckedFile[]> {
    const { shared } = services;
    const documents = shared.workspace.LangiumDocuments;
    const previous = documents.all.map(d => d.uri).toArray();
    await shared.workspace.DocumentBuilder.update([], previous);
    const created = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///workspace/${name}`));
        documents.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(created, { validation: true });
    return created.map(document => ({ document, diagnostics: document.diagnostics ?? [] }));
}

/** Replaces the workspace of `own` services (not the shared ones) with one document at `uri`, built and validated. */
export async function buildAlone(own: { shared: LangiumSharedServices }, uri: string, text: string): Promise<LangiumDocument<Model>> {
    const { shared } = own;
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.DocumentBuilder.update([], documents.all.map(d => d.uri).toArray());
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(uri));
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

/** Validates one model text on its own. */
export async function checkModel(text: string): Promise<CheckedFile> {
    const [file] = await checkWorkspace({ 'model.tm': text });
    return file!;
}

/** A compact, exact view of a finding for assertions: `code @line:col-line:col` (1-based). */
export function describeFinding(d: Diagnostic): string {
    const r = d.range;
    return `${String(d.code)} @${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** Diagnostics that are not tml findings: lexer, parser and linker errors. */
export function syntaxAndLinkErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(d => typeof d.code !== 'string' || !d.code.startsWith('tm/'));
}

/**
 * The TMA process codes (docs/language.md#the-analysis-checks) fire on most small fixtures (no system, no scenario…); tests of
 * the STRIDE/DREAD core leave them out, and test/fixtures/validation/process/ covers them.
 */
export const PROCESS_CODES: readonly string[] = [
    'tm/background-missing', 'tm/scenario-empty', 'tm/element-in-no-scenario', 'tm/external-without-flow',
    'tm/boundary-crossing-unprotected', 'tm/entrypoint-missing', 'tm/boundary-not-crossed', 'tm/asset-unused',
    'tm/threat-without-asset', 'tm/linked-file-missing', 'tm/verified-without-test', 'tm/fix-only-planned', 'tm/implementation-stale',
];

function withoutProcessFindings(file: CheckedFile): CheckedFile {
    return { document: file.document, diagnostics: file.diagnostics.filter(d => !PROCESS_CODES.includes(String(d.code))) };
}

/** {@link checkWorkspace} without the TMA process findings. */
export async function checkCoreWorkspace(files: Record<string, string>): Promise<CheckedFile[]> {
    return (await checkWorkspace(files)).map(withoutProcessFindings);
}

/** {@link checkModel} without the TMA process findings. */
export async function checkCoreModel(text: string): Promise<CheckedFile> {
    return withoutProcessFindings(await checkModel(text));
}
