/// <reference types="vscode" />
import * as vscode from 'vscode';

/** The walkthrough contributed in package.json, and the command that opens it. */
export const WALKTHROUGH_ID = 'threatModel.gettingStarted';
export const OPEN_WALKTHROUGH_COMMAND = 'threatModel.openWalkthrough';

/**
 * Registers "Threat Model: Get Started". The first time after installing, VS Code opens the
 * walkthrough itself (its setting `workbench.welcomePage.walkthroughs.openOnInstall`), without taking
 * the focus from the editor: the extension does not open it a second time.
 */
export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
    return vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, () =>
        vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false));
}
