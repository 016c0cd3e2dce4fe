/// <reference types="vscode" />
import * as vscode from 'vscode';
import { STARTER_MODEL_FILE, starterModel } from '../../../language-server/src/generator/starter-model.js';
import type { ThreatModelLanguageServer } from '../language-client.js';

/** The command id contributed in package.json. */
export const NEW_THREAT_MODEL_COMMAND = 'threatModel.newThreatModel';

/**
 * Registers "Threat Model: New Threat Model…": asks for the system's name and opens the starter
 * model of `tml init` (generator/starter-model.ts), saved as threat-model.tm in the workspace folder
 * (threat-model-2.tm… when taken: it never replaces a file), or untitled when no folder is open.
 * Names are global in a workspace: the names the server knows already are numbered (`Backend2`).
 */
export function registerNewThreatModelCommand(server: ThreatModelLanguageServer): vscode.Disposable {
    return vscode.commands.registerCommand(NEW_THREAT_MODEL_COMMAND, async () => {
        const title = await vscode.window.showInputBox({
            title: 'New Threat Model',
            prompt: 'The name of the system to model',
            placeHolder: 'Online Store',
            ignoreFocusOut: true,
            validateInput: value => (value.trim() === '' ? 'Give the system a name.' : undefined),
        });
        if (title === undefined) return;
        const folder = await chooseFolder();
        const text = starterModel(title, await declaredNames(server));
        const document = folder
            ? await vscode.workspace.openTextDocument(await writeNewFile(folder.uri, text))
            : await vscode.workspace.openTextDocument({ language: 'threat-model', content: text });
        await vscode.window.showTextDocument(document);
    });
}

/** The names the workspace declares, from the server's index (a workspace symbol query for everything). */
async function declaredNames(server: ThreatModelLanguageServer): Promise<Set<string>> {
    await server.ready();
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', '');
    return new Set((symbols ?? []).map(symbol => symbol.name));
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length > 1 ? vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder to create the threat model in' }) : folders[0];
}

/** Writes `text` to the first of threat-model.tm, threat-model-2.tm… that does not exist in `folder`. */
async function writeNewFile(folder: vscode.Uri, text: string): Promise<vscode.Uri> {
    const stem = STARTER_MODEL_FILE.replace(/\.tm$/, '');
    for (let n = 1; ; n++) {
        const uri = vscode.Uri.joinPath(folder, n === 1 ? STARTER_MODEL_FILE : `${stem}-${n}.tm`);
        const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
        if (!exists) {
            await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
            return uri;
        }
    }
}
