import { buildDfdModel } from '../dfd/build-graph.js';
import { modelsByUri } from '../dfd/select.js';
import { exportDocument } from '../interop/export-document.js';
import { severalModelsProblem, viewModel } from '../interop/export-model.js';
import type { ExportOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { loadModel, warnAboutErrors } from './table-command.js';

/**
 * `tml export` (DESIGN.md §10): the model of the given files as OTM 0.2.0 or Threat Dragon v2 JSON,
 * on stdout or in `--out`; what the format cannot hold is reported as warnings on stderr.
 * @throws CliError when the files hold more than one model (several `system`s): export one at a time.
 */
export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
    const model = await loadModel(options.paths, io.cwd);
    const problem = severalModelsProblem(model.files);
    if (problem !== undefined) throw new CliError(problem);
    warnAboutErrors(model, io);
    const dfd = buildDfdModel(modelsByUri(model.loaded.map(f => f.document)), model.coverage);
    const exported = await exportDocument(options.format, viewModel(model.files.map(f => f.model)), dfd.overview);
    for (const warning of exported.warnings) io.stderr(`tml: warning: ${warning}\n`);
    await writeOutput(exported.content, options.out, io);
    return 0;
}
