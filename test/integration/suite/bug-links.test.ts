/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openInEditor, workspaceFile } from './helpers.js';

/** The links of a document that lead to the web (the bug tracker), as [line, character, target], 0-based. */
async function webLinks(uri: vscode.Uri): Promise<[number, number, string][]> {
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    return links
        .filter(link => link.target?.scheme === 'https')
        .map(link => [link.range.start.line, link.range.start.character, link.target!.toString(true)]);
}

describe('threatModel.bugUrl', () => {
    const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('threatModel');
    after(() => settings().update('bugUrl', undefined, vscode.ConfigurationTarget.Global));

    it('links bug "SEC-142" to the tracker once the setting is set, and nothing without it', async () => {
        const uri = workspaceFile('online-store.tm');
        await openInEditor(uri);
        assert.deepEqual(await webLinks(uri), []);
        await settings().update('bugUrl', 'https://tracker.example/browse/{bug}', vscode.ConfigurationTarget.Global);
        // The server hears of the change (didChangeConfiguration) and links the text inside the quotes of line 70.
        await eventually(async () => assert.deepEqual(await webLinks(uri), [[69, 9, 'https://tracker.example/browse/SEC-142']]));
        await settings().update('bugUrl', 'javascript:alert(1)//{bug}', vscode.ConfigurationTarget.Global);
        await eventually(async () => assert.deepEqual(await webLinks(uri), []));
    });
});
