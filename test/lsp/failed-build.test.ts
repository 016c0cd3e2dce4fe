import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { EmptyFileSystem } from 'langium';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type { PublishDiagnosticsParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';

/** A rebuild that fails must not leave the edited file looking as if it had no findings. */
describe('the language server when the rebuild after an edit fails', () => {
    it('publishes a tm/internal-error on the edited file, and logs the failure', async () => {
        const toServer = new PassThrough();
        const toClient = new PassThrough();
        const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
        const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
        const published = new Promise<PublishDiagnosticsParams>(resolve => client.onNotification('textDocument/publishDiagnostics', resolve));
        const logged: string[] = [];
        client.onNotification('window/logMessage', (params: { message: string }) => { logged.push(params.message); });
        client.listen();
        connection.listen();
        try {
            const { shared } = createThreatModelServices({ ...EmptyFileSystem, connection });
            await shared.workspace.WorkspaceManager.initializeWorkspace([]);
            shared.workspace.DocumentBuilder.update = () => Promise.reject(new Error('boom\n    at somewhere'));
            const change = { document: { uri: 'file:///failed/a.tm' } } as TextDocumentChangeEvent<TextDocument>;
            shared.lsp.DocumentUpdateHandler.didChangeContent?.(change);
            assert.deepEqual(await published, {
                uri: 'file:///failed/a.tm',
                diagnostics: [{
                    message: 'tml could not finish checking this file: the build failed: boom. Its other findings may be incomplete; please report this.',
                    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                    severity: 1,
                    code: 'tm/internal-error',
                    data: { code: 'tm/internal-error' },
                    source: 'threat-model',
                }],
            });
            assert.match(logged.join('\n'), /could not rebuild the threat model after a change: Error: boom/);
        } finally {
            client.dispose();
            connection.dispose();
        }
    });
});
