import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import type { DfdResult, GeneratedDocument } from '../../language-server/src/shared/protocol.js';
import { DfdRequest, ThreatTableRequest } from '../../language-server/src/shared/protocol.js';
import { LanguageServerProcess } from './helpers/language-server-process.js';

/** The model every test keeps open: a process and an external, neither with a threat. */
const API_MODEL = 'process Api "API service"\nexternal Client "Mobile app"\n';

/** A second model: declares `Client` again and covers Spoofing on `Api` (its own findings do not matter here). */
const OTHER_MODEL = [
    'external Client "Second client"',
    'threat Forged "Forged client certificate" {',
    '    stride Spoofing',
    '    targets Api',
    '    response accept',
    '}',
    '',
].join('\n');

/** Code and message of each finding, in order: enough to tell the findings apart exactly. */
function findings(diagnostics: readonly Diagnostic[]): [string, string][] {
    return diagnostics.map(d => [String(d.code), d.message]);
}

function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms); });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `textDocument/didClose`, as VS Code sends it when the last editor of a document closes. */
function close(server: LanguageServerProcess, uri: string): Promise<void> {
    return server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

function threatTable(server: LanguageServerProcess): Promise<GeneratedDocument> {
    return withinMs(server.connection.sendRequest<GeneratedDocument>(ThreatTableRequest.method, { scope: { kind: 'workspace' }, format: 'csv' }), 10_000, 'threatModel/table');
}

/** The names in the overview diagram the preview of `uri` asks for. */
async function diagramNodes(server: LanguageServerProcess, uri: string): Promise<string[]> {
    const result = await withinMs(server.connection.sendRequest<DfdResult>(DfdRequest.method, { uri, scenario: null }), 10_000, 'threatModel/dfd');
    return result.diagram.nodes.map(node => node.name);
}

describe('closed documents that exist nowhere on disk', function () {
    this.timeout(30_000);
    let server: LanguageServerProcess | undefined;
    let folder: string;
    let api: string;

    beforeEach(async () => {
        folder = mkdtempSync(join(tmpdir(), 'tml-closed-'));
        writeFileSync(join(folder, 'api.tm'), API_MODEL);
        api = pathToFileURL(join(folder, 'api.tm')).toString();
        server = new LanguageServerProcess();
        await server.initialize();
        await server.open(api, API_MODEL);
    });

    afterEach(async () => {
        await server?.dispose();
        server = undefined;
        rmSync(folder, { recursive: true, force: true });
    });

    /** Opens `uri` with {@link OTHER_MODEL}; returns api.tm's findings before and with it. */
    async function openOther(uri: string): Promise<{ alone: Diagnostic[]; together: Diagnostic[] }> {
        const alone = (await server!.nextDiagnostics(api)).diagnostics;
        const mark = server!.mark();
        await server!.open(uri, OTHER_MODEL);
        // Both, so that no publication of this build comes after the caller's next mark.
        const [together] = await Promise.all([server!.nextDiagnostics(api, mark), server!.nextDiagnostics(uri, mark)]);
        return { alone, together: together.diagnostics };
    }

    it('an untitled model leaves the workspace when closed: the other files lose its names and threats, and the threat table answers', async () => {
        const untitled = 'untitled:Untitled-1';
        const { alone, together } = await openOther(untitled);
        assert.deepEqual(findings(together).filter(([code]) => code === 'tm/duplicate-name'), [['tm/duplicate-name', "The name 'Client' is declared 2 times in the model. Rename all but one: names must be unique across the .tm files of a model."]]);
        assert.ok(findings(alone).some(([, message]) => message.startsWith("Process 'Api' has no threat for Spoofing, ")));
        assert.ok(!findings(together).some(([, message]) => message.startsWith("Process 'Api' has no threat for Spoofing, ")), 'the untitled threat covers Spoofing on Api');

        const mark = server!.mark();
        await close(server!, untitled);
        const [apiAfter, untitledAfter] = await Promise.all([server!.nextDiagnostics(api, mark), server!.nextDiagnostics(untitled, mark)]);
        assert.deepEqual(findings(apiAfter.diagnostics), findings(alone));
        assert.deepEqual(untitledAfter.diagnostics, []);

        // A rebuild of every document (new severity settings) used to read the closed model again,
        // from a disk it was never on: the build failed, and the threat table waited for it forever.
        const rebuilt = server!.mark();
        await server!.changeConfiguration({ threatModel: { severity: { 'tm/duplicate-name': 'warning' } } });
        assert.deepEqual(findings((await server!.nextDiagnostics(api, rebuilt)).diagnostics), findings(alone));
        const table = await threatTable(server!);
        assert.deepEqual(table.files.map(path => path.split('/').pop()), ['api.tm']);
        assert.ok(!table.content.includes('Forged'), table.content);
        assert.equal(await server!.shutdown(), 0, `exit code; server stderr:\n${server!.stderr}`);
    });

    it('a file deleted while open leaves the workspace when closed', async () => {
        const gone = pathToFileURL(join(folder, 'gone.tm')).toString();
        writeFileSync(join(folder, 'gone.tm'), OTHER_MODEL);
        const { alone } = await openOther(gone);
        rmSync(join(folder, 'gone.tm'));
        const mark = server!.mark();
        await close(server!, gone);
        assert.deepEqual(findings((await server!.nextDiagnostics(api, mark)).diagnostics), findings(alone));
        assert.deepEqual((await threatTable(server!)).files.map(path => path.split('/').pop()), ['api.tm']);
        // A DFD preview still showing the deleted file gets the diagram of what is left (a wait for that document would never end).
        assert.deepEqual(await diagramNodes(server!, gone), ['Api', 'Client']);
        assert.equal(await server!.shutdown(), 0, `exit code; server stderr:\n${server!.stderr}`);
    });

    it('a file still on disk stays in the workspace when closed, read from disk', async () => {
        const kept = pathToFileURL(join(folder, 'kept.tm')).toString();
        writeFileSync(join(folder, 'kept.tm'), OTHER_MODEL);
        const { together } = await openOther(kept);
        const mark = server!.mark();
        await close(server!, kept);
        // Closing changes nothing: edit api.tm to see what the workspace holds now.
        await server!.change(api, [{ text: `${API_MODEL}\n` }]);
        assert.deepEqual(findings((await server!.nextDiagnostics(api, mark)).diagnostics), findings(together));
        assert.deepEqual((await threatTable(server!)).files.map(path => path.split('/').pop()), ['api.tm', 'kept.tm']);
        assert.equal(await server!.shutdown(), 0, `exit code; server stderr:\n${server!.stderr}`);
    });
});
