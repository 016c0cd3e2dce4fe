import type { Listener, ThreatModelSharedServices } from '../threat-model-module.js';
import { rebuildLocked, workspaceModels } from './revalidate.js';

/** Revalidates every document when the user's severity settings change, so the Problems panel follows at once. */
export class SeverityRevalidation implements Listener {
    constructor(private readonly shared: ThreatModelSharedServices) {}

    start(): void {
        const configuration = this.shared.workspace.ConfigurationProvider;
        const fingerprint = (): string => JSON.stringify([...configuration.severityOverrides()]);
        let applied = fingerprint();
        configuration.onConfigurationSectionUpdate(() => {
            const current = fingerprint();
            if (current === applied) return;
            applied = current;
            rebuildLocked(this.shared, workspaceModels(this.shared), 'apply the severity settings');
        });
    }
}
