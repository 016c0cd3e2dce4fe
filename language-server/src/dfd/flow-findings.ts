import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { DfdRange } from '../shared/dfd/graph.js';

/**
 * The messages of the warnings and errors on a flow's name (e.g. `tm/boundary-crossing-unprotected`,
 * `tm/flow-needs-process`), in the order validation reported them, other than STRIDE coverage,
 * which the diagram shows as the flow's open categories already. Pure: reads the diagnostics the
 * document holds after validation (none before).
 */
export function flowFindings(diagnostics: readonly Diagnostic[] | undefined, name: DfdRange): string[] {
    return (diagnostics ?? [])
        .filter(d => (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
            && !String(d.code ?? '').startsWith('tm/stride-')
            && d.range.start.line === name.start.line && d.range.start.character === name.start.character
            && d.range.end.line === name.end.line && d.range.end.character === name.end.character)
        .map(d => d.message);
}
