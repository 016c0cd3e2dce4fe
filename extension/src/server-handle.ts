import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';

/**
 * What commands, views and the extension's API need of the language server: its current client, once
 * it has started. ThreatModelLanguageServer (language-client.ts) is the one implementation.
 */
export interface LanguageServerHandle {
    /**
     * Settles when the current language server has answered `initialize` (rejects if it could not
     * start). After a restart it waits for the new server.
     */
    ready(): Promise<void>;
    /** The client of the current language server, for sending requests to it directly. */
    readonly client: LanguageClient;
}

/** Changes to `.tm` files on disk, from the one file watcher the language server also hears from. */
export interface ModelFileEvents {
    /** Calls `listener` whenever a `.tm` file is created, changed or deleted on disk. */
    onDidChangeModelFiles(listener: () => void): vscode.Disposable;
}
