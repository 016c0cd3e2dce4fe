import type { ThreatModelInfo } from '../../language-server/src/shared/protocol.js';
import type { DfdPreviewSnapshot } from './dfd-preview/panel.js';
import type { LanguageServerHandle } from './server-handle.js';

/**
 * What `activate` returns, for the integration tests and for other extensions
 * (`vscode.extensions.getExtension<ThreatModelExtensionApi>(id).exports`).
 */
export interface ThreatModelExtensionApi extends LanguageServerHandle {
    /** The model the status bar item names (the active `.tm` file's), `undefined` while it is hidden. */
    readonly modelStatus: ThreatModelInfo | undefined;
    /** What the DFD preview shows now (the last diagram its webview received), `undefined` while it is closed. */
    readonly dfdPreview: DfdPreviewSnapshot | undefined;
}
