import * as vscode from 'vscode';
import { bugUrlTemplateProblem, parseBugUrlTemplate } from '../../language-server/src/shared/bug-url.js';
import { SETTINGS_SECTION } from '../../language-server/src/shared/language.js';

/** The setting, in tml's section (`threatModel`), that links bugs to the tracker. */
export const BUG_URL_SETTING = 'bugUrl';

/**
 * Warns, once per value, when `threatModel.bugUrl` is not an http(s) template with `{bug}`: the
 * server then links no bug (workspace/configuration.ts), and the user should know why.
 */
export function registerBugUrlWarning(): vscode.Disposable {
    let warned: string | undefined;
    const check = (): void => {
        const text = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>(BUG_URL_SETTING, '');
        if (typeof text !== 'string' || text.trim() === '' || text === warned) return;
        const parsed = parseBugUrlTemplate(text);
        if (!('error' in parsed)) return;
        warned = text;
        const message = `threatModel.bugUrl: ${bugUrlTemplateProblem(text, parsed.error)}. Until then bugs are not linked.`;
        void vscode.window.showWarningMessage(message, 'Open Settings').then(choice => {
            if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.${BUG_URL_SETTING}`);
        });
    };
    check();
    return vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.${BUG_URL_SETTING}`)) check();
    });
}
