import type { DfdElement } from '../generated/ast.js';
import type { CoverageIndex, ElementCoverage } from '../model/coverage.js';

/**
 * The coverage index, with each element's coverage worked out once: a report reads it for the
 * diagrams and again for the coverage matrix (thousands of elements, six categories each).
 * The same answers as `coverage` (`test/unit/perf/report-shortcuts.test.ts`), shared: read only.
 */
export function coverageOnce(coverage: CoverageIndex): CoverageIndex {
    const known = new Map<DfdElement, ElementCoverage>();
    const coverageOf = (element: DfdElement): ElementCoverage => {
        let found = known.get(element);
        if (found === undefined) known.set(element, found = coverage.coverageOf(element));
        return found;
    };
    return Object.assign(Object.create(coverage) as CoverageIndex, { coverageOf });
}
