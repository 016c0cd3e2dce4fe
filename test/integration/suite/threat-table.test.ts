import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, findingsOf, openInEditor, threatModelExtension, workspaceFile } from './helpers.js';

const GENERATE_THREAT_TABLE = 'threatModel.generateThreatTable';
const GENERATE_REPORT = 'threatModel.generateReport';

/** The Markdown preview tabs (VS Code's built-in Markdown extension). */
function markdownPreviewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('markdown.preview'));
}

/** Closes the generated (unsaved) documents without a save prompt, and their previews. */
async function closeGenerated(): Promise<void> {
    for (const tab of markdownPreviewTabs()) await vscode.window.tabGroups.close(tab);
    for (const editor of vscode.window.visibleTextEditors.filter(e => e.document.uri.scheme === 'untitled')) {
        await vscode.window.showTextDocument(editor.document, editor.viewColumn);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
}

describe('threat table and security model report', () => {
    afterEach(closeGenerated);

    it('Generate Threat Table opens a Markdown document beside the model whose first data row is the highest-risk threat', async () => {
        await threatModelExtension().exports.ready();
        const model = await openInEditor(workspaceFile('online-store.tm'));
        const document = await vscode.commands.executeCommand<vscode.TextDocument>(GENERATE_THREAT_TABLE, { scope: 'workspace', format: 'md' });
        assert.equal(document.languageId, 'markdown');
        assert.equal(document.uri.scheme, 'untitled');
        assert.match(document.uri.path, /\/threat-list\.md$/);
        const rows = document.getText().split('\n').filter(line => line.startsWith('| '));
        // The columns a reviewer scans first come right after the title, where the preview shows them.
        assert.match(rows[0] ?? '', /^\| ID \| Title \| Risk \| Rating \| Response \| Mitigation status \| STRIDE \| Targets \|/);
        // rows[1] is the delimiter row; SessionHijack (risk 6.4) outranks OrderTamper and RefundFraud (3.4).
        assert.match(rows[2] ?? '', /^\| SessionHijack \| Attacker replays a stolen session cookie \| 6\.4 \| Medium \| fix \| implemented \| Spoofing \| Customer, Storefront \|/);
        const shownBeside = vscode.window.visibleTextEditors.find(e => e.document === document);
        assert.ok(shownBeside && shownBeside.viewColumn !== model.viewColumn, 'the table is not shown beside the model');
        // The Markdown extension opens the preview after its command has returned.
        await eventually(() => assert.deepEqual(markdownPreviewTabs().map(t => t.group.viewColumn), [shownBeside.viewColumn], 'the preview is not beside the model'));

        // Run again: the same unsaved document gets the new table instead of a second copy.
        const text = document.getText();
        const again = await vscode.commands.executeCommand<vscode.TextDocument>(GENERATE_THREAT_TABLE, { scope: 'workspace', format: 'md' });
        assert.equal(again, document);
        assert.equal(again.getText(), text);
    });

    it('Generate Threat Table in HTML shows the page rendered beside the model, and Save As writes exactly that page', async () => {
        await threatModelExtension().exports.ready();
        await openInEditor(workspaceFile('online-store.tm'));
        const shown = await vscode.commands.executeCommand<{ title: string; html: string }>(GENERATE_THREAT_TABLE, { scope: 'model', format: 'html' });
        assert.equal(shown.title, 'Threat table: Online Store');
        assert.match(shown.html, /^<!DOCTYPE html>\n/);
        assert.match(shown.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
        assert.match(shown.html, /<td[^>]*>SessionHijack<\/td>/);
        const tableTabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap(group => group.tabs)
            .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('threatModel.tablePreview'));
        // The tab model follows the panel asynchronously.
        const tabs = await eventually(() => {
            assert.deepEqual(tableTabs().map(tab => tab.label), ['Threat table: Online Store']);
            return tableTabs();
        });
        assert.ok(vscode.window.visibleTextEditors.every(editor => editor.document.languageId !== 'html'), 'the page was opened as source text');
        const target = workspaceFile('saved-threat-list.html');
        try {
            const saved = await vscode.commands.executeCommand<vscode.Uri>('threatModel.tablePreview.saveAs', target);
            assert.equal(saved.toString(), target.toString());
            assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), shown.html);
        } finally {
            await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
            for (const tab of tabs) await vscode.window.tabGroups.close(tab);
        }
    });

    it('Generate Security Model Report saves the report of the current file and its diagrams as SVG files beside it, with an open item per finding in the Problems panel', async () => {
        await threatModelExtension().exports.ready();
        const onlineStore = workspaceFile('online-store.tm');
        await openInEditor(onlineStore);
        const target = workspaceFile('security-model.md');
        const diagrams = workspaceFile('security-model-diagrams');
        try {
            const document = await vscode.commands.executeCommand<vscode.TextDocument>(GENERATE_REPORT, { scope: 'file', out: target.toString() });
            assert.equal(document.uri.toString(), target.toString());
            assert.equal(document.isDirty, false);
            const text = document.getText();
            assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), text);
            assert.match(text, /^# Security model: Online Store\n\nFile: online-store\.tm\. 2 threats: 0 High, 1 Medium, 1 Low\.\n/);
            const images = text.split('\n').filter(line => line.startsWith('!['));
            assert.deepEqual(images, [
                '![DFD: Overview](security-model-diagrams/dfd-1-overview.svg)',
                '![DFD: A customer pays for the basket](security-model-diagrams/dfd-2-Checkout.svg)',
            ]);
            const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(diagrams, 'dfd-1-overview.svg')));
            assert.match(svg, /^<\?xml [^\n]*\n<!DOCTYPE svg [^\n]*\n[\s\S]*<svg [\s\S]*<\/svg>\n?$/);
            await eventually(() => assert.deepEqual(markdownPreviewTabs().length, 1, 'the report has no preview'));
            const openItems = text.slice(text.indexOf('\n## Open items\n')).split('\n').filter(line => line.startsWith('| online-store.tm | '));
            await eventually(() => assert.equal(openItems.length, findingsOf(onlineStore).length));
            assert.ok(openItems.length > 0);
        } finally {
            for (const tab of markdownPreviewTabs()) await vscode.window.tabGroups.close(tab);
            for (const tab of vscode.window.tabGroups.all.flatMap(group => group.tabs)) {
                if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === target.toString()) await vscode.window.tabGroups.close(tab);
            }
            await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
            await vscode.workspace.fs.delete(diagrams, { recursive: true }).then(undefined, () => undefined);
        }
    });

    it('Generate Security Model Report with Mermaid diagrams opens an unsaved document, as before', async () => {
        await threatModelExtension().exports.ready();
        await openInEditor(workspaceFile('online-store.tm'));
        const document = await vscode.commands.executeCommand<vscode.TextDocument>(GENERATE_REPORT, { scope: 'file', diagrams: 'mermaid' });
        assert.equal(document.uri.scheme, 'untitled');
        assert.match(document.uri.path, /\/security-model\.md$/);
        assert.match(document.getText(), /\n### Overview\n\n```mermaid\nflowchart LR\n/);
    });
});
