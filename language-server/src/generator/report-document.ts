import { buildDfdModel } from '../dfd/build-graph.js';
import { toMermaid } from '../dfd/mermaid.js';
import type { Model } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import type { BugUrlTemplate } from './bug-url.js';
import type { Finding } from './findings.js';
import { buildSecurityReport } from './report-builder.js';
import { formatSecurityReport } from './report-markdown.js';
import type { ReportDiagram } from './report-model.js';
import { buildThreatTable } from './table-builder.js';
import type { ModelFile } from './table-scope.js';
import { scopedTableInput } from './table-scope.js';

/**
 * The security model document of the selected files, with the threats and coverage of the whole
 * workspace they belong to, and their open items. The CLI and the language server both call this.
 */
export function generateSecurityReport(selected: readonly ModelFile[], workspace: readonly ModelFile[], coverage: CoverageIndex, findings: readonly Finding[], bugUrl?: BugUrlTemplate): string {
    return formatSecurityReport({
        report: buildSecurityReport(selected),
        table: buildThreatTable({ ...scopedTableInput(selected, workspace, coverage), ...(bugUrl ? { bugUrl } : {}) }),
        diagrams: reportDiagrams(selected.map(f => f.model), coverage),
        findings,
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
 * The security model documents of several models (DESIGN.md §9), one after the other; each
 * starts with its own `# Security model: <system title>` heading. `bugUrl` links the threats' bugs.
 */
export function generateSecurityReports(models: readonly ModelReportInput[], bugUrl?: BugUrlTemplate): string {
    return models.map(m => generateSecurityReport(m.selected, m.workspace, m.coverage, m.findings, bugUrl)).join('\n');
}

/** The overview and every scenario's diagram as Mermaid flowcharts, drawn by the DFD renderer (DESIGN.md §7). */
export function reportDiagrams(models: readonly Model[], coverage: CoverageIndex): ReportDiagram[] {
    const dfd = buildDfdModel(models, coverage);
    return [dfd.overview, ...dfd.scenarios].map(diagram => ({ scenario: diagram.scenario, mermaid: toMermaid(diagram) }));
}
