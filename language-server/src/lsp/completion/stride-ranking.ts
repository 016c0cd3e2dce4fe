import type { DfdElement, StrideCategory } from '../../generated/ast.js';
import { categoryApplies, describeElement, elementTraits } from '../../model/stride.js';
import { STRIDE_CATEGORIES } from '../../shared/stride.js';

/** A STRIDE category as completion proposes it, given the elements the threat or exclude is about. */
export interface RankedCategory {
    readonly category: StrideCategory;
    /** The elements the category does not apply to (docs/language.md#stride-per-element); empty when it applies to all. */
    readonly notApplicableTo: readonly DfdElement[];
}

/**
 * The six categories, those that apply to every given element first and the others after, each
 * group in canonical STRIDE order. With no elements (none written yet, or none resolved) every
 * category applies and the order is the canonical one.
 */
export function rankCategories(elements: readonly DfdElement[]): RankedCategory[] {
    const ranked = STRIDE_CATEGORIES.map(category => ({
        category,
        notApplicableTo: elements.filter(e => !categoryApplies(elementTraits(e), category)),
    }));
    return [...ranked.filter(r => r.notApplicableTo.length === 0), ...ranked.filter(r => r.notApplicableTo.length > 0)];
}

/**
 * The completion item's detail: "Applies to Customer, Storefront", or "Not applicable to Data store
 * 'OrdersDb'" (naming the kind, which is why it does not apply), or "STRIDE category" when there
 * are no elements to judge by.
 */
export function rankingDetail(ranked: RankedCategory, elements: readonly DfdElement[]): string {
    if (ranked.notApplicableTo.length > 0) {
        return `Not applicable to ${ranked.notApplicableTo.map(describeElement).join(', ')}`;
    }
    return elements.length > 0 ? `Applies to ${elements.map(e => e.name).join(', ')}` : 'STRIDE category';
}
