import { buildDfdModel } from '../dfd/build-graph.js';
import { modelsByUri } from '../dfd/select.js';
import type { ExportFormat } from '../interop/export-model.js';
import { exportLosses, viewModel } from '../interop/export-model.js';
import { layoutDiagram } from '../interop/layout.js';
import { exportOtm } from '../interop/otm-export.js';
import { exportThreatDragon } from '../interop/threat-dragon-export.js';
import { isSystem } from '../generated/ast.js';
import type { ExportOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import type { LoadedModel } from './table-command.js';
import { loadModel, warnAboutErrors } from './table-command.js';

/**
 * `tml export` (DESIGN.md §10): the model of the given files as OTM 0.2.0 or Threat Dragon v2 JSON,
 * on stdout or in `--out`; what the format cannot hold is reported as warnings on stderr.
 * @throws CliError when the files hold more than one model (several `system`s): export one at a time.
 */
export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
    const model = await loadModel(options.paths, io.cwd);
    refuseSeveralModels(model);
    warnAboutErrors(model, io);
    const view = viewModel(model.files.map(f => f.model));
    for (const loss of exportLosses(view, options.format)) io.stderr(`tml: warning: ${loss}\n`);
    await writeOutput(`${JSON.stringify(await exportDocument(options.format, model, view), null, 2)}\n`, options.out, io);
    return 0;
}

async function exportDocument(format: ExportFormat, model: LoadedModel, view: ReturnType<typeof viewModel>): Promise<object> {
    if (format === 'otm') return exportOtm(view);
    const dfd = buildDfdModel(modelsByUri(model.loaded.map(f => f.document)), model.coverage);
    return exportThreatDragon(view, await layoutDiagram(dfd.overview));
}

/** One OTM or Threat Dragon file holds one model; a folder with several `system`s (DESIGN.md §9) is exported model by model. */
function refuseSeveralModels(model: LoadedModel): void {
    const systems = model.files.flatMap(f => f.model.declarations.filter(isSystem).map(s => ({ name: s.name, file: f.path })));
    if (systems.length <= 1) return;
    const listed = systems.slice(0, 5).map(s => `${s.name} (${s.file})`).join(', ');
    throw new CliError(`the files hold ${systems.length} models (systems ${listed}${systems.length > 5 ? ', …' : ''}): export one model at a time by giving its folder`);
}
