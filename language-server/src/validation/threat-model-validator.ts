import type { ValidationChecks } from 'langium';
import type { ThreatModelAstType } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { checkAssetUsed, checkThreatNamesAsset } from './asset-checks.js';
import { checkBackground, checkElementInScenario, checkExternalHasFlow, checkScenarioHasFlows } from './background-checks.js';
import { checkBoundaryCrossed, checkCrossingProtected, checkEntrypointMarked } from './boundary-checks.js';
import { checkClausesWrittenOnce, checkDreadFactorsGivenOnce, singleValuedClauses } from './clause-checks.js';
import { checkDismissHasReason, checkDismissUsed } from './dismiss-checks.js';
import { checkFlowNotSelf, checkFlowThroughProcess } from './flow-checks.js';
import { IssueCodes } from './issue-codes.js';
import { checkRuleSuggestions } from './rule-checks.js';
import { checkRule } from './rule-checks-invalid.js';
import { builtinRuleNames } from '../rules/builtin-document.js';
import { checkFixImplemented, checkLinkedFiles, checkVerifiedHasTest } from './mitigation-checks.js';
import { checkSingleSystem, checkUniqueName } from './name-checks.js';
import { checkImplementationFresh } from './staleness-checks.js';
import { checkElementCoverage, checkExcludeApplies, checkThreatCategoriesApply } from './stride-checks.js';
import { checkInvisibleCharacters } from './text-checks.js';
import { checkDreadComplete, checkDreadFactorRange, checkResponseDetails, checkThreatHasDread, checkThreatHasResponse } from './threat-checks.js';

/** Registers every check (README.md#findings), the analysis checks included, with Langium's validation registry. */
export function registerValidationChecks(services: ThreatModelServices): void {
    const index = services.workspace.ModelIndex;
    const linkedFiles = services.workspace.LinkedFiles;
    const clauses = singleValuedClauses(services.Grammar);
    const staleness = services.workspace.Staleness;
    const configuration = services.shared.workspace.ConfigurationProvider;
    // Turned off in the settings: git is not asked at all.
    const stalenessWanted = (): boolean => staleness.enabled && configuration.severityOverrides().get(IssueCodes.ImplementationStale) !== 'off';
    const checks: ValidationChecks<ThreatModelAstType> = {
        AstNode: (node, accept) => checkClausesWrittenOnce(node, accept, clauses),
        Declaration: (node, accept) => checkUniqueName(node, accept, index),
        DfdElement: [
            (node, accept) => checkElementCoverage(node, accept, index),
            (node, accept) => checkElementInScenario(node, accept, index),
            (node, accept) => checkRuleSuggestions(node, accept, index),
        ],
        Model: [(node, accept) => checkBackground(node, accept, index), checkInvisibleCharacters],
        Scenario: checkScenarioHasFlows,
        System: (node, accept) => checkSingleSystem(node, accept, index),
        External: (node, accept) => checkExternalHasFlow(node, accept, index),
        Flow: [checkCrossingProtected, checkFlowThroughProcess, checkFlowNotSelf],
        Process: (node, accept) => checkEntrypointMarked(node, accept, index),
        Boundary: (node, accept) => checkBoundaryCrossed(node, accept, index),
        Asset: (node, accept) => checkAssetUsed(node, accept, index),
        Threat: [
            checkThreatHasResponse,
            checkResponseDetails,
            checkThreatHasDread,
            checkThreatCategoriesApply,
            checkThreatNamesAsset,
            checkFixImplemented,
        ],
        Mitigation: [
            (node, accept) => checkLinkedFiles(node, accept, linkedFiles),
            checkVerifiedHasTest,
            (node, accept) => {
                if (stalenessWanted()) checkImplementationFresh(node, accept, staleness, linkedFiles);
            },
        ],
        Dread: [checkDreadComplete, checkDreadFactorsGivenOnce],
        DreadFactor: checkDreadFactorRange,
        Exclude: checkExcludeApplies,
        Rule: (node, accept) => checkRule(node, accept, () => builtinRuleNames(services.shared.workspace.LangiumDocuments)),
        Dismiss: [checkDismissHasReason, (node, accept) => checkDismissUsed(node, accept, index)],
    };
    services.validation.ValidationRegistry.register(checks);
}
