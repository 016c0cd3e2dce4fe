import type { LangiumDocuments } from 'langium';
import { NodeThreatModelContext } from '../node-context.js';
import { isModel } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import type { RuleSources } from '../model/rule-suggestions.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { isError } from '../generator/findings.js';
import type { ModelFile } from '../generator/table-scope.js';
import { createThreatModelServices } from '../threat-model-module.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath, findModelFiles, loadWorkspace, MODEL_FILE_EXTENSION } from './load-workspace.js';

/** One threat model (docs/language.md#models-in-a-workspace) among the files of the command line. */
export interface LoadedThreatModel {
    /** Its model root (workspace/model-roots.ts). */
    readonly key: string;
    readonly loaded: readonly LoadedFile[];
    /** Its files whose root is a model, with their paths as the user gave them (relative to cwd). */
    readonly files: readonly ModelFile[];
    readonly coverage: CoverageIndex;
}

/** The model files of the command line, built and validated together, grouped by model. */
export interface LoadedModels {
    readonly loaded: readonly LoadedFile[];
    /** Each model, by model root; one for a folder that holds one model. */
    readonly models: readonly LoadedThreatModel[];
    /** The workspace's index: the rules in force and what they suggest (`tml rules`). */
    readonly index: ThreatModelWorkspaceIndex;
    /** Every document of the workspace, the built-in rule library included. */
    readonly documents: LangiumDocuments;
}

/**
 * Loads every model file below `paths` (default: the current directory) as one workspace, in
 * which each model root is a model of its own (names resolve within it), with the rules of `rules` in force (`--rules`).
 * @throws CliError when no model file is found or one cannot be read.
 */
export async function loadModels(paths: readonly string[], cwd: string, rules: RuleSources = 'all'): Promise<LoadedModels> {
    const given = paths.length > 0 ? paths : ['.'];
    const found = await findModelFiles(given, cwd);
    if (found.length === 0) throw new CliError(`no ${MODEL_FILE_EXTENSION} files found in ${given.join(', ')}`);
    // Built once, as `tml check` builds: nothing is kept for a later build (threat-model-module.ts, `batch`).
    const { shared, ThreatModel } = createThreatModelServices({ ...NodeThreatModelContext, batch: true });
    ThreatModel.workspace.ModelIndex.ruleSources = rules;
    const loaded = await loadWorkspace(shared, found, cwd);
    const { ModelRoots, ModelIndex } = ThreatModel.workspace;
    const byKey = new Map<string, LoadedFile[]>();
    for (const file of loaded) {
        const key = ModelRoots.keyOf(file.document.uri);
        byKey.set(key, [...(byKey.get(key) ?? []), file]);
    }
    const models = [...byKey.keys()].sort().map(key => {
        const files = byKey.get(key)!;
        return {
            key,
            loaded: files,
            files: files.flatMap(({ path: file, document }) => {
                const model = document.parseResult.value;
                return isModel(model) ? [{ path: displayPath(cwd, file), model }] : [];
            }),
            coverage: ModelIndex.coverage(key),
        };
    });
    return { loaded, models, index: ModelIndex, documents: shared.workspace.LangiumDocuments };
}

/**
 * A document or diagram generated from a model that has errors shows only what could be parsed and
 * linked; say so on stderr, where it does not mix with the output. Every generating command says it
 * with this one line (`tml check` is the gate: the exit code stays 0).
 */
export function warnAboutErrors(models: Pick<LoadedModels, 'loaded'>, io: CliIo): void {
    const withErrors = models.loaded.filter(f => (f.document.diagnostics ?? []).some(isError)).length;
    if (withErrors === 0) return;
    const files = withErrors === 1 ? '1 file has' : `${withErrors} files have`;
    io.stderr(`tml: warning: ${files} errors, so the output may be incomplete (run 'tml check' to see them)\n`);
}
