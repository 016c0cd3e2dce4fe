import type { DfdElement, Exclude, StrideCategory, Threat } from '../generated/ast.js';
import { isThreatAddressed } from './responses.js';
import type { CoverageStatus } from '../shared/stride.js';
import { STRIDE_CATEGORIES } from '../shared/stride.js';
import { applicableCategories, elementTraits } from './stride.js';

export interface CategoryCoverage {
    readonly category: StrideCategory;
    readonly status: CoverageStatus;
    /** Threats that target the element with this category. */
    readonly threats: readonly Threat[];
    /** Those of {@link threats} that are not addressed. */
    readonly unaddressed: readonly Threat[];
    /** The exclude that covers the category, if any. */
    readonly exclude?: Exclude;
}

export interface ElementCoverage {
    readonly element: DfdElement;
    /** All six categories, in STRIDE order. */
    readonly categories: readonly CategoryCoverage[];
}

/**
 * An element's threats and exclude per category, by the category's place in STRIDE_CATEGORIES:
 * two short arrays rather than two Maps, a tenth of the memory of a built model (docs/performance.md#memory-of-a-built-model).
 */
interface ElementEntries {
    readonly threats: (Threat[] | undefined)[];
    readonly excludes: (Exclude | undefined)[];
}

/** The place of each category in STRIDE_CATEGORIES. */
const CATEGORY_INDEX: ReadonlyMap<StrideCategory, number> = new Map(STRIDE_CATEGORIES.map((category, index) => [category, index]));

/**
 * Which threats and excludes name each element, built once from every threat and exclude of the
 * model so that coverage of any element is a lookup.
 */
export class CoverageIndex {
    private readonly entries = new Map<DfdElement, ElementEntries>();

    constructor(threats: Iterable<Threat>, excludes: Iterable<Exclude>) {
        for (const threat of threats) {
            if (threat.targets.length === 0) continue;
            const indices = categoryIndices(threat.stride);
            for (const target of threat.targets) {
                const element = target.ref;
                if (!element) continue;
                const byCategory = this.entryOf(element).threats;
                for (const index of indices) {
                    const list = byCategory[index];
                    if (list) list.push(threat);
                    else byCategory[index] = [threat];
                }
            }
        }
        for (const exclude of excludes) {
            for (const ref of exclude.elements) {
                const element = ref.ref;
                if (!element) continue;
                const excludes = this.entryOf(element).excludes;
                for (const category of exclude.categories) {
                    const index = CATEGORY_INDEX.get(category);
                    if (index !== undefined) excludes[index] ??= exclude;
                }
            }
        }
    }

    coverageOf(element: DfdElement): ElementCoverage {
        const entry = this.entries.get(element);
        const applicable = applicableCategories(elementTraits(element));
        const categories = STRIDE_CATEGORIES.map((category, index): CategoryCoverage => {
            const threats = entry?.threats[index] ?? [];
            const unaddressed = threats.length === 0 ? [] : threats.filter(t => !isThreatAddressed(t));
            const exclude = entry?.excludes[index];
            return { category, threats, unaddressed, exclude, status: statusOf(applicable.includes(category), threats, unaddressed, exclude) };
        });
        return { element, categories };
    }

    /**
     * The categories of `element` with status `missing`, and those with status `unmitigated`, in STRIDE order: what
     * {@link categoriesWithStatus} finds in {@link coverageOf}, without the coverage of every category (the STRIDE checks of
     * every element ask only this; test/unit/perf/coverage-gaps.test.ts compares the two). A pair, not an object: read
     * through the recording view of the index (workspace/index-reads.ts), a list is one answer, an object's fields one each.
     */
    gapsOf(element: DfdElement): readonly [missing: StrideCategory[], unmitigated: CategoryCoverage[]] {
        const entry = this.entries.get(element);
        const applicable = applicableCategories(elementTraits(element));
        const missing: StrideCategory[] = [];
        const unmitigated: CategoryCoverage[] = [];
        for (let index = 0; index < STRIDE_CATEGORIES.length; index++) {
            const category = STRIDE_CATEGORIES[index]!;
            const threats = entry?.threats[index] ?? NO_THREATS;
            const unaddressed = threats.length === 0 ? NO_THREATS : threats.filter(t => !isThreatAddressed(t));
            const exclude = entry?.excludes[index];
            const status = statusOf(applicable.includes(category), threats, unaddressed, exclude);
            if (status === 'missing') missing.push(category);
            else if (status === 'unmitigated') unmitigated.push({ category, threats, unaddressed, exclude, status });
        }
        return [missing, unmitigated];
    }

    private entryOf(element: DfdElement): ElementEntries {
        let entry = this.entries.get(element);
        if (!entry) {
            entry = { threats: new Array<Threat[] | undefined>(STRIDE_CATEGORIES.length).fill(undefined), excludes: new Array<Exclude | undefined>(STRIDE_CATEGORIES.length).fill(undefined) };
            this.entries.set(element, entry);
        }
        return entry;
    }
}

/** The places in STRIDE_CATEGORIES of the distinct known categories of `stride`, in the order first written. */
function categoryIndices(stride: readonly StrideCategory[]): number[] {
    const indices: number[] = [];
    for (const category of stride) {
        const index = CATEGORY_INDEX.get(category);
        if (index !== undefined && !indices.includes(index)) indices.push(index);
    }
    return indices;
}

/** No threats: shared, never changed. */
const NO_THREATS: readonly Threat[] = [];

function statusOf(applies: boolean, threats: readonly Threat[], unaddressed: readonly Threat[], exclude: Exclude | undefined): CoverageStatus {
    if (!applies) return 'not-applicable';
    if (exclude) return 'excluded';
    if (threats.length === 0) return 'missing';
    return unaddressed.length > 0 ? 'unmitigated' : 'addressed';
}

/** The categories of an element's coverage with the given status. */
export function categoriesWithStatus(coverage: ElementCoverage, status: CoverageStatus): CategoryCoverage[] {
    return coverage.categories.filter(c => c.status === status);
}
