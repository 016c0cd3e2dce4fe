import { findingFromDiagnostic, sortFindings } from '../generator/findings.js';
import { generateSecurityReport } from '../generator/report-document.js';
import type { ReportOptions } from './args.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { displayPath } from './load-workspace.js';
import { loadModel, warnAboutErrors } from './table-command.js';

/** `tml report`: the security model document (Markdown) of the model, with every current finding as an open item. */
export async function runReport(options: ReportOptions, io: CliIo): Promise<number> {
    const model = await loadModel(options.paths, io.cwd);
    warnAboutErrors(model, io);
    const findings = sortFindings(model.loaded.flatMap(({ path, document }) =>
        (document.diagnostics ?? []).map(diagnostic => findingFromDiagnostic(displayPath(io.cwd, path), diagnostic))));
    await writeOutput(generateSecurityReport(model.files, model.files, model.coverage, findings), options.out, io);
    return 0;
}
