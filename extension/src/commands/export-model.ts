import * as vscode from 'vscode';
import type { ExportFormat } from '../../../language-server/src/shared/formats.js';
import { ExportModelRequest, ModelsRequest } from '../../../language-server/src/shared/protocol.js';
import { LANGUAGE_ID } from '../../../language-server/src/shared/language.js';
import type { LanguageServerHandle } from '../server-handle.js';
import { describeModel, requestWithProgress } from './generate-scope.js';
import { showConversionWarnings } from './interop-warnings.js';

/** The command id contributed in package.json. */
export const EXPORT_MODEL_COMMAND = 'threatModel.exportModel';

interface FormatItem extends vscode.QuickPickItem {
    readonly format: ExportFormat;
    readonly suffix: string;
}

const FORMATS: readonly FormatItem[] = [
    { label: 'Open Threat Model (OTM 0.2.0)', description: '.otm.json, for IriusRisk and other OTM tools', format: 'otm', suffix: '.otm.json' },
    { label: 'OWASP Threat Dragon (v2)', description: '.json, opens laid out in Threat Dragon', format: 'threat-dragon', suffix: '.threat-dragon.json' },
];

/** Arguments that skip the pickers, for keybindings and tests: `{ format: 'otm', out: 'file:///…/model.otm.json' }`. */
interface ExportArgs {
    readonly format?: string;
    readonly out?: string;
    /** A `.tm` file of the model to export (default: the active editor's, else the only or a picked model). */
    readonly uri?: string;
}

/** What "Export…" wrote, and what the format could not hold. */
export interface ExportOutcome {
    readonly file: string;
    readonly warnings: readonly string[];
}

/**
 * Registers "Threat Model: Export…": asks for the format and where to save, and writes the active
 * file's model (docs/language.md#models-in-a-workspace; else the workspace's only model, else a picked one) as `tml export`
 * does (docs/language.md#import-and-export).
 */
export function registerExportModelCommand(server: LanguageServerHandle): vscode.Disposable {
    return vscode.commands.registerCommand(EXPORT_MODEL_COMMAND, async (rawArgs?: unknown): Promise<ExportOutcome | undefined> => {
        const args: ExportArgs = typeof rawArgs === 'object' && rawArgs !== null && !(rawArgs instanceof vscode.Uri) ? rawArgs as ExportArgs : {};
        const picked = FORMATS.find(f => f.format === args.format)
            ?? await vscode.window.showQuickPick(FORMATS, { title: 'Export the threat model: which format?', placeHolder: 'Format to write' });
        if (!picked) return undefined;
        const model = await pickModel(server, args);
        if (!model) return undefined;
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const out = typeof args.out === 'string' ? vscode.Uri.parse(args.out)
            : await vscode.window.showSaveDialog({ title: 'Export the threat model', saveLabel: 'Export', filters: { JSON: ['json'] }, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `threat-model${picked.suffix}`) } : {}) });
        if (!out) return undefined;
        const result = await requestWithProgress(server, 'Exporting the threat model', token => server.client.sendRequest(ExportModelRequest, { format: picked.format, uri: model }, token));
        if (!result) return undefined;
        await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(result.content));
        showConversionWarnings(`Exported the model to ${out.path.slice(out.path.lastIndexOf('/') + 1)}`, result.warnings);
        return { file: out.toString(), warnings: result.warnings };
    });
}

interface ModelItem extends vscode.QuickPickItem {
    readonly uri: string;
}

/** A document of the model to export, as a URI string; undefined when there is none or the user dismisses the pick. */
async function pickModel(server: LanguageServerHandle, args: ExportArgs): Promise<string | undefined> {
    if (typeof args.uri === 'string') return args.uri;
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === LANGUAGE_ID) return active.uri.toString();
    await server.ready();
    const models = (await server.client.sendRequest(ModelsRequest)).filter(m => m.uri !== '');
    if (models.length <= 1) {
        if (models.length === 0) void vscode.window.showInformationMessage('The workspace has no threat model (.tm) file to export.');
        return models[0]?.uri;
    }
    const items: ModelItem[] = models.map(m => ({ label: m.title, description: describeModel(m), uri: m.uri }));
    return (await vscode.window.showQuickPick(items, { title: 'Export the threat model: which model?', placeHolder: 'Model to export' }))?.uri;
}
