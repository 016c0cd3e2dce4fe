import type { Listener, ThreatModelServices } from '../threat-model-module.js';
import { rebuildLocked, workspaceModels } from './revalidate.js';

/** Applies `threatModel.rules.builtin` to the rules in force, and revalidates every document when it changes. */
export class RuleSettings implements Listener {
    constructor(private readonly services: ThreatModelServices) {}

    start(): void {
        const { shared } = this.services;
        const index = this.services.workspace.ModelIndex;
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(() => {
            const sources = configuration.ruleSources();
            if (sources === index.ruleSources) return;
            index.ruleSources = sources;
            rebuildLocked(shared, workspaceModels(shared), 'apply threatModel.rules.builtin');
        });
    }
}
