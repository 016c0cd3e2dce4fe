import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../../language-server/src/shared/language.js';
import type { DfdPreviewSnapshot, DfdServer } from '../dfd-preview/panel.js';
import { DfdPreviewPanel } from '../dfd-preview/panel.js';
import { DFD_PREVIEW_VIEW_TYPE, parsePreviewState } from '../dfd-preview/messages.js';

/** The command id contributed in package.json. */
export const OPEN_DFD_PREVIEW_COMMAND = 'threatModel.openDfdPreview';

/** The schemes the language client serves (language-client.ts). */
const MODEL_SCHEMES = ['file', 'untitled'];

/**
 * Registers "Threat Model: Open DFD Preview" (palette, and the editor-title button that passes
 * the file's URI) and the serializer that restores the preview after VS Code restarts. The
 * command resolves, once the diagram has reached the webview, to what it shows.
 */
export function registerDfdPreview(context: vscode.ExtensionContext, server: DfdServer): vscode.Disposable {
    const command = vscode.commands.registerCommand(OPEN_DFD_PREVIEW_COMMAND, (resource?: unknown): Promise<DfdPreviewSnapshot> | undefined => {
        const uri = resource instanceof vscode.Uri && MODEL_SCHEMES.includes(resource.scheme) ? resource : activeModelUri();
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .tm file to preview its data flow diagram.');
            return undefined;
        }
        return DfdPreviewPanel.show(context.extensionUri, server, uri);
    });
    const serializer = vscode.window.registerWebviewPanelSerializer(DFD_PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
            // The state was written by the webview: parse it like any other untrusted input.
            const saved = parsePreviewState(state);
            const savedUri = saved ? vscode.Uri.parse(saved.uri, false) : undefined;
            const uri = savedUri && MODEL_SCHEMES.includes(savedUri.scheme) ? savedUri : activeModelUri();
            if (!uri) panel.dispose();
            else new DfdPreviewPanel(panel, context.extensionUri, server, uri, saved?.scenario ?? null);
            return Promise.resolve();
        },
    });
    return vscode.Disposable.from(command, serializer, { dispose: () => DfdPreviewPanel.current?.dispose() });
}

function activeModelUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}
