import * as vscode from 'vscode';
import { ImportModelRequest } from '../../../language-server/src/shared/protocol.js';
import type { DfdPreviewSnapshot } from '../dfd-preview/panel.js';
import type { LanguageServerHandle } from '../server-handle.js';
import { requestWithProgress } from './generate-scope.js';
import { showConversionWarnings } from './interop-warnings.js';

/** The command id contributed in package.json. */
export const IMPORT_MODEL_COMMAND = 'threatModel.importModel';

/** What "Import…" did: the model it wrote and opened, the warnings, and what the DFD preview shows. */
export interface ImportOutcome {
    readonly model: string;
    readonly warnings: readonly string[];
    readonly preview: DfdPreviewSnapshot | undefined;
}

/** The files the command offers: OTM and Threat Dragon JSON, and the Threat Modeling Tool's `.tm7`. */
const FILTERS = { 'Threat models (OTM, Threat Dragon, Threat Modeling Tool)': ['json', 'otm', 'tm7'] };

/**
 * Registers "Threat Model: Import…" (palette, and the explorer's context menu on `.json`, `.otm`
 * and `.tm7` files, which passes the file): the language server converts the file (docs/language.md#import-and-export),
 * the model is written beside it as `<name>.tm` (never over an existing file) and opened with its
 * DFD preview; warnings go to the "Threat Model Import/Export" output.
 */
export function registerImportModelCommand(server: LanguageServerHandle): vscode.Disposable {
    return vscode.commands.registerCommand(IMPORT_MODEL_COMMAND, async (resource?: unknown): Promise<ImportOutcome | undefined> => {
        const source = resource instanceof vscode.Uri ? resource
            : (await vscode.window.showOpenDialog({ title: 'Import a threat model', canSelectMany: false, filters: FILTERS, openLabel: 'Import' }))?.[0];
        if (!source) return undefined;
        const name = source.path.slice(source.path.lastIndexOf('/') + 1);
        const result = await requestWithProgress(server, `Importing ${name}`, token => server.client.sendRequest(ImportModelRequest, { uri: source.toString() }, token));
        if (!result) return undefined;
        const target = await freeFileBeside(source, `${name.replace(/(\.(json|otm|tm7))+$/i, '') || 'imported'}`);
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
        const document = await vscode.workspace.openTextDocument(target);
        await vscode.window.showTextDocument(document, { preview: false });
        showConversionWarnings(`Imported ${name} into ${target.path.slice(target.path.lastIndexOf('/') + 1)}`, result.warnings);
        const preview = await vscode.commands.executeCommand<DfdPreviewSnapshot | undefined>('threatModel.openDfdPreview', target);
        return { model: target.toString(), warnings: result.warnings, preview };
    });
}

/** `<stem>.tm` in the source's folder, or `<stem>-2.tm`, `<stem>-3.tm`… when that exists. */
async function freeFileBeside(source: vscode.Uri, stem: string): Promise<vscode.Uri> {
    const folder = vscode.Uri.joinPath(source, '..');
    for (let n = 1; ; n++) {
        const candidate = vscode.Uri.joinPath(folder, `${stem}${n === 1 ? '' : `-${n}`}.tm`);
        const exists = await vscode.workspace.fs.stat(candidate).then(() => true, () => false);
        if (!exists) return candidate;
    }
}
