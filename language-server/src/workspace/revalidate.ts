import type { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isBuiltinRules } from '../rules/builtin-document.js';

/** Every document of the workspace but the built-in rule library, which is not read from disk: rebuilding it as changed would read it there. */
export function workspaceModels(shared: LangiumSharedServices): URI[] {
    return shared.workspace.LangiumDocuments.all.map(d => d.uri).filter(uri => !isBuiltinRules(uri)).toArray();
}

/**
 * Rebuilds `uris` as changed, through the workspace lock like every other build: run beside the
 * initial workspace build (VS Code sends the settings right after start-up), a rebuild outside
 * the lock raced with it and published duplicate and false findings. A failure is logged, saying `what`
 * could not be done.
 */
export function rebuildLocked(shared: LangiumSharedServices, uris: URI[], what: string): void {
    shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token))
        .catch((error: unknown) => shared.lsp.Connection?.console.error(`tml: could not ${what}: ${String(error)}`));
}
