import type { LangiumDocuments, LangiumSharedCoreServices, IndexManager } from 'langium';
import { AstUtils, DocumentState, WorkspaceCache } from 'langium';
import type { Exclude, Model, Rule, Threat } from '../generated/ast.js';
import { isExclude, isModel, isThreat } from '../generated/ast.js';
import { CoverageIndex } from '../model/coverage.js';
import type { ProcessFacts } from '../model/process-facts.js';
import { computeProcessFacts } from '../model/process-facts.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import { RuleSuggestions, rulesInForce } from '../model/rule-suggestions.js';
import { isBuiltinRules } from '../rules/builtin-document.js';

/**
 * Facts that span every `.tm` file of the workspace: STRIDE coverage, how often each name is
 * declared, and the TMA process facts (scenarios, boundary crossings, asset use). Each is computed
 * once per build (after linking, resp. indexing) and then looked up, so validation stays linear in
 * the size of the model.
 */
export class ThreatModelWorkspaceIndex {
    private readonly documents: LangiumDocuments;
    private readonly indexManager: IndexManager;
    private readonly coverageCache: WorkspaceCache<'coverage', CoverageIndex>;
    private readonly nameCache: WorkspaceCache<'names', Map<string, string[]>>;
    private readonly processCache: WorkspaceCache<'process', ProcessFacts>;
    private readonly ruleCache: WorkspaceCache<'rules', RuleSuggestions>;
    private sources: RuleSources = 'all';

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.indexManager = shared.workspace.IndexManager;
        this.coverageCache = new WorkspaceCache(shared, DocumentState.Linked);
        this.nameCache = new WorkspaceCache(shared, DocumentState.IndexedContent);
        this.processCache = new WorkspaceCache(shared, DocumentState.Linked);
        this.ruleCache = new WorkspaceCache(shared, DocumentState.Linked);
    }

    /** Which rules are in force (the CLI's `--rules`, the `threatModel.rules.builtin` setting); `all` unless set. */
    get ruleSources(): RuleSources {
        return this.sources;
    }

    set ruleSources(sources: RuleSources) {
        this.sources = sources;
        this.ruleCache.clear();
    }

    /** Whether `rule` is in force under {@link ruleSources}: declared in the built-in library or in the workspace. */
    ruleInForce(rule: Rule): boolean {
        const builtin = isBuiltinRules(AstUtils.getDocument(rule).uri);
        return this.sources === 'all' || this.sources === (builtin ? 'builtin' : 'workspace');
    }

    /** The rules in force evaluated on every element (DESIGN.md §8): what they suggest, and what is still unanswered. */
    ruleSuggestions(): RuleSuggestions {
        return this.ruleCache.get('rules', () => {
            const builtin: Model[] = [];
            const workspace: Model[] = [];
            for (const document of this.documents.all) {
                const root = document.parseResult.value;
                if (isModel(root)) (isBuiltinRules(document.uri) ? builtin : workspace).push(root);
            }
            return new RuleSuggestions(workspace, rulesInForce(builtin, workspace, this.sources));
        });
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

    /** Scenarios, boundary crossings, entry points and asset use across the workspace (TMA steps 1–2). */
    processFacts(): ProcessFacts {
        return this.processCache.get('process', () => {
            // Sorted by URI so that the model-level finding lands in the same file on every build.
            const documents = this.documents.all.filter(d => !isBuiltinRules(d.uri)).toArray().sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
            const models = documents.map(d => d.parseResult.value).filter(isModel);
            return computeProcessFacts(models);
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
                // A built-in rule's name may be used again in a model; a rule of the same name is tm/rule-invalid.
                if (isBuiltinRules(description.documentUri)) continue;
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
            if (isModel(root) && !isBuiltinRules(document.uri)) yield root;
        }
    }
}
