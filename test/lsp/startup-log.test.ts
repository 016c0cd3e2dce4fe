import * as assert from 'node:assert/strict';
import type { LogMessageParams } from 'vscode-languageserver';
import { LanguageServerProcess } from './helpers/language-server-process.js';

describe('the language server names its process in the client log', function () {
    this.timeout(30_000);
    let server: LanguageServerProcess | undefined;

    afterEach(async () => {
        await server?.dispose();
        server = undefined;
    });

    // VS Code shows it in the "Threat Model Language Server" output channel: after "Restart Language
    // Server" a second line with a new process id shows the old server was replaced.
    it('logs "started (process <pid>)" once, as information, after initialized', async () => {
        server = new LanguageServerProcess();
        const logged: LogMessageParams[] = [];
        server.connection.onNotification('window/logMessage', (params: LogMessageParams) => void logged.push(params));
        await server.initialize();
        // The shutdown request is answered after every notification the server sent before it.
        assert.equal(await server.shutdown(), 0);
        assert.deepEqual(logged.filter(m => m.message.includes('started')), [
            { type: 3, message: `Threat Model language server started (process ${server.process.pid}).` },
        ]);
    });
});
