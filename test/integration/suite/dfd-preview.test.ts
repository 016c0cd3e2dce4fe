import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DfdPreviewSnapshot } from '../../../extension/src/dfd-preview/panel.js';
import { eventually, openInEditor, revertActiveEditor, threatModelExtension, workspaceFile } from './helpers.js';

const OPEN_DFD_PREVIEW = 'threatModel.openDfdPreview';

/** The open DFD preview tabs (VS Code prefixes the view type of an extension's webview). */
function previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('threatModel.dfdPreview'));
}

describe('DFD preview', () => {
    after(async () => {
        for (const tab of previewTabs()) await vscode.window.tabGroups.close(tab);
    });

    it("opens beside the editor and shows the diagram of the active file's model", async () => {
        await threatModelExtension().exports.ready();
        const onlineStore = workspaceFile('online-store.tm');
        await openInEditor(onlineStore);
        const shown = await vscode.commands.executeCommand<DfdPreviewSnapshot>(OPEN_DFD_PREVIEW);
        // The model is the workspace's: online-store.tm and refunds.tm, whose flow ends at Storefront.
        assert.deepEqual(shown, {
            uri: onlineStore.toString(),
            model: 'Online Store',
            scenario: null,
            nodes: ['Customer', 'Storefront', 'OrdersDb', 'SupportAgent'],
            edges: ['PlaceOrder', 'SaveOrder', 'IssueRefund'],
        }, JSON.stringify(shown));
        assert.equal(previewTabs().length, 1);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), onlineStore.toString(), 'the preview took the focus');
    });

    it('shows an element as soon as the user has typed it', async () => {
        const editor = await openInEditor(workspaceFile('online-store.tm'));
        await editor.edit(edit => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nprocess Audit "Audit trail writer"\nflow LogOrder: Storefront -> Audit "Log the order"\n'));
        try {
            const shown = await vscode.commands.executeCommand<DfdPreviewSnapshot>(OPEN_DFD_PREVIEW);
            assert.deepEqual(shown.nodes, ['Customer', 'Storefront', 'OrdersDb', 'Audit', 'SupportAgent']);
            assert.deepEqual(shown.edges, ['PlaceOrder', 'SaveOrder', 'LogOrder', 'IssueRefund']);
            assert.equal(previewTabs().length, 1, 'a second preview was opened');
        } finally {
            await revertActiveEditor();
        }
    });

    it('follows files of the model that appear and change on disk, in no editor', async () => {
        const api = threatModelExtension().exports;
        await openInEditor(workspaceFile('online-store.tm'));
        await vscode.commands.executeCommand<DfdPreviewSnapshot>(OPEN_DFD_PREVIEW);
        // The diagram lists files by name, so notices.tm comes first.
        // No editor or text document holds notices.tm: only the file watcher tells the preview (a git pull, another tool).
        const notices = workspaceFile('notices.tm').fsPath;
        writeFileSync(notices, 'flow RefundNotice: Storefront -> SupportAgent "Refund confirmation"\n');
        try {
            await eventually(() => assert.deepEqual(api.dfdPreview?.edges, ['RefundNotice', 'PlaceOrder', 'SaveOrder', 'IssueRefund']), 20_000);
            writeFileSync(notices, 'flow RefundNotice: Storefront -> SupportAgent "Refund confirmation"\nflow RefundReceipt: Storefront -> Customer "Refund receipt"\n');
            await eventually(() => assert.deepEqual(api.dfdPreview?.edges, ['RefundNotice', 'RefundReceipt', 'PlaceOrder', 'SaveOrder', 'IssueRefund']), 20_000);
        } finally {
            rmSync(notices, { force: true });
        }
        await eventually(() => assert.deepEqual(api.dfdPreview?.edges, ['PlaceOrder', 'SaveOrder', 'IssueRefund']), 20_000);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), workspaceFile('online-store.tm').toString(), 'the refresh took the focus');
    });
});
