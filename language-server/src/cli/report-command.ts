import { mkdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { ModelReportInput } from '../generator/report-document.js';
import { generateSecurityReports, generateSecurityReportsWithImages } from '../generator/report-document.js';
import { diagramsFolderFor } from '../shared/report-image-files.js';
import { renderReportImages } from '../generator/report-images.js';
import { findingsOfDocuments } from '../validation/document-findings.js';
import type { ReportOptions } from './options.js';
import type { CliIo } from './io.js';
import { writeFailure, writeOutput } from './io.js';
import { displayPath } from './load-workspace.js';
import { loadModels, warnAboutErrors } from './load-models.js';

/**
 * `tml report`: the security model document (Markdown) of the model, with every current finding
 * as an open item; one document after the other when the files given hold several models
 * (docs/language.md#models-in-a-workspace). With `--diagrams svg` (the default with `--out`) each
 * DFD is an SVG file in `<name>-diagrams/` beside the report, linked as an image; otherwise a
 * Mermaid block.
 */
export async function runReport(options: ReportOptions, io: CliIo): Promise<number> {
    const loaded = await loadModels(options.paths, io.cwd, options.rules);
    warnAboutErrors(loaded, io);
    const models: ModelReportInput[] = loaded.models.map(model => ({
        selected: model.files,
        workspace: model.files,
        coverage: model.coverage,
        findings: findingsOfDocuments(model.loaded.map(({ path: file, document }) => ({ file: displayPath(io.cwd, file), document }))),
    }));
    if (options.diagrams === 'mermaid' || options.out === undefined) {
        await writeOutput(generateSecurityReports(models, options.bugUrl), options.out, io);
        return 0;
    }
    const folder = diagramsFolderFor(options.out);
    const report = generateSecurityReportsWithImages(models, folder, options.bugUrl);
    const reportFolder = path.dirname(options.out);
    await makeFolder(path.join(reportFolder, folder), io);
    for (const image of await renderReportImages(report.images)) await writeOutput(image.svg, path.join(reportFolder, image.path), io);
    await writeOutput(report.markdown, options.out, io);
    return 0;
}

/** Creates the diagrams' folder in the report's (which must exist, as for the report itself), or keeps it. */
async function makeFolder(folder: string, io: CliIo): Promise<void> {
    const absolute = path.resolve(io.cwd, folder);
    await mkdir(absolute).catch(async (error: unknown) => {
        const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
        if (code === 'EEXIST' && (await stat(absolute)).isDirectory()) return;
        throw writeFailure(folder, error);
    });
}
