import type { ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, MultiMapScope, WorkspaceCache } from 'langium';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ModelRoots } from '../workspace/model-roots.js';

/**
 * References resolve within one model (DESIGN.md §9): the global scope of a reference holds the
 * names of the documents of its own model only. One scope per model and reference type, cached
 * until the next change, so linking stays one lookup per reference.
 */
export class ModelScopeProvider extends DefaultScopeProvider {
    private readonly roots: ModelRoots;
    /** Per model key: the global scope of each reference type. */
    private readonly modelScopes: WorkspaceCache<string, Map<string, Scope>>;

    constructor(services: ThreatModelServices) {
        super(services);
        this.roots = services.workspace.ModelRoots;
        this.modelScopes = new WorkspaceCache(services.shared);
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const key = this.roots.keyOfNode(context.container);
        const scopes = this.modelScopes.get(key, () => new Map());
        let scope = scopes.get(referenceType);
        if (!scope) {
            scope = new MultiMapScope(this.indexManager.allElements(referenceType, new Set(this.roots.group(key).uris)));
            scopes.set(referenceType, scope);
        }
        return scope;
    }
}
