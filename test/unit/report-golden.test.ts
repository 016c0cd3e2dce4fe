/**
 * The security model reports of the design example (test/fixtures/design) and of every example in examples/, pinned
 * in test/fixtures/tables/<name>.report.md: what `tml report <paths>` prints from the repository
 * root. Regenerate only on purpose: `npm run build && UPDATE_GOLDEN=1 npm run test:unit`.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../../language-server/src/cli/run.js';
import { GOLDEN_FIXTURES, goldenPath, matchGolden, REPO_ROOT } from './table-golden-files.js';
import { parseMarkdownTables } from './table-parse-back.js';

async function tml(args: readonly string[]): Promise<string> {
    let stdout = '';
    const code = await runCli(args, { cwd: REPO_ROOT, stdout: text => { stdout += text; }, stderr: text => assert.fail(text) });
    assert.equal(code, 0);
    return stdout;
}

/** The section headings the issue asks for, in this order. */
const SECTIONS = [
    '## System description',
    '## Scope and trust boundaries',
    '## Scenarios and data flow diagrams',
    '## Assets',
    '## Entry points',
    '## External dependencies',
    '## Assumptions',
    '## Deployment considerations',
    '## Threat list',
    '## STRIDE coverage',
    '## Open items',
];

describe('security model report golden files', () => {
    for (const fixture of GOLDEN_FIXTURES) {
        describe(fixture.name, () => {
            let report: string;
            before(async () => {
                report = await tml(['report', ...fixture.paths]);
            });

            it(`matches ${fixture.name}.report.md`, () => {
                matchGolden(goldenPath(`${fixture.name}.report.md`), report);
            });

            it('has every section, in order, the threat table and one open item per finding of tml check', async () => {
                assert.deepEqual(report.split('\n').filter(line => line.startsWith('## ')), SECTIONS);
                const tables = parseMarkdownTables(report);
                const standalone = parseMarkdownTables(readFileSync(goldenPath(`${fixture.name}.md`), 'utf8'));
                const findings = JSON.parse(await tml(['check', '--format', 'json', '--fail-on', 'none', ...fixture.paths])) as unknown[];
                // The last three tables: the threat list, the coverage matrix and the open items.
                const [threats, coverage, openItems] = tables.slice(-3);
                assert.deepEqual([threats, coverage], standalone);
                assert.deepEqual(openItems?.[0], ['File', 'Line', 'Severity', 'Code', 'Message']);
                assert.equal(openItems.length - 1, findings.length);
            });

            it('embeds a Mermaid flowchart for the overview and for each scenario', () => {
                const scenarios = report.split('\n').filter(line => line.startsWith('### Scenario: ')).length;
                const flowcharts = report.split('```mermaid\nflowchart LR\n').length - 1;
                assert.equal(flowcharts, scenarios + 1);
            });
        });
    }
});
