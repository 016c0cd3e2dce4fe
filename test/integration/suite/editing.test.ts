import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openInEditor, revertActiveEditor, threatModelExtension, workspaceFile } from './helpers.js';

/** The Markdown of every hover VS Code collects at a position, joined. */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return hovers.flatMap(h => h.contents).map(c => (typeof c === 'string' ? c : c.value)).join('\n');
}

describe('editing', () => {
    it('hover on an element shows its STRIDE coverage, category by category', async () => {
        await threatModelExtension().exports.ready();
        const onlineStore = workspaceFile('online-store.tm');
        await openInEditor(onlineStore);
        // Line 15: `    external Customer "Customer's browser"`, the name at column 14. Polled until exact: an
        // answer from a workspace still being built can name fewer threats.
        await eventually(async () => assert.equal(await hoverText(onlineStore, new vscode.Position(14, 15)), [
            "**External entity 'Customer'** — Customer's browser",
            '',
            'STRIDE: 2/2 addressed',
            '',
            '| Category | Status | By |',
            '|---|---|---|',
            '| Spoofing | ✅ addressed | SessionHijack |',
            '| Repudiation | ➖ excluded | Customer actions are confirmed by signed payment receipts\\. |',
        ].join('\n')));
    });

    it('completion after `targets` offers the DFD elements and flows of the workspace, and no assets', async () => {
        // Typed into a file of the workspace and reverted afterwards, as the DFD preview test does.
        const editor = await openInEditor(workspaceFile('refunds.tm'));
        const line = editor.document.lineCount + 1;
        await editor.edit(edit => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nthreat Draft "A draft threat" {\n    targets \n}\n'));
        try {
            // Polled until the whole expectation holds, not until one element is offered: a workspace still
            // being indexed offers fewer.
            await eventually(async () => {
                const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 12));
                const labels = list.items.map(i => (typeof i.label === 'string' ? i.label : i.label.label));
                for (const expected of ['Customer', 'Storefront', 'OrdersDb', 'PlaceOrder', 'SaveOrder', 'SupportAgent', 'IssueRefund']) {
                    assert.ok(labels.includes(expected), `'${expected}' is not offered: ${labels.join(', ')}`);
                }
                for (const unexpected of ['CardData', 'OrderHistory', 'SecureCookies', 'SessionHijack']) {
                    assert.ok(!labels.includes(unexpected), `'${unexpected}' is offered after targets`);
                }
            });
        } finally {
            await revertActiveEditor();
        }
    });

    it('selecting two flows offers "Create a scenario from the 2 selected flows", which declares it', async () => {
        const editor = await openInEditor(workspaceFile('online-store.tm'));
        // Lines 32–38 (1-based): from `flow PlaceOrder` to the start of `flow SaveOrder`.
        const selection = new vscode.Range(31, 0, 37, 6);
        const title = "Create a scenario from the 2 selected flows ('PlaceOrder' and 'SaveOrder')";
        try {
            const action = await eventually(async () => {
                const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, selection, vscode.CodeActionKind.Refactor.value);
                const found = actions.find(a => a.title === title);
                assert.ok(found, `no '${title}' among: ${actions.map(a => a.title).join(' | ')}`);
                return found;
            });
            assert.equal(action.kind?.value, 'refactor.createScenario');
            assert.ok(action.edit, 'the action carries its edit');
            assert.ok(await vscode.workspace.applyEdit(action.edit));
            const text = editor.document.getText();
            assert.ok(text.includes('scenario PlaceOrderScenario "TODO: the use case in which Submit order and Insert order row happen" {\n    flows PlaceOrder, SaveOrder\n}'), text);
        } finally {
            await revertActiveEditor();
        }
    });
});
