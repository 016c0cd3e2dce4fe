/// <reference types="vscode" />
import * as vscode from 'vscode';
import type { ExportFormat } from '../../../language-server/src/interop/export-model.js';
import { ExportModelRequest } from '../../../language-server/src/protocol.js';
import type { GeneratorServer } from './generate-scope.js';
import { requestWithProgress } from './generate-scope.js';
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
}

/** What "Export…" wrote, and what the format could not hold. */
export interface ExportOutcome {
    readonly file: string;
    readonly warnings: readonly string[];
}

/**
 * Registers "Threat Model: Export…": asks for the format and where to save, and writes the
 * workspace's model as `tml export` does (DESIGN.md §10).
 */
export function registerExportModelCommand(server: GeneratorServer): vscode.Disposable {
    return vscode.commands.registerCommand(EXPORT_MODEL_COMMAND, async (rawArgs?: unknown): Promise<ExportOutcome | undefined> => {
        const args: ExportArgs = typeof rawArgs === 'object' && rawArgs !== null && !(rawArgs instanceof vscode.Uri) ? rawArgs as ExportArgs : {};
        const picked = FORMATS.find(f => f.format === args.format)
            ?? await vscode.window.showQuickPick(FORMATS, { title: 'Export the threat model: which format?', placeHolder: 'Format to write' });
        if (!picked) return undefined;
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const out = typeof args.out === 'string' ? vscode.Uri.parse(args.out)
            : await vscode.window.showSaveDialog({ title: 'Export the threat model', saveLabel: 'Export', filters: { JSON: ['json'] }, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `threat-model${picked.suffix}`) } : {}) });
        if (!out) return undefined;
        const result = await requestWithProgress(server, 'Exporting the threat model', token => server.client.sendRequest(ExportModelRequest, { format: picked.format }, token));
        if (!result) return undefined;
        await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(result.content));
        showConversionWarnings(`Exported the model to ${out.path.slice(out.path.lastIndexOf('/') + 1)}`, result.warnings);
        return { file: out.toString(), warnings: result.warnings };
    });
}
