import type { Range } from 'vscode-languageserver';
import { ISSUE_CATALOGUE } from './issue-catalogue.js';

/**
 * Stable diagnostic codes (README.md#findings). Users configure severities and CI pipelines filter by
 * these strings, and quick-fixes are looked up by them: never rename or reuse a code. What tml says
 * about each code (severity, summary, settings text) is in issue-catalogue.ts.
 */
export const IssueCodes = {
    StrideMissing: 'tm/stride-missing',
    StrideUnmitigated: 'tm/stride-unmitigated',
    StrideNotApplicable: 'tm/stride-not-applicable',
    ThreatUnmitigated: 'tm/threat-unmitigated',
    DreadMissing: 'tm/dread-missing',
    DreadIncomplete: 'tm/dread-incomplete',
    DreadOutOfRange: 'tm/dread-out-of-range',
    AcceptWithoutJustification: 'tm/accept-without-justification',
    WarnWithoutText: 'tm/warn-without-text',
    FixWithoutBug: 'tm/fix-without-bug',
    ExcludeNotApplicable: 'tm/exclude-not-applicable',
    DuplicateName: 'tm/duplicate-name',
    // The TMA process beyond STRIDE and DREAD (docs/language.md#the-analysis-checks): step 1, background.
    BackgroundMissing: 'tm/background-missing',
    ScenarioEmpty: 'tm/scenario-empty',
    ElementInNoScenario: 'tm/element-in-no-scenario',
    ExternalWithoutFlow: 'tm/external-without-flow',
    // Step 2: entry points, trust boundaries, assets.
    BoundaryCrossingUnprotected: 'tm/boundary-crossing-unprotected',
    EntrypointMissing: 'tm/entrypoint-missing',
    BoundaryNotCrossed: 'tm/boundary-not-crossed',
    AssetUnused: 'tm/asset-unused',
    ThreatWithoutAsset: 'tm/threat-without-asset',
    // Step 6: implement and test.
    LinkedFileMissing: 'tm/linked-file-missing',
    VerifiedWithoutTest: 'tm/verified-without-test',
    FixOnlyPlanned: 'tm/fix-only-planned',
    // Step 7: keep the model in sync (tml check --stale only).
    ImplementationStale: 'tm/implementation-stale',
    // Any declaration: a clause written twice, of which the parser keeps only the last.
    ClauseDuplicate: 'tm/clause-duplicate',
    // The file itself: what tml could not check, or will not follow.
    InternalError: 'tm/internal-error',
    FindingsCapped: 'tm/findings-capped',
    LinkedFileOutside: 'tm/linked-file-outside',
    InvisibleCharacter: 'tm/invisible-character',
    // Models in a workspace (docs/language.md#models-in-a-workspace).
    SystemDuplicate: 'tm/system-duplicate',
    // Threat knowledge: rules (docs/language.md#rules).
    RuleSuggests: 'tm/rule-suggests',
    RuleInvalid: 'tm/rule-invalid',
    DismissUnused: 'tm/dismiss-unused',
    DismissWithoutReason: 'tm/dismiss-without-reason',
    // DFD well-formedness (docs/language.md#the-data-flow-diagram).
    FlowNeedsProcess: 'tm/flow-needs-process',
    FlowSelf: 'tm/flow-self',
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

export const ALL_ISSUE_CODES: readonly IssueCode[] = Object.values(IssueCodes);

export type IssueSeverity = 'error' | 'warning' | 'information' | 'hint';

/** The default severity of each code, from the catalogue (issue-catalogue.ts). */
export const DEFAULT_SEVERITIES: Readonly<Record<IssueCode, IssueSeverity>> = Object.fromEntries(
    ALL_ISSUE_CODES.map(code => [code, ISSUE_CATALOGUE[code].severity]),
) as Record<IssueCode, IssueSeverity>;

/** What a diagnostic carries in `data`, so that quick-fixes can find it and know what to add. */
export interface ThreatModelDiagnosticData {
    readonly code: IssueCode;
    /** STRIDE categories concerned (stride-missing, stride-unmitigated). */
    readonly categories?: readonly string[];
    /** DREAD factors absent (dread-incomplete). */
    readonly factors?: readonly string[];
    /** Names of the threats concerned (stride-unmitigated). */
    readonly threats?: readonly string[];
    /** What step 1 asks for and the model lacks (background-missing). */
    readonly missing?: readonly string[];
    /** Flow properties to add (`encrypted`, `authenticated`: boundary-crossing-unprotected). */
    readonly properties?: readonly string[];
    /** Names of assets a threat's targets carry or store (threat-without-asset). */
    readonly assets?: readonly string[];
    /** The clause written more than once, as its keyword: `dread`, `response`, `damage` (clause-duplicate). */
    readonly clause?: string;
    /** The whole clause the finding is on, keyword to value: what removing it removes (clause-duplicate). */
    readonly actionRange?: Range;
    /** The other occurrences of the same clause, whole, in text order (clause-duplicate). */
    readonly duplicates?: readonly Range[];
    /** The rule that suggests a threat (rule-suggests). */
    readonly rule?: string;
    /** The STRIDE category of that rule (rule-suggests). */
    readonly category?: string;
}

export function isIssueCode(value: unknown): value is IssueCode {
    return typeof value === 'string' && (ALL_ISSUE_CODES as readonly string[]).includes(value);
}
