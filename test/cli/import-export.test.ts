import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, runTml } from './helpers/run-tml.js';

const BUILT = path.join(REPO_ROOT, 'test', 'fixtures', 'interop', 'built');

function withFolder(test: (folder: string) => void): void {
    const folder = mkdtempSync(path.join(tmpdir(), 'tml-interop-'));
    try {
        test(folder);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

describe('tml import and tml export', () => {
    it('imports a Threat Dragon file into --out, with the warnings on stderr', () => withFolder(folder => {
        const run = runTml(['import', path.join(BUILT, 'payments.td.json'), '--out', 'payments.tm'], folder);
        assert.deepEqual([run.status, run.stdout], [0, '']);
        assert.equal(run.stderr, readFileSync(path.join(BUILT, 'payments.expected-warnings.txt'), 'utf8'));
        assert.equal(readFileSync(path.join(folder, 'payments.tm'), 'utf8'), readFileSync(path.join(BUILT, 'payments.expected.tm'), 'utf8'));
        const check = runTml(['check', 'payments.tm', '--format', 'json'], folder);
        assert.deepEqual((JSON.parse(check.stdout) as { severity: string }[]).filter(f => f.severity === 'error'), []);
    }));

    it('fails with exit code 2 and one line for a malformed, missing, foreign or oversized file', () => withFolder(folder => {
        writeFileSync(path.join(folder, 'broken.json'), '{"summary": ');
        writeFileSync(path.join(folder, 'laughs.tm7'), '<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa">]><ThreatModel>&a;</ThreatModel>');
        writeFileSync(path.join(folder, 'big.json'), '');
        truncateSync(path.join(folder, 'big.json'), 50 * 1024 * 1024);
        const cases: [string[], string][] = [
            [['import', 'broken.json'], 'tml: cannot import broken.json: malformed JSON: Unexpected end of JSON input\n'],
            [['import', 'laughs.tm7'], 'tml: cannot import laughs.tm7: malformed XML at line 2: a DTD (<!DOCTYPE>) is refused: tml reads no DTDs or entity declarations\n'],
            [['import', 'none.otm'], 'tml: cannot import none.otm: no such file\n'],
            [['import', 'big.json'], 'tml: cannot import big.json: the file is 50 MB; tml imports files of at most 32 MB\n'],
            [['import', 'broken.json', '--from', 'visio'], "tml: invalid value 'visio' for --from: expected one of otm, threat-dragon, tm7\n"],
            [['import', 'a.json', 'b.json'], "tml: 'tml import' takes one file, 2 were given: tml import FILE [--from otm|threat-dragon|tm7] [--out FILE.tm]\n"],
            [['export', '.'], "tml: missing --format for 'tml export': expected one of otm, threat-dragon\n"],
        ];
        for (const [args, stderr] of cases) {
            const start = Date.now();
            assert.deepEqual(runTml(args, folder), { status: 2, stdout: '', stderr }, args.join(' '));
            assert.ok(Date.now() - start < 5000, `${args.join(' ')} took ${Date.now() - start} ms`);
        }
    }));

    it('exports OTM that imports back into the same model, findings included', () => withFolder(folder => {
        const exported = runTml(['export', path.join(REPO_ROOT, 'test/fixtures/design/online-store.tm'), '--format', 'otm', '--out', path.join(folder, 'store.otm.json')]);
        assert.deepEqual([exported.status, exported.stdout, exported.stderr], [0, '', 'tml: warning: 1 threat tree is not exported (OTM has no field for them)\n']);
        const imported = runTml(['import', 'store.otm.json', '--out', 'store.tm'], folder);
        assert.deepEqual([imported.status, imported.stdout, imported.stderr], [0, '', '']);
        const findings = (cwd: string, file: string): string[] =>
            (JSON.parse(runTml(['check', file, '--format', 'json'], cwd).stdout) as { code: string; message: string }[]).map(f => `${f.code}: ${f.message}`).sort();
        assert.deepEqual(findings(folder, 'store.tm'), findings(REPO_ROOT, 'test/fixtures/design/online-store.tm'));
    }));

    it('exports Threat Dragon JSON and says on stderr what Threat Dragon cannot hold', () => {
        const run = runTml(['export', 'test/fixtures/design/online-store.tm', '--format', 'threat-dragon']);
        assert.equal(run.status, 0);
        assert.equal(run.stderr, [
            'tml: warning: 1 threat tree is not exported (Threat Dragon has no field for them)\n',
            'tml: warning: 2 assets are not exported (Threat Dragon has no field for them)\n',
            'tml: warning: 1 assumption is not exported (Threat Dragon has no field for them)\n',
            'tml: warning: 1 dependency is not exported (Threat Dragon has no field for them)\n',
            'tml: warning: 1 scenario is not exported (Threat Dragon has no field for them)\n',
            'tml: warning: 2 DREAD ratings are not exported (Threat Dragon has no field for them)\n',
        ].join(''));
        const model = JSON.parse(run.stdout) as { summary: { title: string }; detail: { diagrams: { cells: { id: string }[] }[] } };
        assert.equal(model.summary.title, 'Online Store');
        assert.deepEqual(model.detail.diagrams[0]!.cells.map(c => c.id), [
            'Internet', 'Dmz', 'Backend', 'Customer', 'Storefront', 'OrdersDb', 'PlaceOrder', 'SaveOrder',
        ]);
    });

    it('refuses to export several models at once, naming them', () => withFolder(folder => {
        for (const name of ['a', 'b']) {
            mkdirSync(path.join(folder, name));
            writeFileSync(path.join(folder, name, 'model.tm'), `system ${name.toUpperCase()} "Model ${name}"\n`);
        }
        assert.deepEqual(runTml(['export', '.', '--format', 'otm'], folder), {
            status: 2, stdout: '', stderr: 'tml: the files hold 2 models (Model a; Model b): export one model at a time by giving its folder\n',
        });
        const one = runTml(['export', 'a', '--format', 'otm'], folder);
        assert.equal(one.status, 0, one.stderr);
        assert.equal((JSON.parse(one.stdout) as { project: { name: string } }).project.name, 'Model a');
    }));
});
