import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ALL_DESIGN_EXAMPLE_FINDINGS } from './expected-findings.js';
import { contributedCommands, eventually, expectFindings, findingsOf, openInEditor, threatModelExtension, toFindings, workspaceFile } from './helpers.js';

describe('commands', () => {
    it('registers every command that package.json contributes', async () => {
        const extension = threatModelExtension();
        await extension.activate();
        const contributed = contributedCommands(extension);
        assert.ok(contributed.length > 0, 'package.json contributes no commands');
        const registered = new Set(await vscode.commands.getCommands(true));
        assert.deepEqual(contributed.filter(c => !registered.has(c)), [], 'contributed but not registered');
    });

    it('Restart Language Server replaces the server, and the new one publishes the findings', async () => {
        const api = threatModelExtension().exports;
        await api.ready();
        const before = api.client;
        const onlineStore = workspaceFile('online-store.tm');
        await openInEditor(onlineStore);
        await expectFindings(onlineStore, ALL_DESIGN_EXAMPLE_FINDINGS);

        await vscode.commands.executeCommand('threatModel.restartServer');
        await api.ready();
        assert.notEqual(api.client, before, 'the client was not replaced');
        assert.equal(api.client.isRunning(), true);
        assert.equal(before.isRunning(), false);
        // The old client's findings went with it; the new client's collection holds what its server published.
        assert.equal(before.diagnostics, undefined, "the old client's diagnostics are still shown");
        await eventually(() => assert.deepEqual(toFindings(api.client.diagnostics?.get(onlineStore) ?? []), ALL_DESIGN_EXAMPLE_FINDINGS));
        assert.deepEqual(findingsOf(onlineStore), ALL_DESIGN_EXAMPLE_FINDINGS);
    });
});
