import type { IssueCode } from '../../validation/issue-codes.js';
import { IssueCodes } from '../../validation/issue-codes.js';
import { fixDuplicateClause } from './clause-fixes.js';
import { fixRuleSuggestion } from './rule-fixes.js';
import type { QuickFix } from './fix-context.js';
import { fixFlowInNoScenario, fixMissingEntrypoint, fixThreatWithoutAsset, fixUnprotectedCrossing } from './process-fixes.js';
import { fixCategoryNotApplicable, fixExcludeNotApplicable, fixMissingCategories } from './stride-fixes.js';
import { fixIncompleteDread, fixMissingBug, fixMissingDread, fixMissingJustification, fixMissingWarning, fixThreatUnmitigated } from './threat-fixes.js';

/** The quick-fixes of each issue code. Codes without an entry have no edit that could fix them safely. */
export const QUICK_FIXES: Partial<Record<IssueCode, QuickFix>> = {
    [IssueCodes.StrideMissing]: fixMissingCategories,
    [IssueCodes.StrideNotApplicable]: fixCategoryNotApplicable,
    [IssueCodes.ExcludeNotApplicable]: fixExcludeNotApplicable,
    [IssueCodes.ThreatUnmitigated]: fixThreatUnmitigated,
    [IssueCodes.AcceptWithoutJustification]: fixMissingJustification,
    [IssueCodes.WarnWithoutText]: fixMissingWarning,
    [IssueCodes.FixWithoutBug]: fixMissingBug,
    [IssueCodes.DreadMissing]: fixMissingDread,
    [IssueCodes.DreadIncomplete]: fixIncompleteDread,
    [IssueCodes.BoundaryCrossingUnprotected]: fixUnprotectedCrossing,
    [IssueCodes.EntrypointMissing]: fixMissingEntrypoint,
    [IssueCodes.ThreatWithoutAsset]: fixThreatWithoutAsset,
    [IssueCodes.ElementInNoScenario]: fixFlowInNoScenario,
    [IssueCodes.ClauseDuplicate]: fixDuplicateClause,
    [IssueCodes.RuleSuggests]: fixRuleSuggestion,
};

/**
 * Codes whose preferred fix only inserts text next to the finding, so that applying it to every
 * finding of a file at once is safe ("Fix all").
 */
export const FIX_ALL_LABELS: Partial<Record<IssueCode, string>> = {
    [IssueCodes.StrideMissing]: 'add threat stubs for every missing STRIDE category',
    [IssueCodes.AcceptWithoutJustification]: 'add a justification to every accepted or removed threat',
    [IssueCodes.WarnWithoutText]: 'add warning text to every warned threat',
    [IssueCodes.FixWithoutBug]: 'add a bug number to every threat to be fixed',
    [IssueCodes.DreadMissing]: 'add a DREAD rating to every threat without one',
    [IssueCodes.DreadIncomplete]: 'complete every partial DREAD rating',
    [IssueCodes.ThreatUnmitigated]: 'add a mitigation to every threat without a response',
    [IssueCodes.RuleSuggests]: 'add the threat every rule suggests',
};
