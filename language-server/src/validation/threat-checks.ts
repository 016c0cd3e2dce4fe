import type { ValidationAcceptor } from 'langium';
import { GrammarUtils } from 'langium';
import type { Dread, DreadFactor, Threat } from '../generated/ast.js';
import { hasText, threatLacksResponse } from '../model/responses.js';
import { factorInRange, missingFactors } from '../model/risk.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { listInProse } from '../shared/prose.js';
import { capText, quote } from './quote.js';

/** `tm/threat-unmitigated`: no response, or `fix` without `mitigatedBy`. */
export function checkThreatHasResponse(threat: Threat, accept: ValidationAcceptor): void {
    if (!threat.name || !threatLacksResponse(threat)) return;
    const message = threat.response === 'fix'
        ? `Threat ${quote(threat.name)} is to be fixed but names no mitigation. Add 'mitigatedBy <Mitigation>'.`
        : `Threat ${quote(threat.name)} has no response. Add 'response fix' with 'mitigatedBy', 'accept' or 'remove' with a justification, or 'warn' with a warning.`;
    diagnose(accept, IssueCodes.ThreatUnmitigated, message, { node: threat, property: 'name' });
}

/** The rules that come with each response: a reason for accept/remove, text for warn, a bug for fix. */
export function checkResponseDetails(threat: Threat, accept: ValidationAcceptor): void {
    const target = { node: threat, keyword: 'response' } as const;
    switch (threat.response) {
        case 'accept':
        case 'remove':
            if (!hasText(threat.justification)) {
                const verb = threat.response === 'accept' ? 'accepted' : 'removed';
                diagnose(accept, IssueCodes.AcceptWithoutJustification,
                    `Threat ${quote(threat.name)} is ${verb} without a justification. Add 'justification "…"' saying why.`, target);
            }
            break;
        case 'warn':
            if (!hasText(threat.warning)) {
                diagnose(accept, IssueCodes.WarnWithoutText,
                    `Threat ${quote(threat.name)} responds with a warning but gives no text. Add 'warning "…"' with the text users will see.`, target);
            }
            break;
        case 'fix':
            if (!hasText(threat.bug)) {
                diagnose(accept, IssueCodes.FixWithoutBug,
                    `Threat ${quote(threat.name)} is to be fixed but has no bug number. Add 'bug "…"' so the fix can be tracked.`, target);
            }
            break;
    }
}

/** `tm/dread-missing`: every threat needs a DREAD rating to be ranked. */
export function checkThreatHasDread(threat: Threat, accept: ValidationAcceptor): void {
    if (!threat.name || threat.dread) return;
    diagnose(accept, IssueCodes.DreadMissing,
        `Threat ${quote(threat.name)} has no DREAD rating. Add 'dread { damage N reproducibility N exploitability N affectedUsers N discoverability N }' with scores 0–10.`,
        { node: threat, property: 'name' });
}

/** `tm/dread-incomplete`: a rating without all five factors cannot be ranked. */
export function checkDreadComplete(dread: Dread, accept: ValidationAcceptor): void {
    const missing = missingFactors(dread);
    if (missing.length === 0) return;
    const owner = dread.$container.name;
    diagnose(accept, IssueCodes.DreadIncomplete,
        `DREAD rating of threat ${quote(owner)} lacks ${listInProse(missing)}. Give each a score from 0 to 10.`,
        { node: dread, keyword: 'dread' }, { factors: missing });
}

/** `tm/dread-out-of-range`: each factor is an integer from 0 to 10. */
export function checkDreadFactorRange(factor: DreadFactor, accept: ValidationAcceptor): void {
    if (typeof factor.value !== 'number' || factorInRange(factor.value)) return;
    // Quote the number as written: 99999999999999999999 would print as 100000000000000000000.
    const written = GrammarUtils.findNodeForProperty(factor.$cstNode, 'value')?.text ?? String(factor.value);
    diagnose(accept, IssueCodes.DreadOutOfRange,
        `DREAD ${factor.factor} is ${capText(written)}; a factor must be an integer from 0 to 10.`,
        { node: factor, property: 'value' });
}
