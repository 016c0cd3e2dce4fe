import type { AstNode, ValidationAcceptor } from 'langium';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { LSP_SEVERITY } from './lsp-severity.js';
import type { ThreatModelDiagnosticData } from './issue-codes.js';
import { DEFAULT_SEVERITIES, IssueCodes } from './issue-codes.js';
import { errorSummary, quote } from './quote.js';
import { diagnose } from './diagnose.js';

/** Where `tm/internal-error` points: the start of the file, which every editor can show. */
export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Reports `tm/internal-error`: tml failed while checking the file of `node`. Such a failure is
 * never silent: an error finding fails `tml check` instead of letting the file pass with fewer
 * findings. `failed` names what failed ("a check of Threat 'T'"); without it, the whole validation.
 */
export function diagnoseInternalError(accept: ValidationAcceptor, node: AstNode, error: unknown, failed?: string): void {
    const cause = failed ? `${failed} failed: ${errorSummary(error)}` : errorSummary(error);
    diagnose(accept, IssueCodes.InternalError, internalErrorMessage(cause), { node, range: START_OF_FILE });
}

/** The message of `tm/internal-error`, with `cause` saying what went wrong. */
export function internalErrorMessage(cause: string): string {
    return `tml could not finish checking this file: ${cause}. Its other findings may be incomplete; please report this.`;
}

/** "a check of Threat 'T'", "a check of Dread": what {@link diagnoseInternalError} names when one check fails. */
export function describeCheckOf(node: AstNode): string {
    const name = 'name' in node && typeof node.name === 'string' && node.name !== '' ? ` ${quote(node.name)}` : '';
    return `a check of ${node.$type}${name}`;
}

/** `tm/internal-error` as a diagnostic of its own, for a failure outside validation (a build that failed). */
export function internalErrorDiagnostic(cause: string, source: string): Diagnostic {
    const data: ThreatModelDiagnosticData = { code: IssueCodes.InternalError };
    const severity = LSP_SEVERITY[DEFAULT_SEVERITIES[IssueCodes.InternalError]];
    return { message: internalErrorMessage(cause), range: START_OF_FILE, severity, code: IssueCodes.InternalError, data, source };
}
