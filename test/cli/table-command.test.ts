import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from '../../language-server/src/cli/args.js';
import { REPO_ROOT, runTml } from './helpers/run-tml.js';

const DESIGN_EXAMPLE = 'test/fixtures/design/online-store.tm';

function golden(name: string): string {
    return readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'tables', name), 'utf8');
}

describe('tml table', () => {
    it('prints the Markdown threat table by default', () => {
        const run = runTml(['table', DESIGN_EXAMPLE]);
        assert.equal(run.stderr, '');
        assert.equal(run.status, 0);
        assert.equal(run.stdout, golden('online-store.md'));
    });

    it('prints each format exactly as pinned, for a folder of several files', () => {
        for (const format of ['md', 'csv', 'html', 'json']) {
            const run = runTml(['table', 'examples/web-shop', `--format=${format}`]);
            assert.equal(run.status, 0, run.stderr);
            assert.equal(run.stdout, golden(`web-shop.${format}`), format);
        }
    });

    it('writes --out FILE and nothing to stdout', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'tml-table-'));
        try {
            const run = runTml(['table', path.join(REPO_ROOT, DESIGN_EXAMPLE), '--format', 'csv', '--out', 'threats.csv'], folder);
            assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
            assert.equal(readFileSync(path.join(folder, 'threats.csv'), 'utf8'), golden('online-store.csv').replace('test/fixtures/design/', ''));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('writes an Excel workbook to --out FILE, and refuses to write it to stdout', () => {
        assert.deepEqual(runTml(['table', DESIGN_EXAMPLE, '--format', 'xlsx']), {
            status: 2, stdout: '', stderr: "tml: 'tml table --format xlsx' writes a binary file: give the file to write with --out FILE.xlsx\n",
        });
        const folder = mkdtempSync(path.join(tmpdir(), 'tml-table-'));
        try {
            const run = runTml(['table', path.join(REPO_ROOT, DESIGN_EXAMPLE), '--format=xlsx', '--out', 'threats.xlsx'], folder);
            assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
            const bytes = readFileSync(path.join(folder, 'threats.xlsx'));
            // A ZIP archive whose first entry is the package's content types (test/unit/table-xlsx.test.ts reads the rest).
            assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
            assert.equal(bytes.subarray(30, 49).toString('utf8'), '[Content_Types].xml');
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('still writes the table of a model with errors, and says so on stderr', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'tml-table-'));
        try {
            writeFileSync(path.join(folder, 'broken.tm'), 'threat T "Title" { targets Nowhere }\nprocess P "P" {\n');
            const run = runTml(['table', 'broken.tm', '--format', 'json'], folder);
            assert.equal(run.status, 0);
            assert.equal(run.stderr, "tml: warning: 1 file has errors, so the output may be incomplete (run 'tml check' to see them)\n");
            const table = JSON.parse(run.stdout) as { threats: { rows: { id: string; targets: string }[] } };
            assert.deepEqual(table.threats.rows.map(r => [r.id, r.targets]), [['T', 'Nowhere']]);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('fails with exit code 2 and one line for a bad format, an unwritable file or no model', () => {
        assert.deepEqual(runTml(['table', DESIGN_EXAMPLE, '--format', 'pdf']), {
            status: 2, stdout: '', stderr: "tml: invalid value 'pdf' for --format: expected one of md, csv, html, json, xlsx\n",
        });
        assert.deepEqual(runTml(['table', DESIGN_EXAMPLE, '--out', 'no/such/folder/t.md']), {
            status: 2, stdout: '', stderr: 'tml: cannot write no/such/folder/t.md: no such directory\n',
        });
        assert.deepEqual(runTml(['table', 'test/fixtures/sarif']), {
            status: 2, stdout: '', stderr: 'tml: no .tm files found in test/fixtures/sarif\n',
        });
    });
});

describe('tml report', () => {
    it('prints the security model document of the model', () => {
        const run = runTml(['report', DESIGN_EXAMPLE]);
        assert.deepEqual([run.status, run.stderr], [0, '']);
        assert.equal(run.stdout, golden('online-store.report.md'));
    });

    it('writes --out FILE (Mermaid diagrams asked for) and nothing to stdout', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'tml-report-'));
        try {
            const out = path.join(folder, 'security-model.md');
            const run = runTml(['report', '--out', out, '--diagrams', 'mermaid', 'examples/saas-api']);
            assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
            assert.equal(readFileSync(out, 'utf8'), golden('saas-api.report.md'));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('fails with exit code 2 and one line for --format, which a report does not take', () => {
        assert.deepEqual(runTml(['report', DESIGN_EXAMPLE, '--format', 'html']), {
            status: 2, stdout: '', stderr: "tml: unknown option '--format' for 'tml report': expected --out, --diagrams, --rules or --bug-url\n",
        });
    });
});

describe('tml table and tml report arguments', () => {
    it('default to Markdown on stdout for the current directory', () => {
        assert.deepEqual(parseArgs(['table']), { kind: 'table', options: { paths: [], format: 'md', rules: 'all' } });
        assert.deepEqual(parseArgs(['report']), { kind: 'report', options: { paths: [], rules: 'all', diagrams: 'mermaid' } });
    });

    it('take paths, --format and --out in any order, with = or a separate value', () => {
        assert.deepEqual(parseArgs(['table', '--out=t.html', 'a.tm', '--format', 'html', 'models/']), {
            kind: 'table', options: { paths: ['a.tm', 'models/'], format: 'html', rules: 'all', out: 't.html' },
        });
        assert.deepEqual(parseArgs(['report', 'models', '--out', 'security-model.md']), {
            kind: 'report', options: { paths: ['models'], rules: 'all', diagrams: 'svg', out: 'security-model.md' },
        });
    });

    it('reject a missing --out value and unknown flags', () => {
        assert.deepEqual(parseArgs(['table', '--out']), { kind: 'usage-error', message: 'missing value for --out: expected a file name' });
        assert.deepEqual(parseArgs(['table', '--fail-on', 'error']), {
            kind: 'usage-error', message: "unknown option '--fail-on' for 'tml table': expected --format, --out, --rules or --bug-url",
        });
    });
});
