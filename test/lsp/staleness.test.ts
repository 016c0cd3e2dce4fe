import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { GitRepository } from '../helpers/git-repository.js';
import { LanguageServerProcess } from './helpers/language-server-process.js';

const MODEL = [
    'mitigation Cookies "Secure cookies" {',
    '    implementedIn "src/session.ts"',
    '}',
    '',
].join('\n');

function staleOnly(diagnostics: readonly Diagnostic[]): Array<Pick<Diagnostic, 'range' | 'severity' | 'code' | 'message'>> {
    return diagnostics.filter(d => d.code === 'tm/implementation-stale').map(({ range, severity, code, message }) => ({ range, severity, code, message }));
}

describe('the bundled language server over stdio: tm/implementation-stale from git, off the editing path', function () {
    this.timeout(30_000);
    let repository: GitRepository;
    let server: LanguageServerProcess | undefined;

    beforeEach(() => {
        repository = new GitRepository();
        repository.write('model.tm', MODEL);
        repository.write('src/session.ts', 'export const a = 1;\n');
        repository.init();
        repository.write('src/session.ts', 'export const a = 2;\n');
        repository.commit('change the session code');
    });

    afterEach(async () => {
        await server?.dispose();
        server = undefined;
        repository.dispose();
    });

    it('publishes the findings at once, then again with the stale implementation once git has answered', async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        const uri = pathToFileURL(path.join(repository.root, 'model.tm')).href;
        await server.open(uri, MODEL);
        const first = await server.nextDiagnostics(uri);
        assert.deepEqual(staleOnly(first.diagnostics), [], 'the first findings do not wait for git');
        const second = await server.nextDiagnostics(uri, server.mark());
        const reviewed = repository.lastCommitOf('model.tm');
        assert.deepEqual(staleOnly(second.diagnostics), [{
            range: { start: { line: 1, character: 18 }, end: { line: 1, character: 34 } },
            severity: 3,
            code: 'tm/implementation-stale',
            message: `src/session.ts changed after this model was last reviewed (1 commit since ${reviewed}). Review mitigation 'Cookies' against it, then commit the model.`,
        }]);
        assert.deepEqual(second.diagnostics.filter(d => d.code !== 'tm/implementation-stale'), first.diagnostics, 'nothing else changes');

        // An edit is validated from the cache: the finding stays, with no wait.
        const beforeEdit = server.mark();
        await server.change(uri, [{ text: `${MODEL}// an edit\n` }]);
        const edited = await server.nextDiagnostics(uri, beforeEdit);
        assert.equal(staleOnly(edited.diagnostics).length, 1);
        assert.equal(await server.shutdown(), 0);
    });

    it('runs no git in a workspace VS Code says is not trusted, until the user trusts it', async () => {
        server = new LanguageServerProcess();
        await server.initialize({ workspaceTrusted: false });
        const uri = pathToFileURL(path.join(repository.root, 'model.tm')).href;
        await server.open(uri, MODEL);
        const first = await server.nextDiagnostics(uri);
        assert.deepEqual(staleOnly(first.diagnostics), []);
        await assert.rejects(server.nextDiagnostics(uri, server.mark(), 2_000), /No diagnostics/, 'no git, so no revalidation follows');

        await server.connection.sendNotification('threatModel/workspaceTrusted');
        const trusted = await server.nextDiagnostics(uri, server.mark());
        assert.deepEqual(staleOnly(trusted.diagnostics), [], 'revalidated at once, before git has answered');
        const stale = await server.nextDiagnostics(uri, server.mark());
        assert.equal(staleOnly(stale.diagnostics).length, 1);
        assert.equal(await server.shutdown(), 0);
    });

    it('asks git nothing when the code is turned off in the settings', async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        await server.changeConfiguration({ threatModel: { severity: { 'tm/implementation-stale': 'off' } } });
        const uri = pathToFileURL(path.join(repository.root, 'model.tm')).href;
        await server.open(uri, MODEL);
        const first = await server.nextDiagnostics(uri);
        assert.deepEqual(staleOnly(first.diagnostics), []);
        await assert.rejects(server.nextDiagnostics(uri, server.mark(), 2_000), /No diagnostics/, 'no revalidation follows');
        assert.equal(await server.shutdown(), 0);
    });
});
