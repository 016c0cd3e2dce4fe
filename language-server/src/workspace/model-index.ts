import type { AstNode, IndexManager, LangiumSharedCoreServices } from 'langium';
import { AstUtils, DocumentState, isAstNode, URI, WorkspaceCache } from 'langium';
import type { Exclude, Model, Rule, System, Threat } from '../generated/ast.js';
import { isExclude, isModel, isThreat } from '../generated/ast.js';
import { CoverageIndex } from '../model/coverage.js';
import type { ProcessFacts } from '../model/process-facts.js';
import { computeProcessFacts } from '../model/process-facts.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import type { RuleSuggestions } from '../model/rule-suggestions.js';
import { rulesInForce } from '../model/rule-suggestions.js';
import { RuleSuggestionsReuse } from '../model/rule-reuse.js';
import { BUILTIN_RULES_URI, isBuiltinRules } from '../rules/builtin-document.js';
import type { ModelRoots } from './model-roots.js';

/** A model, named by its key (workspace/model-roots.ts), or by any node of one of its files. */
export type ModelScope = AstNode | string;

/** The methods of {@link ThreatModelWorkspaceIndex} whose last argument is a {@link ModelScope}. */
const SCOPED: ReadonlySet<PropertyKey> = new Set<keyof ThreatModelWorkspaceIndex>([
    'ruleSuggestions', 'keyOf', 'coverage', 'processFacts', 'systems', 'declarationCount', 'declaredTypes', 'otherModelsDeclaring',
]);

/**
 * The arguments of a question to the index as workspace/index-reads.ts records it: a node as a
 * scope stands for its model, which its root names as well (ModelRoots.keyOfNode reads only
 * the root), so the checks of every element of a file ask one question about it, not one each.
 * The scope in `args` is replaced (the recording's own list, workspace/read-steps.ts).
 */
export function recordedScopeArguments(key: PropertyKey, args: unknown[]): readonly unknown[] {
    const last = args.length - 1;
    const scope = args[last];
    if (!isAstNode(scope) || scope.$container === undefined || !SCOPED.has(key)) return args;
    args[last] = AstUtils.findRootNode(scope);
    return args;
}

/**
 * Facts that span the `.tm` files of one model (docs/language.md#models-in-a-workspace): STRIDE coverage, how often each
 * name is declared, and the TMA process facts (scenarios, boundary crossings, asset use). Each is
 * computed once per build and model (after linking, resp. indexing) and then looked up, so
 * validation stays linear in the size of the workspace.
 */
export class ThreatModelWorkspaceIndex {
    private readonly indexManager: IndexManager;
    private readonly roots: ModelRoots;
    private readonly coverageCache: WorkspaceCache<string, CoverageIndex>;
    private readonly nameCache: WorkspaceCache<'names', Map<string, Map<string, string[]>>>;
    private readonly processCache: WorkspaceCache<string, ProcessFacts>;
    private readonly ruleCache: WorkspaceCache<string, RuleSuggestions>;
    private readonly ruleReuse = new RuleSuggestionsReuse();
    private readonly shared: LangiumSharedCoreServices;
    private sources: RuleSources = 'all';

    constructor(shared: LangiumSharedCoreServices, roots: ModelRoots) {
        this.indexManager = shared.workspace.IndexManager;
        this.roots = roots;
        this.coverageCache = new WorkspaceCache(shared, DocumentState.Linked);
        this.nameCache = new WorkspaceCache(shared, DocumentState.IndexedContent);
        this.processCache = new WorkspaceCache(shared, DocumentState.Linked);
        this.ruleCache = new WorkspaceCache(shared, DocumentState.Linked);
        this.shared = shared;
    }

    /** Which rules are in force (the CLI's `--rules`, the `threatModel.rules.builtin` setting); `all` unless set. */
    get ruleSources(): RuleSources {
        return this.sources;
    }

    set ruleSources(sources: RuleSources) {
        this.sources = sources;
        this.ruleCache.clear();
        this.ruleReuse.clear();
    }

    /** Whether `rule` is in force under {@link ruleSources}: declared in the built-in library or in the workspace. */
    ruleInForce(rule: Rule): boolean {
        const builtin = isBuiltinRules(AstUtils.getDocument(rule).uri);
        return this.sources === 'all' || this.sources === (builtin ? 'builtin' : 'workspace');
    }

    /**
     * The rules in force evaluated on every element of the model (docs/language.md#rules): what they suggest,
     * and what is still unanswered. The rules are the built-in ones and those of the model's files.
     */
    ruleSuggestions(scope: ModelScope): RuleSuggestions {
        const key = this.keyOf(scope);
        return this.ruleCache.get(key, () => {
            const models = this.roots.group(key).documents.map(d => d.parseResult.value).filter(isModel);
            const builtin = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(BUILTIN_RULES_URI))?.parseResult.value;
            const builtinModels: Model[] = isModel(builtin) ? [builtin] : [];
            // Rules declared in files with no system above them apply to every model (docs/language.md#rules, docs/language.md#models-in-a-workspace).
            const shared = this.roots.sharedGroups().filter(g => g.key !== key).flatMap(g => g.documents.map(d => d.parseResult.value).filter(isModel));
            return this.ruleReuse.suggestions(key, models, rulesInForce(builtinModels, [...models, ...shared], this.sources));
        });
    }

    /** The key of the model a node belongs to. */
    keyOf(scope: ModelScope): string {
        return typeof scope === 'string' ? scope : this.roots.keyOfNode(scope);
    }

    /** Coverage of every element of the model by the model's threats and excludes. */
    coverage(scope: ModelScope): CoverageIndex {
        const key = this.keyOf(scope);
        return this.coverageCache.get(key, () => {
            const threats: Threat[] = [];
            const excludes: Exclude[] = [];
            for (const document of this.roots.group(key).documents) {
                const model = document.parseResult.value;
                if (!isModel(model)) continue;
                for (const declaration of model.declarations) {
                    if (isThreat(declaration)) threats.push(declaration);
                    else if (isExclude(declaration)) excludes.push(declaration);
                }
            }
            return new CoverageIndex(threats, excludes);
        });
    }

    /** Scenarios, boundary crossings, entry points and asset use of the model (TMA steps 1–2). */
    processFacts(scope: ModelScope): ProcessFacts {
        const key = this.keyOf(scope);
        // Files by URI, so that the model-level finding lands in the same file on every build.
        return this.processCache.get(key, () => computeProcessFacts(this.roots.group(key).documents.map(d => d.parseResult.value).filter(isModel)));
    }

    /** The model's `system` declarations, files by URI (one per model root: docs/language.md#models-in-a-workspace). */
    systems(scope: ModelScope): readonly System[] {
        return this.roots.group(this.keyOf(scope)).systems;
    }

    /** How many declarations of the model carry this name. */
    declarationCount(name: string, scope: ModelScope): number {
        return this.declaredTypes(name, scope).length;
    }

    /** The AST types of every declaration of the model with this name. */
    declaredTypes(name: string, scope: ModelScope): readonly string[] {
        return this.names().get(this.keyOf(scope))?.get(name) ?? [];
    }

    /** The keys of the other models that declare this name, sorted. */
    otherModelsDeclaring(name: string, scope: ModelScope): string[] {
        const key = this.keyOf(scope);
        return [...this.names()].filter(([other, names]) => other !== key && names.has(name)).map(([other]) => other);
    }

    /** Per model key: name → the AST types of its declarations. */
    private names(): Map<string, Map<string, string[]>> {
        return this.nameCache.get('names', () => {
            const result = new Map<string, Map<string, string[]>>();
            for (const group of this.roots.groups()) {
                const names = new Map<string, string[]>();
                for (const description of this.indexManager.allElements(undefined, new Set(group.uris))) {
                    const list = names.get(description.name);
                    if (list) list.push(description.type);
                    else names.set(description.name, [description.type]);
                }
                result.set(group.key, names);
            }
            return result;
        });
    }
}
