import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ALL_DESIGN_EXAMPLE_FINDINGS } from './expected-findings.js';
import { contributedCommands, expectFindings, openInEditor, threatModelExtension, workspaceFile } from './helpers.js';

describe('commands', () => {
    it('registers every command that package.json contributes', async () => {
        const extension = threatModelExtension();
        await extension.activate();
        const contributed = contributedCommands(extension);
        assert.ok(contributed.length > 0, 'package.json contributes no commands');
        const registered = new Set(await vscode.commands.getCommands(true));
        assert.deepEqual(contributed.filter(c => !registered.has(c)), [], 'contributed but not registered');
    });

    it('Restart Language Server replaces the server, and the new one reports the findings', async () => {
        const api = threatModelExtension().exports;
        await api.ready();
        const before = api.client;
        const onlineStore = workspaceFile('online-store.tm');
        await openInEditor(onlineStore);

        await vscode.commands.executeCommand('threatModel.restartServer');
        await api.ready();
        assert.notEqual(api.client, before, 'the client was not replaced');
        assert.equal(api.client.isRunning(), true);
        assert.equal(before.isRunning(), false);
        await expectFindings(onlineStore, ALL_DESIGN_EXAMPLE_FINDINGS);
    });
});
