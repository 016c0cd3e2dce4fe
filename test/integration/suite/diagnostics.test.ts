import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ALL_DESIGN_EXAMPLE_FINDINGS, DESIGN_EXAMPLE_FINDINGS, REFUNDS_FINDINGS, strideMissing } from './expected-findings.js';
import { eventually, expectFindings, openInEditor, repositoryFile, revertActiveEditor, workspaceFile } from './helpers.js';

describe('diagnostics', () => {
    const onlineStore = workspaceFile('online-store.tm');

    beforeEach(async () => {
        await openInEditor(onlineStore);
    });

    afterEach(async () => {
        await openInEditor(onlineStore);
        await revertActiveEditor();
        await expectFindings(onlineStore, ALL_DESIGN_EXAMPLE_FINDINGS);
    });

    it('reports exactly the four findings of DESIGN.md §4 for the §2 example, and the TMA process findings, on the element names', async () => {
        const designExample = repositoryFile('test', 'fixtures', 'design', 'online-store.tm');
        assert.equal((await openInEditor(onlineStore)).document.getText(), readFileSync(designExample, 'utf8'),
            'test/fixtures/workspace/online-store.tm is no longer a copy of the DESIGN.md example');
        await expectFindings(onlineStore, ALL_DESIGN_EXAMPLE_FINDINGS);
    });

    it('resolves names declared in another file of the workspace', async () => {
        const refunds = workspaceFile('refunds.tm');
        await openInEditor(refunds);
        await expectFindings(refunds, REFUNDS_FINDINGS);
    });

    it('updates the findings as exclusions are added to the document', async () => {
        const document = (await openInEditor(onlineStore)).document;
        await appendLines(document, ['exclude Repudiation on OrdersDb "The audit log is append-only."']);
        await expectFindings(onlineStore, [
            DESIGN_EXAMPLE_FINDINGS.storefront,
            strideMissing('26:15-26:23', "Data store 'OrdersDb'", 'InformationDisclosure and DenialOfService'),
            DESIGN_EXAMPLE_FINDINGS.placeOrder,
            DESIGN_EXAMPLE_FINDINGS.saveOrder,
            DESIGN_EXAMPLE_FINDINGS.saveOrderUnprotected,
            DESIGN_EXAMPLE_FINDINGS.implementedInMissing,
            DESIGN_EXAMPLE_FINDINGS.verifiedByMissing,
            DESIGN_EXAMPLE_FINDINGS.orderTamperNoAsset,
        ]);

        await appendLines(document, [
            'exclude Tampering on PlaceOrder, SaveOrder "Covered by the platform team\'s network model."',
            'exclude InformationDisclosure on PlaceOrder, SaveOrder "Covered by the platform team\'s network model."',
            'exclude DenialOfService on PlaceOrder, SaveOrder "Covered by the platform team\'s network model."',
        ]);
        await expectFindings(onlineStore, [
            DESIGN_EXAMPLE_FINDINGS.storefront,
            strideMissing('26:15-26:23', "Data store 'OrdersDb'", 'InformationDisclosure and DenialOfService'),
            DESIGN_EXAMPLE_FINDINGS.saveOrderUnprotected,
            DESIGN_EXAMPLE_FINDINGS.implementedInMissing,
            DESIGN_EXAMPLE_FINDINGS.verifiedByMissing,
            DESIGN_EXAMPLE_FINDINGS.orderTamperNoAsset,
        ]);
    });

    it('applies the quick-fix that excludes one category, and the finding narrows to the others', async () => {
        const saveOrder = await eventually(() => {
            const found = vscode.languages.getDiagnostics(onlineStore).find(d => d.message.startsWith("Flow 'SaveOrder' has no threat"));
            assert.ok(found, 'no finding on SaveOrder');
            return found;
        });
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
            'vscode.executeCodeActionProvider', onlineStore, saveOrder.range, vscode.CodeActionKind.QuickFix.value);
        const title = "Exclude Denial of service on 'SaveOrder'…";
        const exclude = actions.find(a => a.title === title);
        assert.ok(exclude?.edit, `no quick-fix '${title}' among: ${actions.map(a => a.title).join(' | ')}`);
        assert.equal(await vscode.workspace.applyEdit(exclude.edit), true);

        await expectFindings(onlineStore, [
            DESIGN_EXAMPLE_FINDINGS.storefront,
            DESIGN_EXAMPLE_FINDINGS.ordersDb,
            DESIGN_EXAMPLE_FINDINGS.placeOrder,
            strideMissing('38:6-38:15', "Flow 'SaveOrder'", 'Tampering and InformationDisclosure'),
            DESIGN_EXAMPLE_FINDINGS.saveOrderUnprotected,
            // The exclude goes in after SaveOrder's declaration, two lines above SecureCookies and OrderTamper.
            { ...DESIGN_EXAMPLE_FINDINGS.implementedInMissing, at: '78:19-78:35' },
            { ...DESIGN_EXAMPLE_FINDINGS.verifiedByMissing, at: '79:16-79:38' },
            { ...DESIGN_EXAMPLE_FINDINGS.orderTamperNoAsset, at: '82:8-82:19' },
        ]);
        const text = (await vscode.workspace.openTextDocument(onlineStore)).getText();
        assert.match(text, /^exclude DenialOfService on SaveOrder "[^"\n]+"$/m);
    });
});

/** Appends lines at the end of the document with a WorkspaceEdit, as an extension or a user would. */
async function appendLines(document: vscode.TextDocument, lines: readonly string[]): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    const end = document.lineAt(document.lineCount - 1).range.end;
    edit.insert(document.uri, end, `\n${lines.join('\n')}\n`);
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not applied');
}
