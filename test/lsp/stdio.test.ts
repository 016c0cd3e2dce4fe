import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Diagnostic, Position } from 'vscode-languageserver';
import { LanguageServerProcess } from './helpers/language-server-process.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');
const DESIGN_URI = 'file:///workspace/online-store.tm';

/** The exact wire form of a `tm/stride-missing` finding on the name at 0-based `line`/`from`–`to`. */
function strideMissing(line: number, from: number, to: number, subject: string, categories: string[]): Diagnostic {
    const listed = categories.length === 1 ? categories[0]! : `${categories.slice(0, -1).join(', ')} and ${categories[categories.length - 1]!}`;
    return {
        range: { start: { line, character: from }, end: { line, character: to } },
        severity: 2,
        code: 'tm/stride-missing',
        message: `${subject} has no threat for ${listed}. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.`,
        source: 'threat-model',
        data: { code: 'tm/stride-missing', categories },
    };
}

const STOREFRONT = strideMissing(18, 12, 22, "Process 'Storefront'", ['Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService', 'ElevationOfPrivilege']);
const ORDERS_DB = strideMissing(25, 14, 22, "Data store 'OrdersDb'", ['Repudiation', 'InformationDisclosure', 'DenialOfService']);

function endOf(text: string): Position {
    const lines = text.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** The TMA process findings (docs/language.md#the-analysis-checks) on the design example (test/fixtures/design/online-store.tm): a warning on SaveOrder and a hint on OrderTamper. */
const SAVE_ORDER_UNPROTECTED: Diagnostic = {
    range: { start: { line: 37, character: 5 }, end: { line: 37, character: 14 } },
    severity: 2,
    code: 'tm/boundary-crossing-unprotected',
    message: "Flow 'SaveOrder' crosses the trust boundaries 'Dmz' and 'Backend' but is neither encrypted nor authenticated. " +
        "Protect it (TLS, signatures, mutual authentication) and mark it 'encrypted' and 'authenticated'.",
    source: 'threat-model',
    data: { code: 'tm/boundary-crossing-unprotected', properties: ['encrypted', 'authenticated'] },
};
function linkedFileMissing(line: number, from: number, to: number, message: string): Diagnostic {
    return {
        range: { start: { line, character: from }, end: { line, character: to } },
        severity: 2, code: 'tm/linked-file-missing', message, source: 'threat-model', data: { code: 'tm/linked-file-missing' },
    };
}
const IMPLEMENTED_IN_MISSING = linkedFileMissing(75, 18, 34, "'src/session.ts' (implementedIn of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone.");
const VERIFIED_BY_MISSING = linkedFileMissing(76, 15, 37, "'test/session.test.ts' (verifiedBy of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone.");
const ORDER_TAMPER_NO_ASSET: Diagnostic = {
    range: { start: { line: 79, character: 7 }, end: { line: 79, character: 18 } },
    severity: 4,
    code: 'tm/threat-without-asset',
    message: "Threat 'OrderTamper' names no asset, but its targets hold OrderHistory. Add 'assets …' for what the threat puts at risk.",
    source: 'threat-model',
    data: { code: 'tm/threat-without-asset', assets: ['OrderHistory'] },
};

/** The STRIDE findings only: tests of revalidation leave out the TMA process findings, which have their own unit tests. */
function strideOnly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.filter(d => typeof d.code === 'string' && d.code.startsWith('tm/stride-'));
}

/** Only the fields the protocol carries and the test cares about, in a stable key order. */
function normalise(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return diagnostics.map(({ range, severity, code, message, source, data }) => ({ range, severity, code, message, source, data }));
}

describe('the bundled language server over stdio', function () {
    this.timeout(30_000);
    let server: LanguageServerProcess | undefined;

    afterEach(async () => {
        await server?.dispose();
        server = undefined;
    });

    it('publishes the four DESIGN.md findings and the TMA process findings, follows an edit, and shuts down with exit code 0', async () => {
        server = new LanguageServerProcess();
        const init = await server.initialize();
        assert.ok(init.capabilities.textDocumentSync !== undefined, 'the server declares text document sync');

        await server.open(DESIGN_URI, DESIGN_EXAMPLE);
        const first = await server.nextDiagnostics(DESIGN_URI);
        // Reported, not asserted: machines differ too much for a time limit to mean anything.
        console.log(`      spawn → first publishDiagnostics: ${first.at.toFixed(0)} ms`);
        assert.deepEqual(normalise(first.diagnostics), [
            STOREFRONT,
            ORDERS_DB,
            strideMissing(31, 5, 15, "Flow 'PlaceOrder'", ['Tampering', 'InformationDisclosure', 'DenialOfService']),
            strideMissing(37, 5, 14, "Flow 'SaveOrder'", ['Tampering', 'InformationDisclosure', 'DenialOfService']),
            SAVE_ORDER_UNPROTECTED,
            IMPLEMENTED_IN_MISSING,
            VERIFIED_BY_MISSING,
            ORDER_TAMPER_NO_ASSET,
        ]);

        const mark = server.mark();
        const end = endOf(DESIGN_EXAMPLE);
        await server.change(DESIGN_URI, [{
            range: { start: end, end },
            text: 'exclude InformationDisclosure on PlaceOrder, SaveOrder "TLS and the DB link are encrypted"\n',
        }]);
        const afterEdit = await server.nextDiagnostics(DESIGN_URI, mark);
        assert.deepEqual(normalise(afterEdit.diagnostics), [
            STOREFRONT,
            ORDERS_DB,
            strideMissing(31, 5, 15, "Flow 'PlaceOrder'", ['Tampering', 'DenialOfService']),
            strideMissing(37, 5, 14, "Flow 'SaveOrder'", ['Tampering', 'DenialOfService']),
            SAVE_ORDER_UNPROTECTED,
            IMPLEMENTED_IN_MISSING,
            VERIFIED_BY_MISSING,
            ORDER_TAMPER_NO_ASSET,
        ]);

        assert.equal(await server.shutdown(), 0, `exit code; server stderr:\n${server.stderr}`);
        assert.deepEqual(server.serverRequests.filter(m => m === 'workspace/configuration'), [], 'no settings requested from a client without the capability');
    });

    it('applies changed severity settings to the published findings', async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        await server.open(DESIGN_URI, DESIGN_EXAMPLE);
        await server.nextDiagnostics(DESIGN_URI);
        const mark = server.mark();
        await server.changeConfiguration({ threatModel: { severity: { 'tm/stride-missing': 'error' } } });
        const changed = await server.nextDiagnostics(DESIGN_URI, mark);
        assert.deepEqual(changed.diagnostics.map(d => [d.code, d.severity]), [
            ...Array(4).fill(['tm/stride-missing', 1]),
            ['tm/boundary-crossing-unprotected', 2],
            ['tm/linked-file-missing', 2],
            ['tm/linked-file-missing', 2],
            ['tm/threat-without-asset', 4],
        ]);
        const off = server.mark();
        await server.changeConfiguration({ threatModel: { severity: { 'tm/stride-missing': 'off' } } });
        assert.deepEqual(normalise((await server.nextDiagnostics(DESIGN_URI, off)).diagnostics), [SAVE_ORDER_UNPROTECTED, IMPLEMENTED_IN_MISSING, VERIFIED_BY_MISSING, ORDER_TAMPER_NO_ASSET]);
        assert.equal(await server.shutdown(), 0);
    });

    it("revalidates an element's file when a threat in another file changes", async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        const a = 'file:///workspace/a.tm';
        const b = 'file:///workspace/b.tm';
        const all = ['Spoofing', 'Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService', 'ElevationOfPrivilege'];
        const api = (categories: string[]): Diagnostic[] => [strideMissing(0, 8, 11, "Process 'Api'", categories)];

        await server.open(a, 'process Api "API service"\n');
        assert.deepEqual(normalise(strideOnly((await server.nextDiagnostics(a)).diagnostics)), api(all));

        let mark = server.mark();
        const threat = 'threat Forged "Forged client certificate" {\n' +
            '    stride Spoofing\n' +
            '    targets Api\n' +
            '    dread { damage 5 reproducibility 5 exploitability 5 affectedUsers 5 discoverability 5 }\n' +
            '    response accept\n' +
            '    justification "Clients are pinned."\n' +
            '}\n';
        await server.open(b, threat);
        const [bOpened, aAfterOpen] = await Promise.all([server.nextDiagnostics(b, mark), server.nextDiagnostics(a, mark)]);
        assert.deepEqual(bOpened.diagnostics, []);
        assert.deepEqual(normalise(strideOnly(aAfterOpen.diagnostics)), api(all.slice(1)));

        mark = server.mark();
        await server.change(b, [{ text: `${threat}exclude Tampering on Api "Read-only service."\n` }]);
        assert.deepEqual(normalise(strideOnly((await server.nextDiagnostics(a, mark)).diagnostics)), api(all.slice(2)));

        mark = server.mark();
        await server.change(b, [{ text: '' }]);
        assert.deepEqual(normalise(strideOnly((await server.nextDiagnostics(a, mark)).diagnostics)), api(all));

        assert.equal(await server.shutdown(), 0);
    });

    // Blocks nested ~200 deep used to throw out of the parser; the rejection was unhandled and Node
    // ended the server. The lexer now stops at the nesting limit, and a failed rebuild is logged.
    it('keeps checking the other files when one file nests blocks 2,000 deep', async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        const a = 'file:///workspace/a.tm';
        await server.open(a, 'process Api "API service"\n');
        await server.nextDiagnostics(a);

        const depth = 2_000;
        const deep = `${'boundary B "b" {\n'.repeat(depth)}${'}\n'.repeat(depth)}`;
        const opened = server.mark();
        await server.open('file:///workspace/deep.tm', deep);
        // Nothing in deep.tm changes a.tm's findings, so only deep.tm is validated.
        const deepFindings = await server.nextDiagnostics('file:///workspace/deep.tm', opened);
        assert.ok(deepFindings.diagnostics.some(d => d.message.startsWith('Blocks are nested more than 64 levels deep here')));
        const mark = server.mark();
        await server.change(a, [{ text: 'process Api "API service"\nexclude Spoofing on Api "mTLS only."\n' }]);
        const categories = ['Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService', 'ElevationOfPrivilege'];
        assert.deepEqual(normalise(strideOnly((await server.nextDiagnostics(a, mark)).diagnostics)), [strideMissing(0, 8, 11, "Process 'Api'", categories)]);
        assert.equal(await server.shutdown(), 0, `exit code; server stderr:\n${server.stderr}`);
    });
});
