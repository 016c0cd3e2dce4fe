import * as assert from 'node:assert/strict';
import { AstUtils } from 'langium';
import type { CategoryCoverage } from '../../../language-server/src/model/coverage.js';
import { CoverageIndex, categoriesWithStatus } from '../../../language-server/src/model/coverage.js';
import { isDfdElement, isExclude, isThreat } from '../../../language-server/src/generated/ast.js';
import { STRIDE_CATEGORIES } from '../../../language-server/src/shared/stride.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { exampleFiles } from '../helpers/fuzz-inputs.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { checkWorkspace } from '../helpers/workspace.js';

/**
 * `CoverageIndex.gapsOf` (what the STRIDE checks of every element ask) finds the categories with
 * status `missing` and `unmitigated` without the coverage of all six: here it must give exactly
 * what `categoriesWithStatus` finds in `coverageOf`, for every element of the examples, the
 * fixtures, a generated model and random models of threats, responses and excludes.
 */

/** Builds the files as one workspace and compares the two for every element; returns how many elements had a gap. */
async function assertSameGaps(files: Record<string, string>): Promise<number> {
    const nodes = (await checkWorkspace(files)).flatMap(({ document }) => AstUtils.streamAst(document.parseResult.value).toArray());
    const index = new CoverageIndex(nodes.filter(isThreat), nodes.filter(isExclude));
    let gaps = 0;
    for (const element of nodes.filter(isDfdElement)) {
        const coverage = index.coverageOf(element);
        const [missing, unmitigated] = index.gapsOf(element);
        const what = `${element.$type} ${element.name}`;
        assert.deepEqual(missing, categoriesWithStatus(coverage, 'missing').map(c => c.category), what);
        const expected = categoriesWithStatus(coverage, 'unmitigated');
        assert.equal(unmitigated.length, expected.length, what);
        unmitigated.forEach((actual, i) => assertSameCategory(actual, expected[i]!, `${what} ${i}`));
        if (missing.length + unmitigated.length > 0) gaps++;
    }
    return gaps;
}

/** The same fields in the same order, the same threat and exclude objects (a deep comparison would walk the whole tree). */
function assertSameCategory(actual: CategoryCoverage, expected: CategoryCoverage, what: string): void {
    assert.deepEqual(Object.keys(actual), Object.keys(expected), what);
    assert.equal(actual.category, expected.category, what);
    assert.equal(actual.status, expected.status, what);
    assert.ok(actual.exclude === expected.exclude, what);
    for (const key of ['threats', 'unaddressed'] as const) {
        assert.equal(actual[key].length, expected[key].length, `${what} ${key}`);
        actual[key].forEach((threat, i) => assert.ok(threat === expected[key][i], `${what} ${key}[${i}]`));
    }
}

/** A model of a few elements of every kind, threats with random categories (repeated, sometimes), targets and responses, and excludes. */
function randomModel(seed: number): string {
    const next = seededRandom(seed);
    const int = (n: number): number => Math.floor(next() * n);
    const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
    const some = <T>(xs: readonly T[]): T[] => xs.filter(() => next() < 0.3).concat(pick(xs));
    const lines = ['external E0 "E0"', 'external E1 "E1"', 'process P0 "P0"', 'process P1 "P1"',
        'datastore D0 "D0"', 'datastore D1 "D1" { logs }', 'flow F0: E0 -> P0 "F0"', 'flow F1: P1 -> D0 "F1"'];
    const elements = ['E0', 'E1', 'P0', 'P1', 'D0', 'D1', 'F0', 'F1', 'Nowhere'];
    lines.push('mitigation M0 "M0"');
    const responses = ['', 'response fix', 'response fix mitigatedBy M0', 'response accept', 'response accept justification "ok"',
        'response remove justification " "', 'response warn', 'response warn warning "careful"'];
    for (let t = 0; t < 1 + int(10); t++) {
        lines.push(`threat T${t} "T${t}" { stride ${some(STRIDE_CATEGORIES).join(', ')} targets ${some(elements).join(', ')} ${pick(responses)} }`);
    }
    for (let x = 0; x < int(5); x++) lines.push(`exclude ${some(STRIDE_CATEGORIES).join(', ')} on ${some(elements).join(', ')} "why"`);
    return lines.join('\n');
}

describe('CoverageIndex.gapsOf against categoriesWithStatus(coverageOf)', function () {
    this.timeout(120_000);

    it('the examples and the fixtures, each file on its own', async () => {
        let gaps = 0;
        for (const file of exampleFiles()) gaps += await assertSameGaps({ 'model.tm': file.text });
        assert.ok(gaps > 10, `elements with a gap: ${gaps}`);
    });

    it('a generated model of 1,000 elements in 3 files', async () => {
        assert.ok(await assertSameGaps(generateModel(1000, 3).files) > 100);
    });

    it('200 random models of threats, responses and excludes', async () => {
        let gaps = 0;
        for (let seed = 1; seed <= 200; seed++) gaps += await assertSameGaps({ 'model.tm': randomModel(seed) });
        assert.ok(gaps > 200, `elements with a gap: ${gaps}`);
    });
});
