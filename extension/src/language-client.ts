import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node.js';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node.js';
import type { ThreatModelInitializationOptions } from '../../language-server/src/shared/protocol.js';
import { WorkspaceTrustedNotification } from '../../language-server/src/shared/protocol.js';
import { LANGUAGE_ID, MODEL_FILE_GLOB, SETTINGS_SECTION } from '../../language-server/src/shared/language.js';
import { languageServerNodeFlags } from '../../language-server/src/shared/server-launch.js';
import type { LanguageServerHandle, ModelFileEvents } from './server-handle.js';

/** Shown as the output channel's name and in the client's own error messages. */
export const CLIENT_NAME = 'Threat Model Language Server';

/** The bundled server (scripts/bundle.mjs), relative to the extension's root folder. */
const SERVER_BUNDLE = ['out', 'language-server', 'main.cjs'] as const;

/**
 * Owns the language client across restarts. A client whose start failed cannot be started again
 * (vscode-languageclient throws "Previous start failed"), so a restart always builds a fresh client;
 * the output channel and the file watcher outlive the clients so that logs and events are not lost.
 */
export class ThreatModelLanguageServer implements LanguageServerHandle, ModelFileEvents {
    private readonly outputChannel: vscode.OutputChannel;
    private readonly fileWatcher: vscode.FileSystemWatcher;
    private readonly trustListener: vscode.Disposable;
    private current: LanguageClient;
    private starting: Promise<void>;
    private restarting: Promise<void> | undefined;
    private readonly clientListeners: ((client: LanguageClient) => void)[] = [];

    constructor(private readonly context: vscode.ExtensionContext) {
        this.outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
        this.fileWatcher = vscode.workspace.createFileSystemWatcher(MODEL_FILE_GLOB);
        // The server runs git (tm/implementation-stale) only in a trusted workspace.
        this.trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => {
            this.starting.then(() => this.current.sendNotification(WorkspaceTrustedNotification)).catch(() => undefined);
        });
        this.current = this.createClient();
        this.starting = this.startCurrent();
    }

    /** The client of the server that is running or starting now. */
    get client(): LanguageClient {
        return this.current;
    }

    /** Calls `listener` with the current client and with every client a restart creates. */
    onClient(listener: (client: LanguageClient) => void): void {
        this.clientListeners.push(listener);
        listener(this.current);
    }

    /** {@inheritDoc ModelFileEvents.onDidChangeModelFiles} */
    onDidChangeModelFiles(listener: () => void): vscode.Disposable {
        return vscode.Disposable.from(
            this.fileWatcher.onDidCreate(listener),
            this.fileWatcher.onDidChange(listener),
            this.fileWatcher.onDidDelete(listener),
        );
    }

    /** Settles when the current server has answered `initialize`. */
    ready(): Promise<void> {
        return this.starting;
    }

    /**
     * Stops the current server, whatever state it is in, and starts a new one. Calls made while a
     * restart is under way join it instead of starting a second server.
     */
    restart(): Promise<void> {
        this.restarting ??= this.replaceClient().finally(() => {
            this.restarting = undefined;
        });
        return this.restarting;
    }

    /** Shuts the server down; `deactivate` returns this promise so VS Code waits for it. */
    async stop(): Promise<void> {
        await this.settle();
        this.trustListener.dispose();
        this.fileWatcher.dispose();
        this.outputChannel.dispose();
    }

    private async replaceClient(): Promise<void> {
        await this.settle();
        this.current = this.createClient();
        for (const listener of this.clientListeners) listener(this.current);
        this.starting = this.startCurrent();
        await this.starting;
    }

    /** Waits for the current client to finish starting (or failing), then disposes it. */
    private async settle(): Promise<void> {
        await this.starting.catch(() => undefined);
        // A client whose start failed has no connection to shut down and says so by throwing.
        await this.current.dispose().catch(() => undefined);
    }

    private startCurrent(): Promise<void> {
        const starting = this.current.start();
        // The client reports a failed start itself; this keeps the rejection from also surfacing as
        // an unhandled one in the shared extension host when nobody awaits `ready()`.
        starting.catch(() => undefined);
        return starting;
    }

    private createClient(): LanguageClient {
        const serverModule = this.context.asAbsolutePath(SERVER_BUNDLE.join('/'));
        const flags = languageServerNodeFlags(availableParallelism());
        const serverOptions: ServerOptions = {
            run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: flags } },
            // Used when the extension host itself runs under a debugger (F5): attach to port 6009.
            debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...flags, '--nolazy', '--inspect=6009'] } },
        };
        const clientOptions: LanguageClientOptions = {
            documentSelector: [
                { scheme: 'file', language: LANGUAGE_ID },
                { scheme: 'untitled', language: LANGUAGE_ID },
            ],
            synchronize: {
                configurationSection: SETTINGS_SECTION,
                // References resolve across the workspace, so the server must hear about .tm files
                // that change on disk without being open.
                fileEvents: this.fileWatcher,
            },
            outputChannel: this.outputChannel,
            initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted } satisfies ThreatModelInitializationOptions,
        };
        return new LanguageClient(SETTINGS_SECTION, CLIENT_NAME, serverOptions, clientOptions);
    }
}
