import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResponseError } from 'vscode-jsonrpc';
import type { GeneratedDocument, SecurityReportParams, SecurityReportResult, ThreatTableParams } from '../../language-server/src/shared/protocol.js';
import { SecurityReportRequest, ThreatTableRequest } from '../../language-server/src/shared/protocol.js';
import { runTml } from '../cli/helpers/run-tml.js';
import { LanguageServerProcess } from '../lsp/helpers/language-server-process.js';
import { goldenPath, REPO_ROOT } from './table-golden-files.js';

const URI = 'file:///tables/online-store.tm';
const OTHER = 'file:///tables/more/refunds.tm';
const TEXT = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'design', 'online-store.tm'), 'utf8');

/** The golden file as the server writes it: without workspace folders, files are named by their path. */
function golden(name: string): string {
    return readFileSync(goldenPath(name), 'utf8').replaceAll('test/fixtures/design/online-store.tm', '/tables/online-store.tm');
}

describe('threatModel/table and threatModel/report (the bundled server)', () => {
    let server: LanguageServerProcess;
    const table = (params: ThreatTableParams): Promise<GeneratedDocument> => server.connection.sendRequest(ThreatTableRequest.method, params);
    const report = (params: SecurityReportParams): Promise<SecurityReportResult> => server.connection.sendRequest(SecurityReportRequest.method, params);

    before(async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        await server.open(URI, TEXT);
    });
    after(async () => {
        await server.dispose();
    });

    it('answers with the same table as tml table, in every format', async () => {
        for (const format of ['md', 'csv', 'html', 'json'] as const) {
            const result = await table({ scope: { kind: 'workspace' }, format });
            assert.deepEqual(result, { content: golden(`online-store.${format}`), files: ['/tables/online-store.tm'] }, format);
        }
    });

    it('answers with the same report as tml report', async () => {
        assert.deepEqual(await report({ scope: { kind: 'file', uri: URI } }), { content: golden('online-store.report.md'), files: ['/tables/online-store.tm'], images: [] });
    });

    it('answers with the report and the SVG files tml report --out writes, given a folder for the images', async () => {
        const folder = mkdtempSync(join(tmpdir(), 'tml-report-request-'));
        try {
            const cli = runTml(['report', 'test/fixtures/design/online-store.tm', '--out', join(folder, 'security-model.md')]);
            assert.equal(cli.status, 0, cli.stderr);
            const result = await report({ scope: { kind: 'file', uri: URI }, imagesFolder: 'security-model-diagrams' });
            const written = readdirSync(join(folder, 'security-model-diagrams')).sort().map(name => `security-model-diagrams/${name}`);
            assert.deepEqual(result.images.map(i => i.path), written);
            for (const image of result.images) assert.equal(image.svg, readFileSync(join(folder, image.path), 'utf8'), image.path);
            // The CLI names the file as golden() expects it.
            assert.equal(result.content, readFileSync(join(folder, 'security-model.md'), 'utf8').replaceAll('test/fixtures/design/online-store.tm', '/tables/online-store.tm'));
            assert.match(result.content, /\n!\[DFD: Overview\]\(security-model-diagrams\/dfd-1-overview\.svg\)\n/);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('answers from the text as just edited, without waiting for diagnostics first', async () => {
        const lines = TEXT.split('\n');
        const line = lines.findIndex(l => l.includes('damage 8'));
        const start = lines[line]!.indexOf('8');
        await server.change(URI, [{ range: { start: { line, character: start }, end: { line, character: start + 1 } }, text: '10' }]);
        const result = await table({ scope: { kind: 'file', uri: URI }, format: 'json' });
        const json = JSON.parse(result.content) as { threats: { rows: { id: string; damage: string; risk: string }[] } };
        assert.deepEqual(json.threats.rows.map(r => [r.id, r.damage, r.risk]), [['SessionHijack', '10', '6.8'], ['OrderTamper', '6', '3.4']]);
    });

    it('covers the files of the scope asked for: a folder, a file, or the workspace', async () => {
        await server.open(OTHER, 'process Refunds "Refund service"\nthreat RefundFraud "Refund to another card" { stride Tampering targets Refunds }\n');
        const files = async (scope: ThreatTableParams['scope']): Promise<readonly string[]> => (await table({ scope, format: 'csv' })).files;
        assert.deepEqual(await files({ kind: 'workspace' }), ['/tables/more/refunds.tm', '/tables/online-store.tm']);
        assert.deepEqual(await files({ kind: 'folder', uri: 'file:///tables/more' }), ['/tables/more/refunds.tm']);
        assert.deepEqual(await files({ kind: 'file', uri: URI }), ['/tables/online-store.tm']);
    });

    it('answers with an error naming the scope when it holds no model file', async () => {
        await assert.rejects(table({ scope: { kind: 'folder', uri: 'file:///elsewhere' }, format: 'md' }), (error: unknown) => {
            assert.ok(error instanceof ResponseError);
            assert.equal(error.message, 'No threat model (.tm) file is in the folder /elsewhere.');
            return true;
        });
    });
});
