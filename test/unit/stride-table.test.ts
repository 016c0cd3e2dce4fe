import * as assert from 'node:assert/strict';
import type { StrideCategory } from '../../language-server/src/generated/ast.js';
import { isStrideCategory } from '../../language-server/src/generated/ast.js';
import type { ElementTraits } from '../../language-server/src/model/stride.js';
import { applicableCategories } from '../../language-server/src/model/stride.js';
import type { StrideCategory as SharedStrideCategory } from '../../language-server/src/shared/stride.js';
import { STRIDE_CATEGORIES } from '../../language-server/src/shared/stride.js';
import { checkModel } from './helpers/workspace.js';

/** STRIDE per element (docs/language.md#stride-per-element), transcribed cell by cell: S T R I D E. */
const TABLE: ReadonlyArray<{ name: string; traits: ElementTraits; declaration: string; cells: string }> = [
    { name: 'external', traits: { kind: 'external' }, declaration: 'external X "x"', cells: 'S.R...' },
    { name: 'process', traits: { kind: 'process' }, declaration: 'process X "x"', cells: 'STRIDE' },
    { name: 'datastore', traits: { kind: 'datastore' }, declaration: 'datastore X "x"', cells: '.T.ID.' },
    { name: 'datastore with logs', traits: { kind: 'datastore', logs: true }, declaration: 'datastore X "x" { logs }', cells: '.TRID.' },
    { name: 'flow', traits: { kind: 'flow' }, declaration: 'external A "a"\nprocess B "b"\nflow X: A -> B "x"', cells: '.T.ID.' },
];

function expectedApplies(cells: string, index: number): boolean {
    return cells[index] !== '.';
}

describe('STRIDE per element (DESIGN.md §3)', () => {
    for (const row of TABLE) {
        STRIDE_CATEGORIES.forEach((category, index) => {
            const applies = expectedApplies(row.cells, index);
            it(`${row.name} × ${category}: ${applies ? 'applies' : 'does not apply'}`, async () => {
                assert.equal(applicableCategories(row.traits).includes(category), applies);
                // The same cell as the validator sees it: a threat on it is flagged exactly when the category does not apply.
                const { diagnostics } = await checkModel(`${row.declaration}\nthreat T "t" { stride ${category} targets X }`);
                const notApplicable = diagnostics.filter(d => d.code === 'tm/stride-not-applicable');
                assert.equal(notApplicable.length, applies ? 0 : 1);
            });
        });
    }

    it('lists categories in STRIDE order', () => {
        assert.deepEqual(applicableCategories({ kind: 'datastore', logs: true }), ['Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService'] satisfies StrideCategory[]);
    });

    it("has the grammar's six categories in shared/stride.ts, which the extension and the webview import", () => {
        // Every category the grammar parses is a shared one: this line stops compiling otherwise.
        const shared = (category: StrideCategory): SharedStrideCategory => category;
        // And every shared one is a category the grammar parses, each once.
        assert.deepEqual(STRIDE_CATEGORIES.filter(isStrideCategory).map(shared), STRIDE_CATEGORIES);
        assert.equal(new Set(STRIDE_CATEGORIES).size, 6);
    });
});
