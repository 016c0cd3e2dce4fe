/// <reference types="vscode" />
import * as vscode from 'vscode';

/** The walkthrough contributed in package.json, and the command that opens it. */
export const WALKTHROUGH_ID = 'threatModel.gettingStarted';
export const OPEN_WALKTHROUGH_COMMAND = 'threatModel.openWalkthrough';
const SHOWN_KEY = 'threatModel.walkthroughShown';

function openWalkthrough(context: vscode.ExtensionContext, toSide: boolean): Thenable<unknown> {
    return vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, toSide);
}

/**
 * Registers "Threat Model: Get Started", and opens the walkthrough beside the editor the first time
 * a threat model is shown after the extension was installed, as VS Code does for a walkthrough of an
 * extension installed from its UI (and as its setting `workbench.welcomePage.walkthroughs.openOnInstall`
 * allows). It waits for a model in the editor: when "New Threat Model…" activates the extension, its
 * name prompt keeps the keyboard until the model is written.
 */
export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
    const command = vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, () => openWalkthrough(context, false));
    const openOnFirstStart = vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true);
    if (!openOnFirstStart || context.globalState.get<boolean>(SHOWN_KEY)) return command;
    const showsModel = (editor: vscode.TextEditor | undefined): boolean => editor?.document.languageId === 'threat-model';
    const openOnce = (): void => {
        watch.dispose();
        void context.globalState.update(SHOWN_KEY, true);
        void openWalkthrough(context, true);
    };
    const watch = vscode.window.onDidChangeActiveTextEditor(editor => {
        if (showsModel(editor)) openOnce();
    });
    if (showsModel(vscode.window.activeTextEditor)) openOnce();
    return vscode.Disposable.from(command, watch);
}
