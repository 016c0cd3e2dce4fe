import * as vscode from 'vscode';
import { starterModel, starterModelPath } from '../../../language-server/src/shared/starter-model.js';
import { LANGUAGE_ID, MODEL_FILE_GLOB } from '../../../language-server/src/shared/language.js';

/** The command id contributed in package.json. */
export const NEW_THREAT_MODEL_COMMAND = 'threatModel.newThreatModel';

/**
 * Registers "Threat Model: New Threat Model…": asks for the system's name and opens the starter
 * model of `tml init` (shared/starter-model.ts), saved where `tml init` would write it in the
 * workspace folder: threat-model.tm, or <system-name>/threat-model.tm when the folder holds models
 * already (-2, -3… when that is taken: it never replaces a file); untitled when no folder is open.
 */
export function registerNewThreatModelCommand(): vscode.Disposable {
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
        const text = starterModel(title);
        const document = folder
            ? await vscode.workspace.openTextDocument(await writeNewFile(folder, title, text))
            : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
        await vscode.window.showTextDocument(document);
    });
}

async function chooseFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return folders.length > 1 ? vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder to create the threat model in' }) : folders[0];
}

/** Writes `text` where `tml init` would, or beside it with -2, -3… when that file exists. */
async function writeNewFile(folder: vscode.WorkspaceFolder, title: string, text: string): Promise<vscode.Uri> {
    const hasModels = (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, MODEL_FILE_GLOB), '**/node_modules/**', 1)).length > 0;
    const wanted = starterModelPath(title, hasModels);
    for (let n = 1; ; n++) {
        const relative = n === 1 ? wanted : wanted.replace(/^([^/]*?)(\/|\.tm$)/, `$1-${n}$2`);
        const uri = vscode.Uri.joinPath(folder.uri, relative);
        const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
        if (!exists) {
            await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
            return uri;
        }
    }
}
