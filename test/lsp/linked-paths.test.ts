import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver';
import { LanguageServerProcess } from './helpers/language-server-process.js';

const MODEL = [
    'mitigation M "m" {',
    '    implementedIn "../src/a.ts#L2"',
    '    verifiedBy "//host/share/x"',
    '}',
    '',
].join('\n');

describe('the bundled language server over stdio: linked paths inside the LSP workspace folder', function () {
    this.timeout(30_000);
    let root: string;
    let server: LanguageServerProcess | undefined;

    beforeEach(() => {
        root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tml-lsp-links-')));
        mkdirSync(path.join(root, 'src'));
        mkdirSync(path.join(root, 'models'));
        writeFileSync(path.join(root, 'src', 'a.ts'), 'a\nb\n');
        writeFileSync(path.join(root, 'models', 'm.tm'), MODEL);
    });

    afterEach(async () => {
        await server?.dispose();
        server = undefined;
        rmSync(root, { recursive: true, force: true });
    });

    async function linkedFindingsAndLinks(workspaceFolder: string): Promise<{ findings: string[]; links: string[] }> {
        server = new LanguageServerProcess();
        await server.initialize(undefined, [{ uri: pathToFileURL(workspaceFolder).href, name: 'ws' }]);
        const uri = pathToFileURL(path.join(root, 'models', 'm.tm')).href;
        await server.open(uri, MODEL);
        const { diagnostics } = await server.nextDiagnostics(uri);
        const links = await server.connection.sendRequest<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri } });
        return {
            findings: diagnostics.filter(d => String(d.code).startsWith('tm/linked-file') || !String(d.code).startsWith('tm/'))
                .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message.split(';')[0]!}`),
            links: (links ?? []).map(l => `${l.range.start.line + 1}:${l.range.start.character + 1} ${l.target ?? ''}`),
        };
    }

    it('links a file up from the model inside the workspace folder, and refuses a network path without failing the file', async () => {
        assert.deepEqual(await linkedFindingsAndLinks(root), {
            findings: ["3:16 tm/linked-file-outside '//host/share/x' (verifiedBy of mitigation 'M') is a network path"],
            links: [`2:20 ${pathToFileURL(path.join(root, 'src', 'a.ts')).href}#L2`],
        });
    });

    it("with the model's own folder as the workspace folder, '../src/a.ts' leads outside it", async () => {
        const { findings, links } = await linkedFindingsAndLinks(path.join(root, 'models'));
        assert.deepEqual(findings, [
            "2:19 tm/linked-file-outside '../src/a.ts#L2' (implementedIn of mitigation 'M') leads outside the workspace folder",
            "3:16 tm/linked-file-outside '//host/share/x' (verifiedBy of mitigation 'M') is a network path",
        ]);
        assert.deepEqual(links, []);
    });
});
