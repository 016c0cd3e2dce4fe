import type { ThreatModelInitializationOptions } from '../shared/protocol.js';
import { WorkspaceTrustedNotification } from '../shared/protocol.js';
import type { Listener, ThreatModelServices } from '../threat-model-module.js';
import { rebuildLocked } from './revalidate.js';

/**
 * In the language server, refreshes the staleness of implementation files in the background
 * (workspace/staleness.ts) and revalidates a model when git's answer about it changed.
 * Models that are deleted are forgotten. In a workspace VS Code says is not trusted, git does not
 * run until the user trusts it.
 */
export class StaleRevalidation implements Listener {
    constructor(private readonly services: ThreatModelServices) {}

    start(): void {
        const { shared } = this.services;
        const staleness = this.services.workspace.Staleness;
        if (!staleness.enabled) return;
        const documents = shared.workspace.LangiumDocuments;
        staleness.refreshInBackground(uri => {
            if (documents.hasDocument(uri)) rebuildLocked(shared, [uri], 'revalidate after a git change');
        });
        shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => staleness.forget(uri)));
        shared.lsp.LanguageServer.onInitialize(params => {
            const options = params.initializationOptions as ThreatModelInitializationOptions | undefined;
            staleness.allowGit(options?.workspaceTrusted !== false);
        });
        shared.lsp.Connection?.onNotification(WorkspaceTrustedNotification, () => {
            staleness.allowGit(true);
            rebuildLocked(shared, documents.all.map(d => d.uri).toArray(), 'revalidate after a git change');
        });
    }
}
