import { buildThreatTable } from '../generator/table-builder.js';
import { formatThreatTables } from '../generator/table-format.js';
import { workspaceTableInput } from '../generator/table-scope.js';
import { formatThreatTablesXlsx, XLSX_FORMAT } from '../generator/table-xlsx.js';
import type { TableOptions } from './options.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { loadModels, warnAboutErrors } from './load-models.js';

/**
 * `tml table`: the threat list and STRIDE coverage matrix of docs/language.md#outputs, in the format asked
 * for; one section per model when the files given hold several (docs/language.md#models-in-a-workspace).
 */
export async function runTable(options: TableOptions, io: CliIo): Promise<number> {
    const loaded = await loadModels(options.paths, io.cwd, options.rules);
    warnAboutErrors(loaded, io);
    const tables = loaded.models.map(model => buildThreatTable({ ...workspaceTableInput(model.files, model.coverage), bugUrl: options.bugUrl }));
    const { format } = options;
    await writeOutput(format === XLSX_FORMAT ? formatThreatTablesXlsx(tables) : formatThreatTables(tables, format), options.out, io);
    return 0;
}
