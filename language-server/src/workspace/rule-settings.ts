import type { LangiumSharedServices } from 'langium/lsp';
import { isBuiltinRules } from '../rules/builtin-document.js';
import type { ThreatModelConfigurationProvider } from './configuration.js';
import type { ThreatModelWorkspaceIndex } from './model-index.js';

/**
 * Applies `threatModel.rules.builtin` to the rules in force, and revalidates every document when
 * it changes, through the workspace lock like every other build (revalidate-on-settings.ts says why).
 */
export function applyRuleSettings(shared: LangiumSharedServices, index: ThreatModelWorkspaceIndex): void {
    const configuration = shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
    configuration.onConfigurationSectionUpdate(() => {
        const sources = configuration.ruleSources();
        if (sources === index.ruleSources) return;
        index.ruleSources = sources;
        // The built-in library is not read from disk: rebuilding it as changed would read it there.
        const uris = shared.workspace.LangiumDocuments.all.map(d => d.uri).filter(uri => !isBuiltinRules(uri)).toArray();
        shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token))
            .catch((error: unknown) => shared.lsp.Connection?.console.error(`tml: could not apply threatModel.rules.builtin: ${String(error)}`));
    });
}
