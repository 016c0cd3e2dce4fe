import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DfdPreviewSnapshot } from '../../../extension/src/dfd-preview/panel.js';
import { eventually, openInEditor, threatModelExtension, workspaceFile } from '../suite/helpers.js';

/** The web shop's DFD overview, as `tml dfd examples/web-shop --format json` lists it. */
const WEB_SHOP_NODES = ['Shopper', 'Cdn', 'WebFrontend', 'ShopApi', 'CheckoutService', 'NotificationWorker', 'OrdersDatabase', 'SessionCache',
    'CatalogDb', 'MailQueue', 'BackOfficeStaff', 'BackOffice', 'AdminAuditLog', 'PaymentProvider', 'EmailProvider'];
const WEB_SHOP_EDGES = ['ShopperToCdn', 'CdnToFrontend', 'CdnToApi', 'FrontendToApi', 'ApiToSessions', 'ApiToOrders', 'ApiToCatalog', 'ApiToCheckout',
    'CheckoutToPsp', 'ShopperToPsp', 'PspWebhook', 'CheckoutToOrders', 'CheckoutToMailQueue', 'MailQueueToWorker', 'WorkerToEmail',
    'StaffToBackOffice', 'BackOfficeToOrders', 'BackOfficeToCatalog', 'BackOfficeToAudit', 'BackOfficeToPsp'];

/**
 * Models in a workspace (docs/language.md#models-in-a-workspace) in the real VS Code, with the repository's examples/ folder as the workspace: three
 * models that must not see each other, each the subject of the preview, the status bar and the
 * generated documents when one of its files is active.
 */
describe('the examples folder as the workspace: three separate models', () => {
    before(async () => {
        // Nothing is open yet: activate the extension as opening a .tm file would.
        await (await threatModelExtension().activate()).ready();
    });

    it('names the active file\'s model in the status bar, and follows the active editor', async () => {
        const api = threatModelExtension().exports;
        const expected: readonly [string, string, string][] = [
            ['web-shop/threats.tm', 'PineShop', 'Pine & Co. web shop'],
            ['iot-device/smart-lock.tm', 'KeyhavenLock', 'Keyhaven smart door lock'],
            ['saas-api/admin-console.tm', 'LedgerlineApi', 'Ledgerline multi-tenant invoicing API'],
        ];
        for (const [file, system, title] of expected) {
            await openInEditor(workspaceFile(file));
            await eventually(() => assert.deepEqual(
                api.modelStatus && { system: api.modelStatus.system, title: api.modelStatus.title, folder: api.modelStatus.folder },
                { system, title, folder: file.split('/')[0] }));
        }
    });

    it('previews only the web shop\'s elements for a web-shop file, titled with its system', async () => {
        await openInEditor(workspaceFile('web-shop/threats.tm'));
        const shown = await vscode.commands.executeCommand<DfdPreviewSnapshot>('threatModel.openDfdPreview');
        assert.deepEqual(shown, {
            uri: workspaceFile('web-shop/threats.tm').toString(),
            model: 'Pine & Co. web shop',
            scenario: null,
            nodes: WEB_SHOP_NODES,
            edges: WEB_SHOP_EDGES,
        });
        const tab = vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputWebview);
        assert.equal(tab?.label, 'DFD: Pine & Co. web shop (threats.tm)');
    });

    it('switches the preview to the smart lock when a smart-lock file becomes active', async () => {
        await openInEditor(workspaceFile('iot-device/smart-lock.tm'));
        const shown = await vscode.commands.executeCommand<DfdPreviewSnapshot>('threatModel.openDfdPreview');
        assert.equal(shown.model, 'Keyhaven smart door lock');
        assert.ok(!shown.nodes.some(node => WEB_SHOP_NODES.includes(node)), `web-shop nodes in the smart lock's diagram: ${shown.nodes.join(', ')}`);
        assert.ok(shown.nodes.length > 10, `the smart lock's diagram has ${shown.nodes.length} nodes`);
    });

    it('generates the threat table of the active file\'s model, and one section per model for the workspace', async () => {
        await openInEditor(workspaceFile('web-shop/dfd.tm'));
        const own = await vscode.commands.executeCommand<vscode.TextDocument>('threatModel.generateThreatTable', { scope: 'model', format: 'md' });
        const ownHeadings = own.getText().split('\n').filter(line => line.startsWith('# '));
        assert.deepEqual(ownHeadings, ['# Threat list: Pine \\& Co. web shop']);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        const all = await vscode.commands.executeCommand<vscode.TextDocument>('threatModel.generateThreatTable', { scope: 'workspace', format: 'md' });
        assert.deepEqual(all.getText().split('\n').filter(line => line.startsWith('# ')), [
            '# Threat list: Keyhaven smart door lock',
            '# Threat list: Ledgerline multi-tenant invoicing API',
            '# Threat list: Pine \\& Co. web shop',
        ]);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('reports no duplicate name and no unresolved reference in any example', async () => {
        for (const file of ['web-shop/dfd.tm', 'web-shop/threats.tm', 'iot-device/smart-lock.tm', 'saas-api/platform.tm', 'saas-api/admin-console.tm']) {
            const uri = workspaceFile(file);
            await openInEditor(uri);
            const diagnostics = await eventually(() => {
                const found = vscode.languages.getDiagnostics(uri);
                assert.ok(found.length > 0, `no findings yet for ${file}`);
                return found;
            });
            const errors = diagnostics.filter(d => d.severity === vscode.DiagnosticSeverity.Error).map(d => `${file}: ${d.message}`);
            assert.deepEqual(errors, []);
        }
    });
});
