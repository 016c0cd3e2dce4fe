import type { FileSystemProvider, TextDocument } from 'langium';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { Connection, TextDocumentChangeEvent } from 'vscode-languageserver';
import { ThreatModelLanguageLanguageMetaData } from '../generated/module.js';
import { internalErrorDiagnostic } from '../validation/internal-error.js';
import { errorSummary } from '../validation/quote.js';

/**
 * Langium's update handler, made robust in two ways:
 *
 * - Langium starts each rebuild after an edit without handling its failure; on Node 20 an
 *   unhandled rejection ends the process, so one unexpected error took the language server down
 *   and VS Code restarted it into the same file. This handler logs the error and keeps serving.
 * - Langium keeps a closed document in the workspace and reads it from disk when it next needs
 *   its text. A closed untitled document, or a file deleted while it was open, is not on disk: its
 *   names and threats stayed in every other file's findings, and the builds that touched it failed
 *   (an untitled one, with neither a language id nor a `.tm` name any more, failed every later
 *   build with "The service registry contains no services for the extension ''"; one to re-read
 *   failed to read). Such a document leaves the workspace when it is closed.
 *
 * A failed rebuild also publishes `tm/internal-error` on each changed file: a failure of
 * tml never shows as a file without findings.
 */
export class ResilientDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly log: (message: string) => void;
    private readonly fileSystem: FileSystemProvider;
    private readonly connection: Connection | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        const connection = services.lsp.Connection;
        this.connection = connection;
        this.log = message => (connection ? connection.console.error(message) : console.error(message));
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // Checked at once, not later: the removal must be queued before the update of a reopening.
        if (!this.existsOnDisk(uri)) this.fireDocumentUpdate([], [uri]);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch((error: unknown) => {
                this.log(`tml: could not rebuild the threat model after a change: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
                // The changed files were not checked: say so in each, rather than show no findings or stale ones.
                const diagnostics = [internalErrorDiagnostic(`the build failed: ${errorSummary(error)}`, ThreatModelLanguageLanguageMetaData.languageId)];
                for (const uri of changed) void this.connection?.sendDiagnostics({ uri: uri.toString(), diagnostics });
            });
    }

    private existsOnDisk(uri: URI): boolean {
        if (uri.scheme !== 'file') return false;
        try {
            return this.fileSystem.existsSync(uri);
        } catch {
            return false;
        }
    }
}
