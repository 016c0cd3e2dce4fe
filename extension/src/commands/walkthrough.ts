import * as vscode from 'vscode';

/** The walkthrough contributed in package.json, and the command that opens it. */
export const WALKTHROUGH_ID = 'threatModel.gettingStarted';
export const OPEN_WALKTHROUGH_COMMAND = 'threatModel.openWalkthrough';

/** The globalState key that records that the walkthrough was opened once on activation. */
export const WALKTHROUGH_SHOWN_KEY = 'tml.walkthroughShown';

/**
 * Registers "Threat Model: Get Started", and opens the walkthrough on the first activation after
 * installing (see {@link openWalkthroughOnFirstActivation}).
 */
export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
    const walkthrough = `${context.extension.id}#${WALKTHROUGH_ID}`;
    void openWalkthroughOnFirstActivation(context, walkthrough);
    return vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, () =>
        vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthrough, false));
}

/**
 * VS Code opens an extension's walkthrough on install only when the install comes from its own
 * Extensions view, not for `code --install-extension` or a .vsix. So tml opens it once itself, the
 * first time it activates, unless the user turned walkthroughs on install off
 * (`workbench.welcomePage.walkthroughs.openOnInstall`). It opens `inactive`: behind the editor the
 * user opened (activation comes from opening a .tm file), never taking its place or its focus; in
 * an empty editor area it is the editor shown.
 */
async function openWalkthroughOnFirstActivation(context: vscode.ExtensionContext, walkthrough: string): Promise<void> {
    if (context.globalState.get<boolean>(WALKTHROUGH_SHOWN_KEY) === true) return;
    if (!vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return;
    await context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
    try {
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', walkthrough, { toSide: false, inactive: true });
    } catch {
        // An editor without walkthroughs (another VS Code build): "Get Started" stays in the palette.
    }
}
