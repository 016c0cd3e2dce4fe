import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Listener, ThreatModelServices } from '../threat-model-module.js';
import type { ThreatModelDiagnosticData } from '../validation/issue-codes.js';
import { DEFAULT_SEVERITIES, IssueCodes } from '../validation/issue-codes.js';
import { START_OF_FILE } from '../validation/internal-error.js';
import { LSP_SEVERITY } from '../validation/lsp-severity.js';
import type { SeveritySetting } from '../workspace/configuration.js';

/** The most findings the editor is sent for one file (README, "Findings about the file itself"). */
export const MAX_PUBLISHED_FINDINGS = 1000;

/** Errors first, then warnings, information and hints; in document order within each severity. */
export function compareForCap(a: Diagnostic, b: Diagnostic): number {
    return (a.severity ?? 1) - (b.severity ?? 1) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * The findings of a file as the editor gets them: all of them when there are at most
 * {@link MAX_PUBLISHED_FINDINGS}, else the most severe ones (an error at the end of a file must not
 * be hidden behind a thousand hints), in document order within a severity, and a final
 * `tm/findings-capped` saying how many more there are, with the `severity` the user set for it.
 * Tens of thousands of findings would make every edit send megabytes to the editor, for a list
 * no one reads to the end.
 */
export function capFindings(diagnostics: readonly Diagnostic[], source: string, severity: SeveritySetting = DEFAULT_SEVERITIES[IssueCodes.FindingsCapped]): Diagnostic[] {
    if (diagnostics.length <= MAX_PUBLISHED_FINDINGS) return [...diagnostics];
    const shown = [...diagnostics].sort(compareForCap).slice(0, MAX_PUBLISHED_FINDINGS);
    if (severity === 'off') return shown;
    const more = diagnostics.length - MAX_PUBLISHED_FINDINGS;
    const data: ThreatModelDiagnosticData = { code: IssueCodes.FindingsCapped };
    shown.push({
        message: `${more} more ${more === 1 ? 'finding in this file is' : 'findings in this file are'} not shown; run tml check to see them all.`,
        range: START_OF_FILE,
        severity: LSP_SEVERITY[severity],
        code: IssueCodes.FindingsCapped,
        data,
        source,
    });
    return shown;
}

/**
 * Caps what the language server publishes (Langium publishes each document's findings with
 * `connection.sendDiagnostics` once it is validated). Only the editor is capped: the CLI, which
 * has no connection, and the requests that read `document.diagnostics` keep every finding.
 */
export class PublishedFindingsCap implements Listener {
    constructor(private readonly services: ThreatModelServices) {}

    start(): void {
        const connection = this.services.shared.lsp.Connection;
        if (!connection) return;
        const source = this.services.LanguageMetaData.languageId;
        const configuration = this.services.shared.workspace.ConfigurationProvider;
        const send = connection.sendDiagnostics.bind(connection);
        connection.sendDiagnostics = (params: PublishDiagnosticsParams) => {
            const severity = configuration.severityOverrides().get(IssueCodes.FindingsCapped);
            return send({ ...params, diagnostics: capFindings(params.diagnostics, source, severity) });
        };
    }
}
