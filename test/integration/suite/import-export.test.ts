import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../../extension/src/commands/export-model.js';
import type { ImportOutcome } from '../../../extension/src/commands/import-model.js';
import { eventually, findingsOf, repositoryFile, threatModelExtension, workspaceFile } from './helpers.js';

const IMPORT_MODEL = 'threatModel.importModel';
const EXPORT_MODEL = 'threatModel.exportModel';

/** The Threat Dragon demo model (test/fixtures/interop/samples/), copied into the workspace to import. */
const DEMO = repositoryFile('test', 'fixtures', 'interop', 'samples', 'threat-dragon', 'v2-threat-model.json');

function previewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('threatModel.dfdPreview'));
}

describe('Import… and Export…', () => {
    const folder = workspaceFile('imported');

    after(async () => {
        for (const tab of previewTabs()) await vscode.window.tabGroups.close(tab);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    });

    it("Export… writes a model as OTM 0.2.0, its files in path order whichever was opened first", async () => {
        await threatModelExtension().exports.ready();
        const out = workspaceFile('exported.otm.json');
        try {
            const outcome = await vscode.commands.executeCommand<ExportOutcome>(EXPORT_MODEL, { format: 'otm', out: out.toString(), uri: workspaceFile('online-store.tm').toString() });
            assert.equal(outcome.file, out.toString());
            const otm = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(out))) as { otmVersion: string; project: { name: string }; components: { id: string }[] };
            assert.equal(otm.otmVersion, '0.2.0');
            assert.equal(otm.project.name, 'Online Store');
            assert.deepEqual(otm.components.map(c => c.id), ['Customer', 'Storefront', 'OrdersDb', 'SupportAgent']);
        } finally {
            await vscode.workspace.fs.delete(out).then(undefined, () => undefined);
        }
    });

    it('Import… on a Threat Dragon file writes the model beside it, opens it, and shows its diagram in the preview', async () => {
        await threatModelExtension().exports.ready();
        const source = vscode.Uri.joinPath(folder, 'demo.json');
        await vscode.workspace.fs.writeFile(source, readFileSync(DEMO));
        const outcome = await vscode.commands.executeCommand<ImportOutcome>(IMPORT_MODEL, source);
        const model = vscode.Uri.joinPath(folder, 'demo.tm');
        assert.equal(outcome.model, model.toString());
        assert.equal(outcome.warnings.length, 36);
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), model.toString());
        assert.match(vscode.window.activeTextEditor!.document.getText(), /^system DemoThreatModel "Demo Threat Model" \{$/m);
        assert.ok(outcome.preview, 'no DFD preview');
        assert.equal(outcome.preview.uri, model.toString());
        // The imported file declares a system, so its folder is a model of its own (docs/language.md#models-in-a-workspace): the preview shows it alone.
        assert.deepEqual(outcome.preview.nodes, ['WorkerConfig', 'Database', 'WebApplicationConfig', 'MessageQueue', 'BackgroundWorkerProcess', 'WebApplication', 'Browser']);
        assert.ok(outcome.preview.edges.includes('PutMessage'));
        assert.equal(previewTabs().length, 1);
        // The imported model parses: the server reports no syntax or reference error in it.
        await eventually(() => {
            const findings = findingsOf(model);
            assert.ok(findings.some(f => f.code === 'tm/stride-missing'), 'the imported model has not been checked yet');
            assert.deepEqual(findings.filter(f => !f.code.startsWith('tm/')), []);
        });
    });
});
