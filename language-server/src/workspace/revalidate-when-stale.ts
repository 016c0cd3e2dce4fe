import type { LangiumSharedServices } from 'langium/lsp';
import type { StalenessTracker } from './staleness.js';

/**
 * In the language server, refreshes the staleness of implementation files in the background
 * (see {@link StalenessTracker}) and revalidates a model when git's answer about it changed, through
 * the workspace lock like every other build. Models that are deleted are forgotten.
 */
export function revalidateWhenStale(shared: LangiumSharedServices, staleness: StalenessTracker): void {
    if (!staleness.enabled) return;
    staleness.refreshInBackground(uri => {
        if (!shared.workspace.LangiumDocuments.hasDocument(uri)) return;
        shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([uri], [], token))
            .catch((error: unknown) => shared.lsp.Connection?.console.error(`tml: could not revalidate ${uri.toString()} after a git change: ${String(error)}`));
    });
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => deleted.forEach(uri => staleness.forget(uri)));
}
