import type { StrideCategory } from '../generated/ast.js';
import type { ImportedExclude, ImportedMitigation, ImportedResponse, MitigationStatus } from './imported-model.js';
import { capTitle } from './titles.js';
import type { ThreatDecision } from './vocabulary.js';

/** A threat as far as its decision needs it. */
export interface DecidedThreat {
    readonly key: string;
    readonly title: string;
    readonly stride: readonly StrideCategory[];
    readonly targets: readonly string[];
    /** The source's text about the decision: mitigation, justification or reason. */
    readonly text?: string;
    /** Keys of the mitigations the source names for the threat. */
    readonly mitigations: readonly string[];
    /** Whether to make a mitigation from the text when `mitigated` names none (not for files tml wrote). */
    readonly makeMitigation: boolean;
}

/** What a threat's state becomes in tml (docs/interop.md). */
export interface DecisionOutcome {
    readonly response?: ImportedResponse;
    /** Mitigations made from the source's text. */
    readonly mitigations: readonly ImportedMitigation[];
    /** For `not-applicable`: one exclude per category, and the threat itself is not written. */
    readonly excludes?: readonly ImportedExclude[];
    /** What could not be expressed, for a comment on the threat and a warning. */
    readonly unexpressed?: string;
}

/**
 * mitigated → `fix` by the named mitigations, or by one made from the text; accepted → `accept`
 * with the text as justification; transferred → `warn` with it as the warning; avoided or
 * eliminated → `remove`; not applicable → an `exclude` of each category on the targets, the text
 * (else the threat's title) as the reason; open → no response.
 */
export function decide(decision: ThreatDecision, threat: DecidedThreat, source: string): DecisionOutcome {
    // Blank text counts: a file tml wrote may hold an empty justification, and the findings depend on it.
    const { text } = threat;
    switch (decision) {
        case 'open':
            return { mitigations: [] };
        case 'mitigated': {
            if (threat.mitigations.length > 0 || !threat.makeMitigation) return { response: { kind: 'fix', mitigations: threat.mitigations }, mitigations: [] };
            const made = madeMitigation(threat, text, source, 'implemented');
            return { response: { kind: 'fix', mitigations: [made.key] }, mitigations: [made] };
        }
        case 'accepted':
            return { response: { kind: 'accept', ...(text !== undefined ? { justification: text } : {}) }, mitigations: [] };
        case 'removed':
            return { response: { kind: 'remove', ...(text !== undefined ? { justification: text } : {}) }, mitigations: [] };
        case 'transferred':
            return { response: { kind: 'warn', ...(text !== undefined ? { warning: text } : {}) }, mitigations: [] };
        case 'not-applicable': {
            if (threat.stride.length === 0 || threat.targets.length === 0) {
                const missing = threat.stride.length === 0 ? 'no STRIDE category' : 'no target';
                return { mitigations: [], unexpressed: `marked not applicable in ${source}${text !== undefined ? ` (${text})` : ''}, but it has ${missing}, so no exclude can say so` };
            }
            const reason = text ?? `Marked not applicable in ${source}: ${threat.title}`;
            return { mitigations: [], excludes: threat.stride.map(category => ({ category, targets: threat.targets, reason })) };
        }
    }
}

/** A mitigation for a threat whose source says "mitigated" and gives only text (or nothing). */
export function madeMitigation(threat: Pick<DecidedThreat, 'key' | 'title'>, text: string | undefined, source: string, status: MitigationStatus): ImportedMitigation {
    const title = text !== undefined ? capTitle(text) : `Mitigation for: ${threat.title}`;
    const description = text !== undefined && title !== text ? text : text === undefined ? `Marked mitigated in ${source}, which names no mitigation.` : undefined;
    return { key: `${threat.key}\u0000mitigation`, title, status, comments: [], ...(description !== undefined ? { description } : {}) };
}
