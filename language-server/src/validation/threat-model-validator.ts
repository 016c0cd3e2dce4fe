import type { ValidationChecks } from 'langium';
import type { ThreatModelAstType } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { checkUniqueName } from './name-checks.js';
import { checkElementCoverage, checkExcludeApplies, checkThreatCategoriesApply } from './stride-checks.js';
import { checkDreadComplete, checkDreadFactorRange, checkResponseDetails, checkThreatHasDread, checkThreatHasResponse } from './threat-checks.js';

/** Registers every check of DESIGN.md §4 with Langium's validation registry. */
export function registerValidationChecks(services: ThreatModelServices): void {
    const index = services.workspace.ModelIndex;
    const checks: ValidationChecks<ThreatModelAstType> = {
        Declaration: (node, accept) => checkUniqueName(node, accept, index),
        DfdElement: (node, accept) => checkElementCoverage(node, accept, index),
        Threat: [
            checkThreatHasResponse,
            checkResponseDetails,
            checkThreatHasDread,
            checkThreatCategoriesApply,
        ],
        Dread: checkDreadComplete,
        DreadFactor: checkDreadFactorRange,
        Exclude: checkExcludeApplies,
    };
    services.validation.ValidationRegistry.register(checks);
}
