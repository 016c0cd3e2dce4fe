import { buildDfdModel } from '../dfd/build-graph.js';
import { modelsByUri } from '../dfd/select.js';
import { systemsTitle } from '../generator/table-builder.js';
import { systemsOf } from '../generator/table-scope.js';
import { exportDocument } from '../interop/export-document.js';
import { severalModelsProblem, viewModel } from '../interop/export-model.js';
import type { ExportOptions } from './options.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { loadModels, warnAboutErrors } from './load-models.js';

/**
 * `tml export` (docs/language.md#import-and-export): the model of the given files as OTM 0.2.0 or Threat Dragon v2 JSON,
 * on stdout or in `--out`; what the format cannot hold is reported as warnings on stderr.
 * @throws CliError when the files hold several models (docs/language.md#models-in-a-workspace): one file holds one model.
 */
export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
    const loaded = await loadModels(options.paths, io.cwd);
    const titles = loaded.models.map(m => systemsTitle(m.files.flatMap(f => systemsOf(f.model))) || m.files.map(f => f.path).join(', '));
    const problem = severalModelsProblem(titles);
    if (problem !== undefined) throw new CliError(problem);
    warnAboutErrors(loaded, io);
    const model = loaded.models[0]!;
    const dfd = buildDfdModel(modelsByUri(model.loaded.map(f => f.document)), model.coverage);
    const exported = await exportDocument(options.format, viewModel(model.files.map(f => f.model)), dfd.overview);
    for (const warning of exported.warnings) io.stderr(`tml: warning: ${warning}\n`);
    await writeOutput(exported.content, options.out, io);
    return 0;
}
