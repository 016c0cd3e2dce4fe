import type { ReferenceInfo, Scope } from 'langium';
import { DefaultScopeProvider, MultiMapScope, WorkspaceCache } from 'langium';
import { BUILTIN_RULES_URI } from '../rules/builtin-document.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ModelRoots } from '../workspace/model-roots.js';

/**
 * References resolve within one model (docs/language.md#models-in-a-workspace): the global scope of a reference holds the
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
            const uris = new Set(this.roots.group(key).uris);
            // The built-in rules, and those of files below no system, are in force in every model
            // (docs/language.md#rules): `rule R` and `dismiss R` may name them.
            if (referenceType === 'Rule') {
                uris.add(BUILTIN_RULES_URI);
                for (const group of this.roots.sharedGroups()) for (const uri of group.uris) uris.add(uri);
            }
            scope = new MultiMapScope(this.indexManager.allElements(referenceType, uris));
            scopes.set(referenceType, scope);
        }
        return scope;
    }
}
