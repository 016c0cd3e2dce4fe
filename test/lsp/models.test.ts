import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { LanguageServerProcess } from './helpers/language-server-process.js';

/** The code of a finding: tml's own, or Langium's in `data.code` (`linking-error`). */
function codeOf(d: Diagnostic): string {
    return String(d.code ?? (d.data as { code?: string } | undefined)?.code);
}

/** The names-and-references findings of a file, as `code line:col message` (1-based). */
function nameFindings(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .filter(d => ['tm/duplicate-name', 'tm/system-duplicate', 'linking-error'].includes(codeOf(d)))
        .map(d => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

/** Waits until the name findings of `uri` are exactly `expected` (see settledDiagnostics). */
async function expectNames(lsp: LanguageServerProcess, uri: string, expected: readonly string[]): Promise<void> {
    const diagnostics = await lsp.settledDiagnostics(uri, d => JSON.stringify(nameFindings(d)) === JSON.stringify(expected)).catch((error: unknown) => {
        const last = lsp.latestDiagnostics(uri)?.diagnostics ?? [];
        assert.deepEqual(nameFindings(last), expected, String(error));
        throw error;
    });
    assert.deepEqual(nameFindings(diagnostics), expected);
}

const duplicateApi = (line: number): string =>
    `tm/duplicate-name ${line}:9 The name 'Api' is declared 2 times in the model. Rename all but one: names must be unique across the .tm files of a model.`;

/**
 * Models in a workspace (docs/language.md#models-in-a-workspace) in the editor: each folder with a `system` is a model of its own, and adding or
 * removing a `system`, or moving a file, re-scopes the files concerned without a restart: the
 * unchanged files are checked again and their findings published.
 */
describe('the bundled language server over stdio: several models in one workspace folder', function () {
    this.timeout(60_000);
    let server: LanguageServerProcess | undefined;
    let root = '';
    const uri = (path: string): string => pathToFileURL(join(root, path)).href;
    const FILES: Readonly<Record<string, string>> = {
        'shared.tm': 'process Api "Shared API"\n',
        'a/model.tm': 'system A "Service A"\nprocess Api "A API"\n',
        'a/refs.tm': 'threat TA "Spoofed worker" { stride Spoofing targets Worker }\n',
        'b/model.tm': 'system B "Service B"\nprocess Api "B API"\nprocess Worker "B worker"\n',
    };

    beforeEach(() => {
        root = mkdtempSync(join(tmpdir(), 'tml-models-'));
        for (const [path, text] of Object.entries(FILES)) {
            mkdirSync(dirname(join(root, path)), { recursive: true });
            writeFileSync(join(root, path), text);
        }
    });

    afterEach(async () => {
        await server?.dispose();
        server = undefined;
        rmSync(root, { recursive: true, force: true });
    });

    /** A server on the workspace folder, with every file open (the editor checks open files). */
    async function start(): Promise<LanguageServerProcess> {
        server = new LanguageServerProcess();
        await server.initialize(undefined, [{ uri: pathToFileURL(root).href, name: 'ws' }]);
        for (const [path, text] of Object.entries(FILES)) {
            const mark = server.mark();
            await server.open(uri(path), text);
            await server.nextDiagnostics(uri(path), mark, 30_000);
        }
        return server;
    }

    it('keeps the names of each model apart, and says a name exists in another model', async () => {
        const lsp = await start();
        for (const file of ['shared.tm', 'a/model.tm', 'b/model.tm']) await expectNames(lsp, uri(file), []);
        await expectNames(lsp, uri('a/refs.tm'), [
            "linking-error 1:54 Unknown DFD element (external, process, datastore or flow) 'Worker' in this model: 'Worker' is declared in another model (system 'B' in b), and each model sees only its own names. Declare it in this model, or correct the name.",
        ]);
        const models = await lsp.connection.sendRequest('threatModel/models');
        assert.deepEqual(models, [
            { key: root, system: null, title: 'ws', folder: 'ws', fileCount: 1, uri: uri('shared.tm') },
            { key: join(root, 'a'), system: 'A', title: 'Service A', folder: 'a', fileCount: 2, uri: uri('a/model.tm') },
            { key: join(root, 'b'), system: 'B', title: 'Service B', folder: 'b', fileCount: 1, uri: uri('b/model.tm') },
        ]);
    });

    it('resolves a reference once its file moves into the model that declares the name', async () => {
        const lsp = await start();
        // What VS Code sends when an open file is renamed in the explorer.
        renameSync(join(root, 'a/refs.tm'), join(root, 'b/refs.tm'));
        await lsp.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('a/refs.tm') } });
        await lsp.open(uri('b/refs.tm'), FILES['a/refs.tm']!);
        await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('a/refs.tm'), type: 3 }, { uri: uri('b/refs.tm'), type: 1 }] });
        await expectNames(lsp, uri('b/refs.tm'), []);
        const modelOf = await lsp.connection.sendRequest('threatModel/modelOf', { uri: uri('b/refs.tm') });
        assert.deepEqual(modelOf, { key: join(root, 'b'), system: 'B', title: 'Service B', folder: 'b', fileCount: 2, uri: uri('b/model.tm') });
    });

    it('merges a folder into the model above when its system is removed, and separates it again when it is added back', async () => {
        const lsp = await start();
        const text = FILES['b/model.tm']!;
        // Remove the system: b/ joins the workspace folder's model, where shared.tm also declares Api.
        await lsp.change(uri('b/model.tm'), [{ text: text.replace('system B "Service B"\n', '') }]);
        await expectNames(lsp, uri('b/model.tm'), [duplicateApi(1)]);
        await expectNames(lsp, uri('shared.tm'), [duplicateApi(1)]);
        // a/refs.tm, in a model of its own, still does not see Worker, now in the workspace folder's model.
        await expectNames(lsp, uri('a/refs.tm'), [
            "linking-error 1:54 Unknown DFD element (external, process, datastore or flow) 'Worker' in this model: 'Worker' is declared in another model (the model of ws), and each model sees only its own names. Declare it in this model, or correct the name.",
        ]);
        await lsp.change(uri('b/model.tm'), [{ text }]);
        await expectNames(lsp, uri('b/model.tm'), []);
        await expectNames(lsp, uri('shared.tm'), []);
    });

    it('makes a new folder a model of its own when one of its files declares a system, and reports a second system in a model', async () => {
        const lsp = await start();
        await lsp.open(uri('c/one.tm'), 'process Api "C API"\n');
        await expectNames(lsp, uri('c/one.tm'), [duplicateApi(1)]);
        await expectNames(lsp, uri('shared.tm'), [duplicateApi(1)]);
        await lsp.change(uri('c/one.tm'), [{ text: 'system C "Service C"\nprocess Api "C API"\nsystem C2 "Also C"\n' }]);
        await expectNames(lsp, uri('c/one.tm'), [
            "tm/system-duplicate 3:8 This folder's model already has system 'C'; one model has one system. Move this file into a folder of its own to make it a separate model, or remove this system.",
        ]);
        await expectNames(lsp, uri('shared.tm'), []);
    });
});
