import type { Threat } from '../generated/ast.js';

/**
 * A threat is addressed (docs/language.md#stride-per-element) when its response is complete: `accept`/`remove` with a
 * justification, `warn` with warning text, or `fix` with at least one mitigation.
 */
export function isThreatAddressed(threat: Threat): boolean {
    switch (threat.response) {
        case 'accept':
        case 'remove':
            return hasText(threat.justification);
        case 'warn':
            return hasText(threat.warning);
        case 'fix':
            return threat.mitigatedBy.length > 0;
        default:
            return false;
    }
}

/** `tm/threat-unmitigated`: no response at all, or `fix` with nothing to fix it. */
export function threatLacksResponse(threat: Threat): boolean {
    return threat.response === undefined || (threat.response === 'fix' && threat.mitigatedBy.length === 0);
}

export function hasText(value: string | undefined): boolean {
    return value !== undefined && value.trim().length > 0;
}
