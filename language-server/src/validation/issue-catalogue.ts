import type { IssueCode, IssueSeverity } from './issue-codes.js';

/** What tml says about one finding code, wherever the code is listed. */
export interface IssueFacts {
    /** The severity a finding gets unless `threatModel.severity` sets another (README.md#findings). */
    readonly severity: IssueSeverity;
    /** One plain sentence: the rule's description in SARIF output (generator/rules.ts). */
    readonly summary: string;
    /**
     * The Markdown the settings editor shows for the code in `threatModel.severity`: package.json holds
     * it followed by "Default: `severity`." (test/unit/extension-manifest.test.ts keeps the two equal).
     */
    readonly setting: string;
}

/**
 * The one catalogue of finding codes: severity, summary and settings text of each. A `Record`, so a
 * new code in {@link IssueCode} cannot lack an entry. Copies that must stay copies are tied to it by
 * tests: package.json's `threatModel.severity` (extension-manifest.test.ts) and the README's findings
 * tables (readme-codes.test.ts).
 */
export const ISSUE_CATALOGUE: Readonly<Record<IssueCode, IssueFacts>> = {
    'tm/stride-missing': {
        severity: 'warning',
        summary: 'A STRIDE category that applies to a DFD element has no threat and no exclude.',
        setting: 'A DFD element has a STRIDE category that applies to its kind but no threat and no `exclude` for it.',
    },
    'tm/stride-unmitigated': {
        severity: 'warning',
        summary: 'A STRIDE category of a DFD element has threats, and at least one of them is not addressed.',
        setting: 'A DFD element has threats for an applicable STRIDE category, and at least one of them is not addressed yet.',
    },
    'tm/stride-not-applicable': {
        severity: 'warning',
        summary: 'A threat names a STRIDE category that does not apply to the kind of one of its targets.',
        setting: 'A threat lists a STRIDE category that does not apply to the kind of one of its targets (e.g. Spoofing on a data store).',
    },
    'tm/threat-unmitigated': {
        severity: 'warning',
        summary: 'A threat has no response, or is to be fixed but names no mitigation.',
        setting: 'A threat has no `response`, or `response fix` without `mitigatedBy`.',
    },
    'tm/dread-missing': {
        severity: 'warning',
        summary: 'A threat has no DREAD rating.',
        setting: 'A threat has no `dread` block, so its risk cannot be ranked.',
    },
    'tm/dread-incomplete': {
        severity: 'warning',
        summary: 'A DREAD rating lacks one or more of its five factors.',
        setting: 'A `dread` block lacks one or more of the five factors.',
    },
    'tm/dread-out-of-range': {
        severity: 'error',
        summary: 'A DREAD factor is outside 0 to 10.',
        setting: 'A DREAD factor is outside 0–10.',
    },
    'tm/accept-without-justification': {
        severity: 'warning',
        summary: 'A threat is accepted or removed without a justification.',
        setting: '`response accept` or `response remove` without `justification`.',
    },
    'tm/warn-without-text': {
        severity: 'warning',
        summary: 'A threat responds with a warning to users but gives no warning text.',
        setting: '`response warn` without the `warning` text shown to users.',
    },
    'tm/fix-without-bug': {
        severity: 'information',
        summary: 'A threat is to be fixed but has no bug number to track the fix.',
        setting: '`response fix` without a `bug` that tracks the work.',
    },
    'tm/exclude-not-applicable': {
        severity: 'warning',
        summary: 'An exclude names a STRIDE category that does not apply to the element anyway.',
        setting: 'An `exclude` names a STRIDE category that does not apply to the element anyway.',
    },
    'tm/duplicate-name': {
        severity: 'error',
        summary: 'An identifier is declared more than once in the model.',
        setting: 'An identifier is declared more than once in the workspace.',
    },
    'tm/background-missing': {
        severity: 'information',
        summary: 'The model lacks part of the TMA background: a system description, a scenario, an assumption or a dependency.',
        setting: 'The model lacks part of the TMA background (step 1): a `system` with a description, a `scenario`, an `assumption` or a `dependency`.',
    },
    'tm/scenario-empty': {
        severity: 'information',
        summary: 'A scenario lists no flows, so it has no data flow diagram.',
        setting: 'A `scenario` lists no flows, so it has no data flow diagram.',
    },
    'tm/element-in-no-scenario': {
        severity: 'information',
        summary: 'A DFD element takes part in no scenario, although the model has scenarios.',
        setting: 'A DFD element takes part in no `scenario`, although the model has scenarios.',
    },
    'tm/external-without-flow': {
        severity: 'information',
        summary: 'An external entity sends and receives no flow.',
        setting: 'An `external` entity sends and receives no flow.',
    },
    'tm/boundary-crossing-unprotected': {
        severity: 'warning',
        summary: 'A flow crosses a trust boundary without being marked encrypted and authenticated.',
        setting: 'A flow crosses a trust boundary without being marked `encrypted` and `authenticated`.',
    },
    'tm/entrypoint-missing': {
        severity: 'hint',
        summary: 'A process receives a flow from outside its trust boundary but is not marked entrypoint.',
        setting: 'A process receives a flow from outside its trust boundary but is not marked `entrypoint`.',
    },
    'tm/boundary-not-crossed': {
        severity: 'hint',
        summary: 'No flow crosses a trust boundary.',
        setting: 'No flow crosses a trust `boundary`.',
    },
    'tm/asset-unused': {
        severity: 'hint',
        summary: 'No flow carries an asset and no data store stores it.',
        setting: 'No flow `carries` an asset and no data store `stores` it.',
    },
    'tm/threat-without-asset': {
        severity: 'hint',
        summary: 'A threat names no asset although its targets carry or store one.',
        setting: 'A threat names no `assets` although its targets carry or store one.',
    },
    'tm/linked-file-missing': {
        severity: 'warning',
        summary: 'A mitigation links to a file (implementedIn, verifiedBy) that does not exist relative to the model.',
        setting: 'A mitigation links to a file (`implementedIn`, `verifiedBy`) that does not exist relative to the `.tm` file.',
    },
    'tm/verified-without-test': {
        severity: 'warning',
        summary: 'A mitigation is verified but names no test (verifiedBy).',
        setting: 'A mitigation has `status verified` but no `verifiedBy`.',
    },
    'tm/fix-only-planned': {
        severity: 'information',
        summary: 'A threat is to be fixed, but all its mitigations are only planned.',
        setting: 'A threat is to be fixed, but all its mitigations are only `planned`.',
    },
    'tm/implementation-stale': {
        severity: 'information',
        summary: 'A file a mitigation is implemented in changed in git after the model was last committed (in the editor, and in tml check --stale).',
        setting: "A mitigation's `implementedIn` file changed in git commits newer than the last commit of the `.tm` file (in the editor git is asked in the background, never in an untrusted workspace; in CI use `tml check --stale`; `off` runs no git).",
    },
    'tm/clause-duplicate': {
        severity: 'warning',
        summary: 'A clause that takes one value is written more than once in a declaration (or a DREAD factor twice in one rating); only the last one counts.',
        setting: 'A clause that takes one value is written twice in one declaration (two `dread` blocks, two `response` clauses, two `status` clauses…), or a DREAD factor twice in one `dread` block. Only the last one counts; the finding is on each earlier one.',
    },
    'tm/internal-error': {
        severity: 'error',
        summary: 'tml failed while checking the file, so its findings may be incomplete; the file does not pass until this is resolved.',
        setting: "tml failed while checking the file (a defect in tml, or input it cannot handle), so the file's other findings may be incomplete. The message says what failed; please report it. It is an error so that `tml check` never passes a file it could not check.",
    },
    'tm/findings-capped': {
        severity: 'information',
        summary: 'The editor shows only the first findings of a file that has very many; tml check lists them all.',
        setting: 'The file has more findings than the editor shows (the 1,000 most severe: errors first); this finding says how many were left out. `tml check` lists them all.',
    },
    'tm/linked-file-outside': {
        severity: 'warning',
        summary: 'A mitigation links to a path outside the workspace folder, or to a network path, which tml does not follow.',
        setting: "A mitigation's `implementedIn` or `verifiedBy` path leaves the workspace folder (`../../etc/passwd`, `/etc/shadow`) or is a network path (`//host/share`, `\\\\host\\share`): tml neither checks nor links it.",
    },
    'tm/invisible-character': {
        severity: 'hint',
        summary: 'A string contains an invisible or direction-changing character (bidi control, zero-width, line separator, control character); outputs show it escaped.',
        setting: 'A string contains a character that changes how text displays without being seen: a bidi control such as U+202E, a zero-width character, U+2028/U+2029, or a control character. Every output shows it escaped.',
    },
    'tm/system-duplicate': {
        severity: 'error',
        summary: 'A folder (model root) holds more than one system declaration; each model has one system.',
        setting: 'Two `system` declarations in one model root (§9). Move one file into a folder of its own to make a separate model, or remove one of them.',
    },
    'tm/rule-suggests': {
        severity: 'information',
        summary: 'A rule of the threat library holds for a DFD element, and no threat, dismiss or exclude answers it.',
        setting: 'A rule of the threat library holds for the element, and no threat names the rule (`rule R`), no `dismiss` covers it and its category is not excluded.',
    },
    'tm/rule-invalid': {
        severity: 'error',
        summary: 'A rule declaration uses an unknown fact, a value of the wrong type, a category that does not apply to its element kind, or a name already used by another rule.',
        setting: 'A rule uses an unknown fact, a value of the wrong type, a STRIDE category that does not apply to its `on` kind, or a duplicate rule name.',
    },
    'tm/dismiss-unused': {
        severity: 'hint',
        summary: 'A dismiss names a rule that would not hold for that element anyway.',
        setting: 'A `dismiss` names a rule that would not hold for that element anyway.',
    },
    'tm/dismiss-without-reason': {
        severity: 'warning',
        summary: "A dismiss gives no reason for rejecting the rule's suggestion.",
        setting: 'A `dismiss` with a blank reason.',
    },
    'tm/flow-needs-process': {
        severity: 'warning',
        summary: 'A flow goes directly between data stores or external entities; data must pass through a process.',
        setting: 'A flow from a data store or external entity directly to a data store or external entity: data must pass through a process.',
    },
    'tm/flow-self': {
        severity: 'warning',
        summary: 'A flow starts and ends at the same element.',
        setting: 'A flow from an element to itself.',
    },
};

/**
 * The values a code takes in `threatModel.severity`, in the order the settings editor lists them, with
 * the text it shows for each (package.json's `enum` and `enumDescriptions` of every code).
 */
export const SEVERITY_SETTING_CHOICES: Readonly<Record<IssueSeverity | 'off', string>> = {
    error: 'Show as an error.',
    warning: 'Show as a warning.',
    information: 'Show as information.',
    hint: 'Show as a hint: faint dots under the range, not listed in the Problems panel.',
    off: 'Do not report this finding.',
};
