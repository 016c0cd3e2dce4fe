/**
 * Stable diagnostic codes (DESIGN.md §4). Users configure severities and CI pipelines filter by
 * these strings, and quick-fixes are looked up by them: never rename or reuse a code.
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
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

export const ALL_ISSUE_CODES: readonly IssueCode[] = Object.values(IssueCodes);

export type IssueSeverity = 'error' | 'warning' | 'information' | 'hint';

/** The default severity of each code, as DESIGN.md §4 gives it. */
export const DEFAULT_SEVERITIES: Readonly<Record<IssueCode, IssueSeverity>> = {
    'tm/stride-missing': 'warning',
    'tm/stride-unmitigated': 'warning',
    'tm/stride-not-applicable': 'warning',
    'tm/threat-unmitigated': 'warning',
    'tm/dread-missing': 'warning',
    'tm/dread-incomplete': 'warning',
    'tm/dread-out-of-range': 'error',
    'tm/accept-without-justification': 'warning',
    'tm/warn-without-text': 'warning',
    'tm/fix-without-bug': 'information',
    'tm/exclude-not-applicable': 'warning',
    'tm/duplicate-name': 'error',
};

/** What a diagnostic carries in `data`, so that quick-fixes can find it and know what to add. */
export interface ThreatModelDiagnosticData {
    readonly code: IssueCode;
    /** STRIDE categories concerned (stride-missing, stride-unmitigated). */
    readonly categories?: readonly string[];
    /** DREAD factors absent (dread-incomplete). */
    readonly factors?: readonly string[];
    /** Names of the threats concerned (stride-unmitigated). */
    readonly threats?: readonly string[];
}

export function isIssueCode(value: unknown): value is IssueCode {
    return typeof value === 'string' && (ALL_ISSUE_CODES as readonly string[]).includes(value);
}
