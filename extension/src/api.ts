import type { LanguageClient } from 'vscode-languageclient/node.js';
import type { ThreatModelInfo } from '../../language-server/src/shared/protocol.js';

/**
 * What `activate` returns, for the integration tests and for other extensions
 * (`vscode.extensions.getExtension<ThreatModelExtensionApi>(id).exports`).
 */
export interface ThreatModelExtensionApi {
    /**
     * Settles when the current language server has answered `initialize` (rejects if it could not
     * start). After a restart it waits for the new server.
     */
    ready(): Promise<void>;
    /** The client of the current language server, for sending requests to it directly. */
    readonly client: LanguageClient;
    /** The model the status bar item names (the active `.tm` file's), `undefined` while it is hidden. */
    readonly modelStatus: ThreatModelInfo | undefined;
}
