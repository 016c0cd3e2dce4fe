import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { DfdRange } from '../shared/dfd/graph.js';

/**
 * The messages of the warnings and errors on a flow's name (e.g. `tm/boundary-crossing-unprotected`,
 * `tm/flow-needs-process`), in the order validation reported them, other than STRIDE coverage,
 * which the diagram shows as the flow's open categories already. Pure: reads the diagnostics the
 * document holds after validation (none before). Built once per document and looked up per flow,
 * so a diagram of n flows costs n lookups, not n passes over every diagnostic.
 */
export class FlowFindings {
    private readonly byRange = new Map<string, string[]>();

    constructor(diagnostics: readonly Diagnostic[] | undefined) {
        for (const d of diagnostics ?? []) {
            if (!isFlowFinding(d)) continue;
            const key = rangeKey(d.range);
            const messages = this.byRange.get(key);
            if (messages) messages.push(d.message);
            else this.byRange.set(key, [d.message]);
        }
    }

    /** The messages of the findings whose range is exactly `name` (a fresh array: callers may keep it). */
    on(name: DfdRange): string[] {
        return [...(this.byRange.get(rangeKey(name)) ?? [])];
    }
}

function isFlowFinding(d: Diagnostic): boolean {
    return (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
        && !String(d.code ?? '').startsWith('tm/stride-');
}

function rangeKey(range: DfdRange): string {
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
