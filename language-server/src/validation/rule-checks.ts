import type { ValidationAcceptor } from 'langium';
import type { DfdElement } from '../generated/ast.js';
import { describeElementInProse } from '../model/stride.js';
import { withArticle } from '../shared/prose.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { quote } from './quote.js';
import { diagnose } from './diagnose.js';

/**
 * `tm/rule-suggests` (docs/language.md#rules): once per element and rule that holds for it and that the
 * model does not answer yet, on the element's name, with the facts that made the rule hold.
 */
export function checkRuleSuggestions(element: DfdElement, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!element.name) return;
    for (const { rule, because } of index.ruleSuggestions(element).suggestionsFor(element)) {
        diagnose(accept, IssueCodes.RuleSuggests, suggestionMessage(rule.name, rule.title, rule.stride ?? '', element, because),
            { node: element, property: 'name' }, { rule: rule.name, category: rule.stride });
    }
}

/** "Rule 'R' (title) suggests a Tampering threat: flow 'Login' carries 'Passwords' (credentials) and is not encrypted. …" */
export function suggestionMessage(rule: string, title: string | undefined, category: string, element: DfdElement, because: readonly string[]): string {
    const subject = describeElementInProse(element);
    const facts = because.length > 0 ? `${subject} ${because.join(' and ')}` : `it applies to every ${element.$type.toLowerCase()}, such as ${subject}`;
    return `Rule ${quote(rule)} (${title ?? rule}) suggests ${withArticle(category)} threat: ${facts}. ` +
        `Add a threat with 'rule ${rule}' that targets ${quote(element.name)}, or a 'dismiss' saying why it does not apply.`;
}

