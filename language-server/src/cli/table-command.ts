import { NodeThreatModelContext } from '../node-context.js';
import { isModel } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import { buildThreatTable } from '../generator/table-builder.js';
import { formatThreatTable } from '../generator/table-format.js';
import type { ModelFile } from '../generator/table-scope.js';
import { workspaceTableInput } from '../generator/table-scope.js';
import { createThreatModelServices } from '../threat-model-module.js';
import type { TableOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath, findModelFiles, loadWorkspace, MODEL_FILE_EXTENSION } from './load-workspace.js';

/** The model files of the command line, built and validated together. */
export interface LoadedModel {
    readonly loaded: readonly LoadedFile[];
    /** Every file whose root is a model, with its path as the user gave it (relative to cwd). */
    readonly files: readonly ModelFile[];
    readonly coverage: CoverageIndex;
}

/**
 * Loads every model file below `paths` (default: the current directory) as one workspace.
 * @throws CliError when no model file is found or one cannot be read.
 */
export async function loadModel(paths: readonly string[], cwd: string): Promise<LoadedModel> {
    const given = paths.length > 0 ? paths : ['.'];
    const found = await findModelFiles(given, cwd);
    if (found.length === 0) throw new CliError(`no ${MODEL_FILE_EXTENSION} files found in ${given.join(', ')}`);
    const { shared, ThreatModel } = createThreatModelServices(NodeThreatModelContext);
    const loaded = await loadWorkspace(shared, found, cwd);
    const files = loaded.flatMap(({ path: file, document }) => {
        const model = document.parseResult.value;
        return isModel(model) ? [{ path: displayPath(cwd, file), model }] : [];
    });
    return { loaded, files, coverage: ThreatModel.workspace.ModelIndex.coverage() };
}

/**
 * A document generated from a model that has errors shows only what could be parsed and linked;
 * say so on stderr, where it does not mix with the document.
 */
export function warnAboutErrors(model: LoadedModel, io: CliIo): void {
    const withErrors = model.loaded.filter(f => (f.document.diagnostics ?? []).some(d => d.severity === 1)).length;
    if (withErrors === 0) return;
    const files = withErrors === 1 ? '1 file has' : `${withErrors} files have`;
    io.stderr(`tml: warning: ${files} errors, so the output may be incomplete (run 'tml check' to see them)\n`);
}

/** `tml table`: the threat list and STRIDE coverage matrix of DESIGN.md §6, in the format asked for. */
export async function runTable(options: TableOptions, io: CliIo): Promise<number> {
    const model = await loadModel(options.paths, io.cwd);
    warnAboutErrors(model, io);
    const table = buildThreatTable(workspaceTableInput(model.files, model.coverage));
    await writeOutput(formatThreatTable(table, options.format), options.out, io);
    return 0;
}
