import type { DfdElement, StrideCategory } from '../generated/ast.js';
import type { ElementKind } from '../shared/element-kinds.js';
import { ELEMENT_KIND_WORDS } from '../shared/element-kinds.js';
import { STRIDE_CATEGORIES } from '../shared/stride.js';
import { quote } from '../validation/quote.js';

export type { ElementKind };

/** What decides which categories apply to an element: its kind, and for a data store whether it holds logs. */
export interface ElementTraits {
    readonly kind: ElementKind;
    readonly logs?: boolean;
}

const ALWAYS: Readonly<Record<ElementKind, readonly StrideCategory[]>> = {
    external: ['Spoofing', 'Repudiation'],
    process: STRIDE_CATEGORIES,
    datastore: ['Tampering', 'InformationDisclosure', 'DenialOfService'],
    flow: ['Tampering', 'InformationDisclosure', 'DenialOfService'],
};

/**
 * STRIDE per element (docs/language.md#stride-per-element). Repudiation applies to a data store only when it holds logs,
 * because only then can tampering with it erase the evidence of who did what.
 */
export function applicableCategories(traits: ElementTraits): readonly StrideCategory[] {
    return traits.kind === 'datastore' && traits.logs ? LOGGING_DATASTORE : ALWAYS[traits.kind];
}

/** A data store's categories and Repudiation, in STRIDE order: listed once, not per question. */
const LOGGING_DATASTORE: readonly StrideCategory[] = STRIDE_CATEGORIES.filter(c => c === 'Repudiation' || ALWAYS.datastore.includes(c));

export function categoryApplies(traits: ElementTraits, category: StrideCategory): boolean {
    return applicableCategories(traits).includes(category);
}

/** The kind and traits of an AST element. */
export function elementTraits(element: DfdElement): ElementTraits {
    switch (element.$type) {
        case 'External': return { kind: 'external' };
        case 'Process': return { kind: 'process' };
        case 'Datastore': return { kind: 'datastore', logs: element.logs };
        case 'Flow': return { kind: 'flow' };
    }
}

/** "Process 'Storefront'": how messages name an element. */
export function describeElement(element: DfdElement): string {
    return `${ELEMENT_KIND_WORDS[elementTraits(element).kind].title} ${quote(element.name)}`;
}

/** "process 'Storefront'": an element named inside a sentence. */
export function describeElementInProse(element: DfdElement): string {
    return `${ELEMENT_KIND_WORDS[elementTraits(element).kind].noun} ${quote(element.name)}`;
}
