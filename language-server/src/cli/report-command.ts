import { findingFromDiagnostic, sortFindings } from '../generator/findings.js';
import { generateSecurityReports } from '../generator/report-document.js';
import type { ReportOptions } from './args.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { displayPath } from './load-workspace.js';
import { loadModels, warnAboutErrors } from './load-models.js';

/**
 * `tml report`: the security model document (Markdown) of the model, with every current finding
 * as an open item; one document after the other when the files given hold several models (docs/language.md#models-in-a-workspace).
 */
export async function runReport(options: ReportOptions, io: CliIo): Promise<number> {
    const loaded = await loadModels(options.paths, io.cwd, options.rules);
    warnAboutErrors(loaded, io);
    await writeOutput(generateSecurityReports(loaded.models.map(model => ({
        selected: model.files,
        workspace: model.files,
        coverage: model.coverage,
        findings: sortFindings(model.loaded.flatMap(({ path, document }) =>
            (document.diagnostics ?? []).map(diagnostic => findingFromDiagnostic(displayPath(io.cwd, path), diagnostic)))),
    }))), options.out, io);
    return 0;
}
