import * as vscode from 'vscode';
import type { ThreatModelLanguageServer } from '../language-client.js';

/** The command id contributed in package.json. */
export const RESTART_SERVER_COMMAND = 'threatModel.restartServer';

/** Registers "Threat Model: Restart Language Server". */
export function registerRestartServerCommand(server: ThreatModelLanguageServer): vscode.Disposable {
    return vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
        try {
            await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: 'Restarting the Threat Model language server' },
                () => server.restart(),
            );
        } catch (error) {
            const reason = error instanceof Error ? error.message : String(error);
            void vscode.window.showErrorMessage(`The Threat Model language server did not restart: ${reason}`);
        }
    });
}
