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
 * The first `count` diagnostics in {@link compareForCap} order, ties in the order given (as a
 * stable sort of them gives): each diagnostic's place in that order is one number, which a typed
 * array sorts without calling back into JavaScript (thousands of findings, published as soon as a
 * file is opened); a sort with the comparison when one does not fit in a number.
 */
export function firstForCap(diagnostics: readonly Diagnostic[], count: number): Diagnostic[] {
    const keys = orderKeys(diagnostics);
    if (keys === undefined) return [...diagnostics].sort(compareForCap).slice(0, count);
    keys.sort();
    const shown: Diagnostic[] = [];
    for (let i = 0; i < keys.length && i < count; i++) shown.push(diagnostics[keys[i]! % INDEX_LIMIT]!);
    return shown;
}

/** Bounds of the parts of an order key: 3 + 21 + 13 + 16 bits, the 53 of a double's integers. */
const SEVERITY_LIMIT = 2 ** 3;
const LINE_LIMIT = 2 ** 21;
const CHARACTER_LIMIT = 2 ** 13;
const INDEX_LIMIT = 2 ** 16;

/** Per diagnostic: severity, line, character and its index, as one integer; undefined when a part is out of its bounds. */
function orderKeys(diagnostics: readonly Diagnostic[]): Float64Array | undefined {
    if (diagnostics.length > INDEX_LIMIT) return undefined;
    const keys = new Float64Array(diagnostics.length);
    for (let i = 0; i < diagnostics.length; i++) {
        const diagnostic = diagnostics[i]!;
        const severity = diagnostic.severity ?? 1;
        const { line, character } = diagnostic.range.start;
        if (!within(severity, SEVERITY_LIMIT) || !within(line, LINE_LIMIT) || !within(character, CHARACTER_LIMIT)) return undefined;
        keys[i] = ((severity * LINE_LIMIT + line) * CHARACTER_LIMIT + character) * INDEX_LIMIT + i;
    }
    return keys;
}

function within(value: number, limit: number): boolean {
    return Number.isInteger(value) && value >= 0 && value < limit;
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
    const shown = firstForCap(diagnostics, MAX_PUBLISHED_FINDINGS);
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
