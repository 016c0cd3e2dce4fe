import { createHash } from 'node:crypto';
import type { IssueSeverity } from '../validation/issue-codes.js';
import type { Finding } from './findings.js';

/** GitLab's five Code Quality severities, least severe first. */
export type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * How a tml severity shows in GitLab. An error (the model is wrong: it does not parse, a name is
 * declared twice, a DREAD factor is out of range) is `critical`; `blocker` is left for nothing,
 * since no tml finding stops the code from working.
 */
export const GITLAB_SEVERITIES: Readonly<Record<IssueSeverity, GitLabSeverity>> = {
    error: 'critical',
    warning: 'major',
    information: 'minor',
    hint: 'info',
};

/** One issue of a GitLab Code Quality report (the subset of the Code Climate format GitLab reads). */
export interface GitLabIssue {
    readonly description: string;
    readonly check_name: string;
    readonly fingerprint: string;
    readonly severity: GitLabSeverity;
    readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * `check --format gitlab`: the findings as a GitLab Code Quality report (docs/ci.md), for
 * `artifacts:reports:codequality`. GitLab compares the reports of two pipelines by fingerprint, so
 * a finding's fingerprint leaves out its line: a finding that only moved down the file is the same
 * finding. It hashes the file, code and message, and the finding's rank among those with the same
 * three, which keeps fingerprints unique within a report.
 */
export function formatGitLab(findings: readonly Finding[]): string {
    const seen = new Map<string, number>();
    const issues = findings.map((finding): GitLabIssue => {
        const identity = [finding.file, finding.code, finding.message].join('\0');
        const rank = seen.get(identity) ?? 0;
        seen.set(identity, rank + 1);
        return {
            description: finding.message,
            check_name: finding.code,
            fingerprint: createHash('sha256').update(`${identity}\0${rank}`).digest('hex'),
            severity: GITLAB_SEVERITIES[finding.severity],
            location: { path: finding.file, lines: { begin: finding.line } },
        };
    });
    return `${JSON.stringify(issues, undefined, 2)}\n`;
}
