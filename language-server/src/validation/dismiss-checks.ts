import type { ValidationAcceptor } from 'langium';
import type { Dismiss } from '../generated/ast.js';
import { categoryApplies, describeElement, elementTraits } from '../model/stride.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { quote } from './quote.js';
import { diagnose } from './diagnose.js';

/** `tm/dismiss-without-reason`: a dismiss with no reason, or a blank one. */
export function checkDismissHasReason(dismiss: Dismiss, accept: ValidationAcceptor): void {
    if (dismiss.reason !== undefined && dismiss.reason.trim() !== '') return;
    const rule = dismiss.rule?.ref?.name ?? dismiss.rule?.$refText;
    diagnose(accept, IssueCodes.DismissWithoutReason,
        `This dismiss of rule ${quote(rule)} gives no reason. Say, in a string after the elements, why the suggestion does not apply, so a reviewer can judge it.`,
        dismiss.reason === undefined ? { node: dismiss, keyword: 'dismiss' } : { node: dismiss, property: 'reason' });
}

/**
 * `tm/dismiss-unused`: a dismiss names an element the rule does not hold for, so there is nothing
 * to dismiss there (the model changed, or the wrong element was named). Silent for a rule that is
 * not in force (`--rules`), since then nothing is evaluated.
 */
export function checkDismissUsed(dismiss: Dismiss, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    const rule = dismiss.rule?.ref;
    if (!rule?.stride || !index.ruleInForce(rule)) return;
    const suggestions = index.ruleSuggestions(dismiss);
    dismiss.elements.forEach((reference, position) => {
        const element = reference.ref;
        if (!element) return;
        const holds = categoryApplies(elementTraits(element), rule.stride!) && suggestions.evaluate(rule, element).holds;
        if (holds) return;
        diagnose(accept, IssueCodes.DismissUnused,
            `Rule ${quote(rule.name)} does not hold for ${describeElement(element).replace(/^./, c => c.toLowerCase())}, so there is nothing to dismiss. Remove it from this dismiss.`,
            { node: dismiss, property: 'elements', index: position });
    });
}
