import { buildDfdModel, buildDfdOutline } from '../dfd/build-graph.js';
import type { DfdDiagram } from '../shared/dfd/graph.js';
import { toMermaid } from '../dfd/mermaid.js';
import type { Model } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import { coverageOnce } from './coverage-once.js';
import type { Finding } from './findings.js';
import { buildSecurityReport } from './report-builder.js';
import type { ReportImageSource } from '../shared/report-image-files.js';
import { diagramImages } from './report-images.js';
import { formatSecurityReport } from './report-markdown.js';
import type { ReportDiagram } from './report-model.js';
import { buildThreatTable } from './table-builder.js';
import type { ModelFile } from './table-scope.js';
import { scopedTableInput } from './table-scope.js';

/**
 * The security model document of the selected files, with the threats and coverage of the whole
 * workspace they belong to, and their open items; the diagrams as Mermaid flowcharts. The CLI and
 * the language server both call this.
 */
export function generateSecurityReport(selected: readonly ModelFile[], workspace: readonly ModelFile[], coverage: CoverageIndex, findings: readonly Finding[], bugUrl?: BugUrlTemplate): string {
    const once = coverageOnce(coverage);
    return reportMarkdown({ selected, workspace, coverage: once, findings }, reportDiagrams(selected.map(f => f.model), once), bugUrl);
}

function reportMarkdown(model: ModelReportInput, diagrams: readonly ReportDiagram[], bugUrl: BugUrlTemplate | undefined): string {
    return formatSecurityReport({
        report: buildSecurityReport(model.selected),
        table: buildThreatTable({ ...scopedTableInput(model.selected, model.workspace, model.coverage), ...(bugUrl ? { bugUrl } : {}) }),
        diagrams,
        findings: model.findings,
    });
}

/** One model's part of a report: its selected files, all its files, its coverage and the selected files' findings. */
export interface ModelReportInput {
    readonly selected: readonly ModelFile[];
    readonly workspace: readonly ModelFile[];
    readonly coverage: CoverageIndex;
    readonly findings: readonly Finding[];
}

/**
 * The security model documents of several models (docs/language.md#models-in-a-workspace), one
 * after the other; each starts with its own `# Security model: <system title>` heading. Diagrams
 * are Mermaid flowcharts; `bugUrl` links the threats' bugs.
 */
export function generateSecurityReports(models: readonly ModelReportInput[], bugUrl?: BugUrlTemplate): string {
    return models.map(m => generateSecurityReport(m.selected, m.workspace, m.coverage, m.findings, bugUrl)).join('\n');
}

/** A report whose diagrams are image files: the Markdown and the images it links to. */
export interface ReportWithImages {
    readonly markdown: string;
    /** In the order the report shows them; paths relative to the report's folder. */
    readonly images: readonly ReportImageSource[];
}

/**
 * {@link generateSecurityReports} with every diagram as an image in `folder` (a path relative to
 * the report's own folder), so that any Markdown viewer shows it, VS Code's preview included.
 * The diagrams are numbered through the whole document, several models' too. The images are DOT
 * still: {@link renderReportImages} lays them out as SVG.
 */
export function generateSecurityReportsWithImages(models: readonly ModelReportInput[], folder: string, bugUrl?: BugUrlTemplate): ReportWithImages {
    const markdown: string[] = [];
    const images: ReportImageSource[] = [];
    for (const model of models) {
        const coverage = coverageOnce(model.coverage);
        const linked = diagramImages(dfdDiagrams(model.selected.map(f => f.model), coverage), folder, images.length);
        images.push(...linked.images);
        markdown.push(reportMarkdown({ ...model, coverage }, linked.diagrams, bugUrl));
    }
    return { markdown: markdown.join('\n'), images };
}

/** The overview and every scenario's diagram, drawn by the DFD renderer (docs/dfd.md). */
function dfdDiagrams(models: readonly Model[], coverage: CoverageIndex): DfdDiagram[] {
    const dfd = buildDfdModel(models, coverage);
    return [dfd.overview, ...dfd.scenarios];
}

/** The overview and every scenario's diagram as Mermaid flowcharts, which show no element's location. */
export function reportDiagrams(models: readonly Model[], coverage: CoverageIndex): ReportDiagram[] {
    const dfd = buildDfdOutline(models, coverage);
    return [dfd.overview, ...dfd.scenarios].map(diagram => ({ scenario: diagram.scenario, embed: { mermaid: toMermaid(diagram) } }));
}
