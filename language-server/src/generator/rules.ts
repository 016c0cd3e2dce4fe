import type { IssueCode, IssueSeverity } from '../validation/issue-codes.js';
import { ALL_ISSUE_CODES, DEFAULT_SEVERITIES, isIssueCode } from '../validation/issue-codes.js';

/** What a rule of the SARIF output says about itself. */
export interface RuleDescription {
    readonly id: string;
    readonly description: string;
    readonly defaultSeverity: IssueSeverity;
}

/** One sentence per tml code (README.md#findings); a `Record` so that a new code cannot lack one. */
const ISSUE_DESCRIPTIONS: Readonly<Record<IssueCode, string>> = {
    'tm/stride-missing': 'A STRIDE category that applies to a DFD element has no threat and no exclude.',
    'tm/stride-unmitigated': 'A STRIDE category of a DFD element has threats, and at least one of them is not addressed.',
    'tm/stride-not-applicable': 'A threat names a STRIDE category that does not apply to the kind of one of its targets.',
    'tm/threat-unmitigated': 'A threat has no response, or is to be fixed but names no mitigation.',
    'tm/dread-missing': 'A threat has no DREAD rating.',
    'tm/dread-incomplete': 'A DREAD rating lacks one or more of its five factors.',
    'tm/dread-out-of-range': 'A DREAD factor is outside 0 to 10.',
    'tm/accept-without-justification': 'A threat is accepted or removed without a justification.',
    'tm/warn-without-text': 'A threat responds with a warning to users but gives no warning text.',
    'tm/fix-without-bug': 'A threat is to be fixed but has no bug number to track the fix.',
    'tm/exclude-not-applicable': 'An exclude names a STRIDE category that does not apply to the element anyway.',
    'tm/duplicate-name': 'An identifier is declared more than once in the model.',
    'tm/background-missing': 'The model lacks part of the TMA background: a system description, a scenario, an assumption or a dependency.',
    'tm/scenario-empty': 'A scenario lists no flows, so it has no data flow diagram.',
    'tm/element-in-no-scenario': 'A DFD element takes part in no scenario, although the model has scenarios.',
    'tm/external-without-flow': 'An external entity sends and receives no flow.',
    'tm/boundary-crossing-unprotected': 'A flow crosses a trust boundary without being marked encrypted and authenticated.',
    'tm/entrypoint-missing': 'A process receives a flow from outside its trust boundary but is not marked entrypoint.',
    'tm/boundary-not-crossed': 'No flow crosses a trust boundary.',
    'tm/asset-unused': 'No flow carries an asset and no data store stores it.',
    'tm/threat-without-asset': 'A threat names no asset although its targets carry or store one.',
    'tm/linked-file-missing': 'A mitigation links to a file (implementedIn, verifiedBy) that does not exist relative to the model.',
    'tm/verified-without-test': 'A mitigation is verified but names no test (verifiedBy).',
    'tm/fix-only-planned': 'A threat is to be fixed, but all its mitigations are only planned.',
    'tm/implementation-stale': 'A file a mitigation is implemented in changed in git after the model was last committed (in the editor, and in tml check --stale).',
    'tm/clause-duplicate': 'A clause that takes one value is written more than once in a declaration (or a DREAD factor twice in one rating); only the last one counts.',
    'tm/internal-error': 'tml failed while checking the file, so its findings may be incomplete; the file does not pass until this is resolved.',
    'tm/findings-capped': 'The editor shows only the first findings of a file that has very many; tml check lists them all.',
    'tm/linked-file-outside': 'A mitigation links to a path outside the workspace folder, or to a network path, which tml does not follow.',
    'tm/invisible-character': 'A string contains an invisible or direction-changing character (bidi control, zero-width, line separator, control character); outputs show it escaped.',
    'tm/system-duplicate': 'A folder (model root) holds more than one system declaration; each model has one system.',
    'tm/rule-suggests': 'A rule of the threat library holds for a DFD element, and no threat, dismiss or exclude answers it.',
    'tm/rule-invalid': 'A rule declaration uses an unknown fact, a value of the wrong type, a category that does not apply to its element kind, or a name already used by another rule.',
    'tm/dismiss-unused': 'A dismiss names a rule that would not hold for that element anyway.',
    'tm/dismiss-without-reason': "A dismiss gives no reason for rejecting the rule's suggestion.",
    'tm/flow-needs-process': 'A flow goes directly between data stores or external entities; data must pass through a process.',
    'tm/flow-self': 'A flow starts and ends at the same element.',
};

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
        description: ISSUE_DESCRIPTIONS[code],
        defaultSeverity: DEFAULT_SEVERITIES[code],
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
