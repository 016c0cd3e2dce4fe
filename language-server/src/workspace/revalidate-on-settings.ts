import type { LangiumSharedServices } from 'langium/lsp';
import { isBuiltinRules } from '../rules/builtin-document.js';
import type { ThreatModelConfigurationProvider } from './configuration.js';

/**
 * Revalidates every document when the user's severity settings change, so the Problems panel
 * follows at once. The rebuild goes through the workspace lock like every other build: run beside
 * the initial workspace build (VS Code sends the settings right after start-up), it raced with it
 * and published duplicate and false findings.
 */
export function revalidateOnSeverityChange(shared: LangiumSharedServices): void {
    const configuration = shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
    const fingerprint = (): string => JSON.stringify([...configuration.severityOverrides()]);
    let applied = fingerprint();
    configuration.onConfigurationSectionUpdate(() => {
        const current = fingerprint();
        if (current === applied) return;
        applied = current;
        // The built-in rule library is not read from disk: rebuilding it as changed would read it there.
        const uris = shared.workspace.LangiumDocuments.all.map(d => d.uri).filter(uri => !isBuiltinRules(uri)).toArray();
        shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris, [], token))
            .catch((error: unknown) => shared.lsp.Connection?.console.error(`tml: could not apply the severity settings: ${String(error)}`));
    });
}
