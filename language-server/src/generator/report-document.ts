import type { CoverageIndex } from '../model/coverage.js';
import type { Finding } from './findings.js';
import { buildSecurityReport } from './report-builder.js';
import { formatSecurityReport } from './report-markdown.js';
import { reportDiagrams } from './report-mermaid.js';
import { buildThreatTable } from './table-builder.js';
import type { ModelFile } from './table-scope.js';
import { scopedTableInput } from './table-scope.js';

/**
 * The security model document of the selected files, with the threats and coverage of the whole
 * workspace they belong to, and their open items. The CLI and the language server both call this.
 */
export function generateSecurityReport(selected: readonly ModelFile[], workspace: readonly ModelFile[], coverage: CoverageIndex, findings: readonly Finding[]): string {
    return formatSecurityReport({
        report: buildSecurityReport(selected),
        table: buildThreatTable(scopedTableInput(selected, workspace, coverage)),
        diagrams: reportDiagrams(selected.map(f => f.model), coverage),
        findings,
    });
}
