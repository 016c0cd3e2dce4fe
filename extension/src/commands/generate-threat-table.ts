import * as vscode from 'vscode';
import type { TableFormat } from '../../../language-server/src/shared/formats.js';
import { ThreatTableRequest } from '../../../language-server/src/shared/protocol.js';
import type { TablePreviewSnapshot } from '../table-preview/table-panel.js';
import { TablePreviewPanel } from '../table-preview/table-panel.js';
import type { LanguageServerHandle } from '../server-handle.js';
import { commandArgs, pickScope, requestWithProgress, showGenerated } from './generate-scope.js';

/** The command id contributed in package.json. */
export const GENERATE_THREAT_TABLE_COMMAND = 'threatModel.generateThreatTable';

interface FormatItem extends vscode.QuickPickItem {
    readonly format: TableFormat;
    readonly language: string;
}

const FORMATS: readonly FormatItem[] = [
    { label: 'Markdown', description: '.md, with its preview', format: 'md', language: 'markdown' },
    { label: 'CSV', description: '.csv, for spreadsheets', format: 'csv', language: 'plaintext' },
    { label: 'HTML', description: 'rendered beside the model; open it in a browser or save it from the title bar', format: 'html', language: 'html' },
    { label: 'JSON', description: '.json, for scripts', format: 'json', language: 'json' },
];

/**
 * Registers "Threat Model: Generate Threat Table": asks for the scope and the format, has the
 * language server generate the table (docs/language.md#outputs) and opens it beside the model. Resolves to
 * the opened document (HTML: what the rendered table panel shows), or `undefined` when the user
 * cancels.
 */
export function registerGenerateThreatTableCommand(server: LanguageServerHandle): vscode.Disposable {
    return vscode.commands.registerCommand(GENERATE_THREAT_TABLE_COMMAND, async (rawArgs?: unknown): Promise<vscode.TextDocument | TablePreviewSnapshot | undefined> => {
        const args = commandArgs(rawArgs);
        const picked = await pickScope(server, args, 'Generate Threat Table');
        if (!picked) return undefined;
        const format = FORMATS.find(f => f.format === args.format)
            ?? await vscode.window.showQuickPick(FORMATS, { title: 'Generate Threat Table: which format?', placeHolder: 'Format of the table' });
        if (!format) return undefined;
        const result = await requestWithProgress(server, 'Generating the threat table', token =>
            server.client.sendRequest(ThreatTableRequest, { scope: picked.scope, format: format.format }, token));
        if (result && format.format === 'html') return TablePreviewPanel.show(result.content, picked.folder);
        return result && showGenerated(result.content, picked.folder, `threat-list.${format.format}`, format.language);
    });
}
