import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

/**
 * Reports an import's or export's warnings (what the other format cannot hold) in the "Threat
 * Model Import/Export" output, one line each as the CLI prints them, with a notification that opens it.
 */
export function showConversionWarnings(done: string, warnings: readonly string[]): void {
    if (warnings.length === 0) {
        void vscode.window.showInformationMessage(`${done}.`);
        return;
    }
    channel ??= vscode.window.createOutputChannel('Threat Model Import/Export');
    channel.appendLine(`${done}:`);
    for (const warning of warnings) channel.appendLine(`  warning: ${warning}`);
    const count = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
    void vscode.window.showWarningMessage(`${done}, with ${count}: some facts are kept only as text.`, 'Show Warnings').then(choice => {
        if (choice) channel?.show(true);
    });
}

/** Closes the output channel with the extension. */
export function disposeConversionWarnings(): void {
    channel?.dispose();
    channel = undefined;
}
