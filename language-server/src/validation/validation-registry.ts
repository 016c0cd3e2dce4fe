import type { AstNode, ValidationAcceptor, ValidationCategory, ValidationCheck } from 'langium';
import { isOperationCancelled, ValidationRegistry } from 'langium';
import { describeCheckOf, diagnoseInternalError } from './internal-error.js';

/**
 * Langium's registry, with a check that throws reported as `tm/internal-error` (code, wording and
 * position of every internal failure) instead of Langium's uncoded "An error occurred during
 * validation" on the node. The stack still goes to the log, for the report the finding asks for.
 *
 * A check that returns nothing (all of tml's but a few) is called as it is: Langium wraps every
 * check in two async functions, and a model of 20,000 elements made a million promises while
 * validated (docs/performance.md#memory-of-a-built-model). The checks of a node type are listed
 * once per category list ({@link checksOf}) rather than streamed for every node.
 */
export class ThreatModelValidationRegistry extends ValidationRegistry {
    private checksByType = new Map<string, readonly ValidationCheck[]>();
    /** Per list of categories (the same array for every node of a validation), its checks by node type. */
    private checksByCategories = new WeakMap<readonly ValidationCategory[], Map<string, readonly ValidationCheck[]>>();

    protected override async handleException(functionality: () => unknown, _messageContext: string, accept: ValidationAcceptor, node: AstNode): Promise<void> {
        try {
            await functionality();
        } catch (error) {
            this.report(error, accept, node);
        }
    }

    /** The check, reporting what it throws ({@link handleException}); a promise only when the check returns one. */
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result: unknown = check.call(thisObj, node, accept, cancelToken);
                if (result instanceof Promise) return result.then(undefined, (error: unknown) => this.report(error, accept, node));
            } catch (error) {
                this.report(error, accept, node);
            }
            return undefined;
        };
    }

    /** Langium's (its entry type is not exported), forgetting the lists of checks made before. */
    protected override addEntry(type: string, entry: unknown): void {
        this.checksByType = new Map();
        this.checksByCategories = new WeakMap();
        super.addEntry(type, entry as never);
    }

    /**
     * {@link getChecks}, as an array made once per node type and list of categories: every build
     * names its categories (Langium's default `['built-in', 'fast']`), and streaming the checks
     * anew for each node was about 3 % of opening a model of 5,000 elements.
     */
    checksOf(type: string, categories?: ValidationCategory[]): readonly ValidationCheck[] {
        let byType = this.checksByType;
        if (categories) {
            let forCategories = this.checksByCategories.get(categories);
            if (!forCategories) {
                forCategories = new Map();
                this.checksByCategories.set(categories, forCategories);
            }
            byType = forCategories;
        }
        let checks = byType.get(type);
        if (!checks) {
            checks = this.getChecks(type, categories).toArray();
            byType.set(type, checks);
        }
        return checks;
    }

    private report(error: unknown, accept: ValidationAcceptor, node: AstNode): void {
        if (isOperationCancelled(error)) throw error;
        console.error(error instanceof Error ? error.stack ?? error.message : String(error));
        diagnoseInternalError(accept, node, error, describeCheckOf(node));
    }
}
