import type { AstNode, Properties, ValidationAcceptor, ValidationSeverity } from 'langium';
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
    extra: Omit<ThreatModelDiagnosticData, 'code'> = {},
): void {
    const data: ThreatModelDiagnosticData = { code, ...extra };
    accept(VALIDATION_SEVERITY[DEFAULT_SEVERITIES[code]], message, { ...target, code, data });
}

const VALIDATION_SEVERITY: Readonly<Record<IssueSeverity, ValidationSeverity>> = {
    error: 'error',
    warning: 'warning',
    information: 'info',
    hint: 'hint',
};
