import type { AstNode, ValidationAcceptor } from 'langium';
import { isOperationCancelled, ValidationRegistry } from 'langium';
import { describeCheckOf, diagnoseInternalError } from './internal-error.js';

/**
 * Langium's registry, with a check that throws reported as `tm/internal-error` (code, wording and
 * position of every internal failure) instead of Langium's uncoded "An error occurred during
 * validation" on the node. The stack still goes to the log, for the report the finding asks for.
 */
export class ThreatModelValidationRegistry extends ValidationRegistry {
    protected override async handleException(functionality: () => unknown, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error(error instanceof Error ? error.stack ?? error.message : String(error));
            diagnoseInternalError(accept, node, error, describeCheckOf(node));
        }
    }
}
