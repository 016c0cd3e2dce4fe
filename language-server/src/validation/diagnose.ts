import type { AstNode, DiagnosticInfo, Properties, ValidationAcceptor, ValidationSeverity } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { IssueCode, IssueSeverity, ThreatModelDiagnosticData } from './issue-codes.js';
import { DEFAULT_SEVERITIES } from './issue-codes.js';

/**
 * Where a finding points: a property of a node (optionally one entry of a list), a keyword in it,
 * or a range within it (one occurrence of a clause the AST keeps only once).
 */
export type FindingTarget<N extends AstNode> =
    | { readonly node: N; readonly property: Properties<N>; readonly index?: number }
    | { readonly node: N; readonly keyword: string }
    | { readonly node: N; readonly range: Range };

/**
 * Adds a finding (a diagnostic of one of tml's codes) with its code's default severity, the code both as the diagnostic's `code` and
 * in `data` (so code actions can find it), and any extra data.
 */
export function diagnose<N extends AstNode>(
    accept: ValidationAcceptor,
    code: IssueCode,
    message: string,
    target: FindingTarget<N>,
    extra?: Omit<ThreatModelDiagnosticData, 'code'>,
): void {
    const data: ThreatModelDiagnosticData = extra === undefined ? { code } : { code, ...extra };
    accept(VALIDATION_SEVERITY[DEFAULT_SEVERITIES[code]], message, findingInfo(target, code, data));
}

/**
 * The diagnostic info of a finding, one shape for every kind of target: a large model has tens of
 * thousands of findings, and copying targets of several shapes with a spread cost more than
 * the rest of making them.
 */
function findingInfo<N extends AstNode>(target: FindingTarget<N>, code: IssueCode, data: ThreatModelDiagnosticData): DiagnosticInfo<N> {
    const info = target as { readonly node: N; readonly property?: Properties<N>; readonly index?: number; readonly keyword?: string; readonly range?: Range };
    return { node: info.node, property: info.property, index: info.index, keyword: info.keyword, range: info.range, code, data };
}

const VALIDATION_SEVERITY: Readonly<Record<IssueSeverity, ValidationSeverity>> = {
    error: 'error',
    warning: 'warning',
    information: 'info',
    hint: 'hint',
};
