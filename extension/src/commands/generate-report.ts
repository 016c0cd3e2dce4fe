import * as vscode from 'vscode';
import { diagramsFolderFor } from '../../../language-server/src/shared/report-image-files.js';
import type { ReportImage } from '../../../language-server/src/shared/report-image-files.js';
import { SecurityReportRequest } from '../../../language-server/src/shared/protocol.js';
import type { LanguageServerHandle } from '../server-handle.js';
import { commandArgs, pickScope, requestWithProgress, showGenerated } from './generate-scope.js';

/** The command id contributed in package.json. */
export const GENERATE_REPORT_COMMAND = 'threatModel.generateReport';

const REPORT_FILE_NAME = 'security-model.md';

/**
 * What the report command takes besides the scope, for keybindings and tests: `out`, the report
 * file's URI (skips the save dialog); `diagrams: 'mermaid'` for Mermaid blocks in an unsaved
 * document instead of SVG files beside a saved one.
 */
interface ReportArgs {
    readonly out?: vscode.Uri;
    readonly diagrams: 'svg' | 'mermaid';
}

function reportArgs(value: unknown): ReportArgs {
    const { out, diagrams } = typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
    return { ...(typeof out === 'string' ? { out: vscode.Uri.parse(out, true) } : {}), diagrams: diagrams === 'mermaid' ? 'mermaid' : 'svg' };
}

/**
 * Registers "Threat Model: Generate Security Model Report": asks for the scope and where to save
 * the report, has the language server write it (the same document as `tml report --out`), writes
 * the report and its diagrams (SVG files in `<name>-diagrams/` beside it, which VS Code's Markdown
 * preview shows as images) and opens it with its preview. Resolves to the opened document, or
 * `undefined` when the user cancels.
 */
export function registerGenerateReportCommand(server: LanguageServerHandle): vscode.Disposable {
    return vscode.commands.registerCommand(GENERATE_REPORT_COMMAND, async (rawArgs?: unknown): Promise<vscode.TextDocument | undefined> => {
        const args = reportArgs(rawArgs);
        const picked = await pickScope(server, commandArgs(rawArgs), 'Generate Security Model Report');
        if (!picked) return undefined;
        if (args.diagrams === 'mermaid') {
            const result = await requestWithProgress(server, 'Generating the security model report', token =>
                server.client.sendRequest(SecurityReportRequest, { scope: picked.scope }, token));
            return result && showGenerated(result.content, picked.folder, REPORT_FILE_NAME, 'markdown');
        }
        // An unsaved document cannot show images beside it: the report is saved first.
        const target = args.out ?? await vscode.window.showSaveDialog({
            title: 'Generate Security Model Report: save the report (its diagrams go beside it)',
            saveLabel: 'Save Report',
            filters: { Markdown: ['md'] },
            ...(picked.folder ? { defaultUri: vscode.Uri.joinPath(picked.folder, REPORT_FILE_NAME) } : {}),
        });
        if (!target) return undefined;
        const imagesFolder = diagramsFolderFor(target.path);
        const result = await requestWithProgress(server, 'Generating the security model report', token =>
            server.client.sendRequest(SecurityReportRequest, { scope: picked.scope, imagesFolder }, token));
        if (!result) return undefined;
        try {
            await writeReport(target, result.content, result.images);
        } catch (error) {
            void vscode.window.showErrorMessage(`Could not save the security model report to ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
        const document = await vscode.workspace.openTextDocument(target);
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        await vscode.commands.executeCommand('markdown.showPreview', document.uri);
        return document;
    });
}

/** Writes the diagrams into their folder beside the report, then the report. */
async function writeReport(target: vscode.Uri, markdown: string, images: readonly ReportImage[]): Promise<void> {
    const folder = vscode.Uri.joinPath(target, '..');
    const encoder = new TextEncoder();
    for (const image of images) {
        const file = vscode.Uri.joinPath(folder, ...image.path.split('/'));
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
        await vscode.workspace.fs.writeFile(file, encoder.encode(image.svg));
    }
    await vscode.workspace.fs.writeFile(target, encoder.encode(markdown));
}
