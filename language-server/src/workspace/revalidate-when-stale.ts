import type { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { ThreatModelInitializationOptions } from '../shared/protocol.js';
import { WorkspaceTrustedNotification } from '../shared/protocol.js';
import type { StalenessTracker } from './staleness.js';

/**
 * In the language server, refreshes the staleness of implementation files in the background
 * (see {@link StalenessTracker}) and revalidates a model when git's answer about it changed, through
 * the workspace lock like every other build. Models that are deleted are forgotten. In a workspace
 * VS Code says is not trusted, git does not run until the user trusts it.
 */
export function revalidateWhenStale(shared: LangiumSharedServices, staleness: StalenessTracker): void {
    if (!staleness.enabled) return;
    const revalidate = (uris: URI[]): void => {
        shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token))
            .catch((error: unknown) => shared.lsp.Connection?.console.error(`tml: could not revalidate after a git change: ${String(error)}`));
    };
    staleness.refreshInBackground(uri => {
        if (shared.workspace.LangiumDocuments.hasDocument(uri)) revalidate([uri]);
    });
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => staleness.forget(uri)));
    shared.lsp.LanguageServer.onInitialize(params => {
        const options = params.initializationOptions as ThreatModelInitializationOptions | undefined;
        staleness.allowGit(options?.workspaceTrusted !== false);
    });
    shared.lsp.Connection?.onNotification(WorkspaceTrustedNotification, () => {
        staleness.allowGit(true);
        revalidate(shared.workspace.LangiumDocuments.all.map(d => d.uri).toArray());
    });
}
