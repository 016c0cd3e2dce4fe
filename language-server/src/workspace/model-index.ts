import type { LangiumDocuments, LangiumSharedCoreServices, IndexManager } from 'langium';
import { DocumentState, WorkspaceCache } from 'langium';
import type { Exclude, Model, Threat } from '../generated/ast.js';
import { isExclude, isModel, isThreat } from '../generated/ast.js';
import { CoverageIndex } from '../model/coverage.js';

/**
 * Facts that span every `.tm` file of the workspace: STRIDE coverage and how often each name is
 * declared. Each is computed once per build (after linking, resp. indexing) and then looked up, so
 * validation stays linear in the size of the model.
 */
export class ThreatModelWorkspaceIndex {
    private readonly documents: LangiumDocuments;
    private readonly indexManager: IndexManager;
    private readonly coverageCache: WorkspaceCache<'coverage', CoverageIndex>;
    private readonly nameCache: WorkspaceCache<'names', Map<string, string[]>>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.indexManager = shared.workspace.IndexManager;
        this.coverageCache = new WorkspaceCache(shared, DocumentState.Linked);
        this.nameCache = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    /** Coverage of every element by every threat and exclude of the workspace. */
    coverage(): CoverageIndex {
        return this.coverageCache.get('coverage', () => {
            const threats: Threat[] = [];
            const excludes: Exclude[] = [];
            for (const model of this.models()) {
                for (const declaration of model.declarations) {
                    if (isThreat(declaration)) threats.push(declaration);
                    else if (isExclude(declaration)) excludes.push(declaration);
                }
            }
            return new CoverageIndex(threats, excludes);
        });
    }

    /** How many declarations across the workspace carry this name. */
    declarationCount(name: string): number {
        return this.declaredTypes(name).length;
    }

    /** The AST types of every declaration with this name, across the workspace. */
    declaredTypes(name: string): readonly string[] {
        const types = this.nameCache.get('names', () => {
            const result = new Map<string, string[]>();
            for (const description of this.indexManager.allElements()) {
                const list = result.get(description.name);
                if (list) list.push(description.type);
                else result.set(description.name, [description.type]);
            }
            return result;
        });
        return types.get(name) ?? [];
    }

    private *models(): Generator<Model> {
        for (const document of this.documents.all) {
            const root = document.parseResult.value;
            if (isModel(root)) yield root;
        }
    }
}
