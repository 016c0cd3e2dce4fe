import type { ValidationAcceptor } from 'langium';
import type { DfdElement, Exclude, StrideCategory, Threat } from '../generated/ast.js';
import { categoryApplies, describeElement, elementTraits } from '../model/stride.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { listInProse } from '../shared/prose.js';
import { capText, quote } from './quote.js';

/**
 * `tm/stride-missing` and `tm/stride-unmitigated`: once per element, listing every category that
 * applies to it and is neither excluded nor covered by addressed threats.
 */
export function checkElementCoverage(element: DfdElement, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!element.name) return;
    const [missing, unmitigated] = index.coverage(element).gapsOf(element);
    if (missing.length > 0) {
        diagnose(accept, IssueCodes.StrideMissing,
            `${describeElement(element)} has no threat for ${listInProse(missing)}. ` +
            `Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.`,
            { node: element, property: 'name' }, { categories: missing });
    }
    if (unmitigated.length > 0) {
        const threats = [...new Set(unmitigated.flatMap(c => c.unaddressed.map(t => t.name)))];
        const details = unmitigated.map(c => `${c.category} (${c.unaddressed.map(t => capText(t.name)).join(', ')})`);
        diagnose(accept, IssueCodes.StrideUnmitigated,
            `${describeElement(element)} has unaddressed threats for ${listInProse(details)}. ` +
            `Give each threat a complete response: fix with mitigatedBy, accept or remove with a justification, or warn with a warning.`,
            { node: element, property: 'name' }, { categories: unmitigated.map(c => c.category), threats });
    }
}

/** `tm/stride-not-applicable`: a threat's category that does not apply to one of its targets. */
export function checkThreatCategoriesApply(threat: Threat, accept: ValidationAcceptor): void {
    const targets = threat.targets.map(t => t.ref).filter((e): e is DfdElement => e !== undefined);
    threat.stride.forEach((category, index) => {
        const misfits = targets.filter(t => !categoryApplies(elementTraits(t), category));
        if (misfits.length === 0) return;
        diagnose(accept, IssueCodes.StrideNotApplicable,
            `${category} does not apply to ${listInProse(misfits.map(describeElement))}` +
            `${datastoreHint(category, misfits)}. Remove the category from threat ${quote(threat.name)} or target an element it applies to.`,
            { node: threat, property: 'stride', index });
    });
}

/** `tm/exclude-not-applicable`: excluding a category that does not apply to an element anyway, once per category. */
export function checkExcludeApplies(exclude: Exclude, accept: ValidationAcceptor): void {
    exclude.categories.forEach((category, index) => {
        const misfits = excludeMisfits(exclude, category);
        if (misfits.length === 0) return;
        diagnose(accept, IssueCodes.ExcludeNotApplicable,
            `${category} does not apply to ${listInProse(misfits.map(describeElement))}${datastoreHint(category, misfits)}, ` +
            `so there is nothing to exclude. Remove it from this exclude.`,
            { node: exclude, property: 'categories', index });
    });
}

/** The elements of an exclude that `category` does not apply to. */
export function excludeMisfits(exclude: Exclude, category: StrideCategory): DfdElement[] {
    return exclude.elements.map(e => e.ref).filter((e): e is DfdElement => e !== undefined && !categoryApplies(elementTraits(e), category));
}

/** Repudiation on a data store is the one case a user can change, by marking the store `logs`. */
function datastoreHint(category: string, misfits: readonly DfdElement[]): string {
    const storeWithoutLogs = misfits.some(e => e.$type === 'Datastore');
    return category === 'Repudiation' && storeWithoutLogs ? ' (a data store has Repudiation only when it is marked `logs`)' : '';
}
