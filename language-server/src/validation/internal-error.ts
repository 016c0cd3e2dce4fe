import type { AstNode, ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver';
import { IssueCodes } from './issue-codes.js';
import { errorSummary, quote } from './quote.js';
import { report } from './report.js';

/** Where `tm/internal-error` points: the start of the file, which every editor can show. */
export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Reports `tm/internal-error`: tml failed while checking the file of `node`. Such a failure is
 * never silent: an error finding fails `tml check` instead of letting the file pass with fewer
 * findings. `failed` names what failed ("a check of Threat 'T'"); without it, the whole validation.
 */
export function reportInternalError(accept: ValidationAcceptor, node: AstNode, error: unknown, failed?: string): void {
    const cause = failed ? `${failed} failed: ${errorSummary(error)}` : errorSummary(error);
    report(accept, IssueCodes.InternalError,
        `tml could not finish checking this file: ${cause}. Its other findings may be incomplete; please report this.`,
        { node, range: START_OF_FILE });
}

/** "a check of Threat 'T'", "a check of Dread": what {@link reportInternalError} names when one check fails. */
export function describeCheckOf(node: AstNode): string {
    const name = 'name' in node && typeof node.name === 'string' && node.name !== '' ? ` ${quote(node.name)}` : '';
    return `a check of ${node.$type}${name}`;
}
