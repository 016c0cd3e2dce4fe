import * as vscode from 'vscode';
import type { ThreatModelInfo } from '../../language-server/src/shared/protocol.js';
import { ModelOfRequest, ModelsChangedNotification } from '../../language-server/src/shared/protocol.js';
import { LANGUAGE_ID } from '../../language-server/src/shared/language.js';
import { OPEN_DFD_PREVIEW_COMMAND } from './commands/open-dfd-preview.js';
import { describeModel } from './commands/generate-scope.js';
import type { ThreatModelLanguageServer } from './language-client.js';

/** The status bar item's id (its entry in the status bar's context menu). */
export const MODEL_STATUS_ID = 'threatModel.model';

/**
 * A status bar item that names the threat model (docs/language.md#models-in-a-workspace) the active `.tm` file belongs to:
 * its system, with the model's folder and file count on hover; a click opens the model's DFD.
 * It follows the active editor, and the server's `threatModel/modelsChanged` (a `system` added or
 * removed, a file moved). {@link ModelStatus.shown} tells tests what it shows.
 */
export class ModelStatus implements vscode.Disposable {
    private readonly item = vscode.window.createStatusBarItem(MODEL_STATUS_ID, vscode.StatusBarAlignment.Left, 10);
    private readonly disposables: vscode.Disposable[] = [];
    private requests = 0;
    /** The model shown, or `undefined` while hidden. */
    shown: ThreatModelInfo | undefined;

    constructor(private readonly server: ThreatModelLanguageServer) {
        this.item.name = 'Threat Model';
        this.item.command = OPEN_DFD_PREVIEW_COMMAND;
        // No active text editor: a webview (the DFD preview) or a panel has the focus; keep the model shown.
        this.disposables.push(this.item, vscode.window.onDidChangeActiveTextEditor(editor => editor && void this.update()));
        // A restarted server is a new client: listen to each one.
        server.onClient(client => client.onNotification(ModelsChangedNotification, () => void this.update()));
        void this.update();
    }

    /** Shows the active file's model, or hides the item when the active editor is not a model. */
    async update(): Promise<void> {
        const number = ++this.requests;
        const document = vscode.window.activeTextEditor?.document;
        if (!document) return;
        if (document.languageId !== LANGUAGE_ID) return this.hide();
        try {
            await this.server.ready();
            const model = await this.server.client.sendRequest(ModelOfRequest, { uri: document.uri.toString() });
            if (number !== this.requests) return;
            if (!model) return this.hide();
            this.shown = model;
            this.item.text = `$(shield) ${model.system ?? model.folder}`;
            this.item.tooltip = `Threat model: ${model.title} (${describeModel(model)}). Click to open its data flow diagram.`;
            this.item.accessibilityInformation = { label: `Threat model ${model.title}` };
            this.item.show();
        } catch {
            // The server is restarting or stopped; its next start updates the item.
            if (number === this.requests) this.hide();
        }
    }

    private hide(): void {
        this.shown = undefined;
        this.item.hide();
    }

    dispose(): void {
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }
}
