import type { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';

/**
 * Langium starts each rebuild after an edit without handling its failure; on Node 20 an unhandled
 * rejection ends the process, so one unexpected error took the language server down and VS Code
 * restarted it into the same file. This handler logs the error and keeps serving.
 */
export class ResilientDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly log: (message: string) => void;

    constructor(services: LangiumSharedServices) {
        super(services);
        const connection = services.lsp.Connection;
        this.log = message => (connection ? connection.console.error(message) : console.error(message));
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch((error: unknown) => {
                this.log(`tml: could not rebuild the threat model after a change: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
            });
    }
}
