/**
 * The threat tables of the design example (test/fixtures/design) and of every example in examples/, pinned in
 * test/fixtures/tables/<name>.<md|csv|html|json>. They are what `tml table <paths> --format …`
 * prints when run from the repository root.
 *
 * The default run never writes. After a change to the generator or to an example, review the
 * difference, then regenerate explicitly:
 *
 *     npm run build && UPDATE_GOLDEN=1 npm run test:unit
 *
 * and read `git diff test/fixtures/tables/` before committing.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { formatThreatTable } from '../../language-server/src/generator/table-format.js';
import { TABLE_FORMATS } from '../../language-server/src/shared/formats.js';
import type { ThreatTable } from '../../language-server/src/generator/table-model.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { loadModels } from '../../language-server/src/cli/load-models.js';
import { assertFormatsAgree } from './table-agreement.js';
import { GOLDEN_FIXTURES, goldenPath, matchGolden, REPO_ROOT } from './table-golden-files.js';

async function tableOf(paths: readonly string[]): Promise<ThreatTable> {
    const { models } = await loadModels(paths, REPO_ROOT);
    assert.equal(models.length, 1, `${paths.join(', ')} hold one model`);
    return buildThreatTable(workspaceTableInput(models[0]!.files, models[0]!.coverage));
}

describe('threat table golden files', () => {
    for (const fixture of GOLDEN_FIXTURES) {
        describe(fixture.name, () => {
            let table: ThreatTable;
            before(async () => {
                table = await tableOf(fixture.paths);
            });

            for (const format of TABLE_FORMATS) {
                it(`matches ${fixture.name}.${format}`, () => {
                    matchGolden(goldenPath(`${fixture.name}.${format}`), formatThreatTable(table, format));
                });
            }

            it('has the same rows and cells in Markdown, CSV, HTML and JSON', () => {
                const read = (format: string): string => readFileSync(goldenPath(`${fixture.name}.${format}`), 'utf8');
                const json = assertFormatsAgree({ md: read('md'), csv: read('csv'), html: read('html'), json: read('json') });
                assert.ok(json.threats.rows.length > 0 && json.coverage.rows.length > 0, 'the fixture has threats and elements');
            });
        });
    }
});
