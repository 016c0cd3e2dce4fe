import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTml } from './helpers/run-tml.js';

const DESIGN_EXAMPLE = 'test/fixtures/design/online-store.tm';
const TEMPLATE = 'https://tracker.example/browse/{bug}';
const SEC_142 = 'https://tracker.example/browse/SEC-142';

describe('tml --bug-url', () => {
    it('table: links the bug in Markdown and HTML, and adds a Bug URL column to CSV and JSON', () => {
        const md = runTml(['table', DESIGN_EXAMPLE, '--bug-url', TEMPLATE]);
        assert.deepEqual([md.status, md.stderr], [0, '']);
        assert.ok(md.stdout.includes(`| [SEC-142](${SEC_142}) |`), md.stdout);
        const html = runTml(['table', DESIGN_EXAMPLE, '--format', 'html', `--bug-url=${TEMPLATE}`]);
        assert.ok(html.stdout.includes(`<td class="col-bug"><a href="${SEC_142}">SEC-142</a></td>`));
        const json = JSON.parse(runTml(['table', DESIGN_EXAMPLE, '--format', 'json', '--bug-url', TEMPLATE]).stdout) as { threats: { rows: Record<string, string>[] } };
        assert.deepEqual(json.threats.rows.map(r => [r['id'], r['bug'], r['bugUrl']]), [['SessionHijack', 'SEC-142', SEC_142], ['OrderTamper', '', '']]);
        const csv = runTml(['table', DESIGN_EXAMPLE, '--format', 'csv', '--bug-url', TEMPLATE]).stdout.split('\r\n');
        assert.ok(csv[0]!.endsWith(',"Bug","References","Bug URL"'), csv[0]);
        assert.ok(csv[1]!.endsWith(`,"SEC-142","","${SEC_142}"`), csv[1]);
    });

    it('report: the threat list links the bug', () => {
        const run = runTml(['report', DESIGN_EXAMPLE, '--bug-url', TEMPLATE]);
        assert.deepEqual([run.status, run.stderr], [0, '']);
        assert.ok(run.stdout.includes(`| [SEC-142](${SEC_142}) |`));
    });

    it('check --format sarif: results about a threat with a bug carry properties.bug and properties.bugUrl, encoded', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'tml-bug-url-'));
        try {
            writeFileSync(path.join(folder, 'model.tm'), 'process P "P"\nthreat T "t" {\n    stride Spoofing\n    targets P\n    bug ")](javascript:alert(1))"\n}\n');
            const run = runTml(['check', 'model.tm', '--format', 'sarif', '--fail-on', 'none', '--bug-url', TEMPLATE], folder);
            assert.equal(run.status, 0, run.stderr);
            const results = (JSON.parse(run.stdout) as { runs: { results: { ruleId: string; properties?: Record<string, unknown> }[] }[] }).runs[0]!.results;
            const url = 'https://tracker.example/browse/%29%5D%28javascript%3Aalert%281%29%29';
            assert.deepEqual(results.map(r => [r.ruleId, r.properties?.['bug'], r.properties?.['bugUrl']]), [
                ['tm/background-missing', undefined, undefined],
                ['tm/stride-missing', undefined, undefined],
                ['tm/stride-unmitigated', undefined, undefined],
                ['tm/dread-missing', ')](javascript:alert(1))', url],
                ['tm/threat-unmitigated', ')](javascript:alert(1))', url],
            ]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('refuses a template that is not http(s), or has no {bug}, with exit code 2', () => {
        for (const [args, message] of [
            [['table', DESIGN_EXAMPLE, '--bug-url', 'javascript:alert(1)//{bug}'], "tml: invalid value for --bug-url: the bug URL template 'javascript:alert(1)//{bug}' is refused: it is not an http or https URL. Write it like https://tracker.example/browse/{bug}\n"],
            [['report', DESIGN_EXAMPLE, '--bug-url', 'https://tracker.example/'], "tml: invalid value for --bug-url: the bug URL template 'https://tracker.example/' is refused: it has no {bug} where the bug id goes. Write it like https://tracker.example/browse/{bug}\n"],
            [['check', DESIGN_EXAMPLE, '--bug-url', TEMPLATE], "tml: --bug-url applies to 'tml check --format sarif' only, not to --format text\n"],
            [['table', DESIGN_EXAMPLE, '--bug-url'], 'tml: missing value for --bug-url: expected a URL template such as https://tracker.example/browse/{bug}\n'],
        ] as const) {
            const run = runTml(args);
            assert.deepEqual([run.status, run.stdout, run.stderr], [2, '', message], args.join(' '));
        }
    });
});
