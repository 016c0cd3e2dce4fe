import { ISSUE_CATALOGUE } from '../validation/issue-catalogue.js';
import type { IssueSeverity } from '../validation/issue-codes.js';
import { ALL_ISSUE_CODES, isIssueCode } from '../validation/issue-codes.js';

/** What a rule of the SARIF output says about itself. */
export interface RuleDescription {
    readonly id: string;
    readonly description: string;
    readonly defaultSeverity: IssueSeverity;
}

/** Codes Langium gives the errors it reports before tml's checks run. */
const LANGIUM_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
    ['lexing-error', 'The text contains characters that form no token of the language.'],
    ['parsing-error', 'The text does not follow the grammar of the language.'],
    ['linking-error', 'A reference names nothing declared in the model.'],
]);

/**
 * The rules of a report: every tml code, in the order of {@link ALL_ISSUE_CODES} so that rule
 * indexes are the same from run to run, then any other code that occurs in the findings, sorted.
 * `seen` gives, for codes tml does not know, the severity they were reported with.
 */
export function describeRules(seen: ReadonlyMap<string, IssueSeverity>): RuleDescription[] {
    const rules: RuleDescription[] = ALL_ISSUE_CODES.map(code => ({
        id: code,
        description: ISSUE_CATALOGUE[code].summary,
        defaultSeverity: ISSUE_CATALOGUE[code].severity,
    }));
    const others = [...seen.keys()].filter(code => !isIssueCode(code)).sort();
    for (const code of others) {
        rules.push({
            id: code,
            description: LANGIUM_DESCRIPTIONS.get(code) ?? `Reported as '${code}'.`,
            defaultSeverity: LANGIUM_DESCRIPTIONS.has(code) ? 'error' : seen.get(code) ?? 'error',
        });
    }
    return rules;
}
