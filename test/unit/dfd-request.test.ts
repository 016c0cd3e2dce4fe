import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DfdParams, DfdResult } from '../../language-server/src/shared/protocol.js';
import { DfdRequest } from '../../language-server/src/shared/protocol.js';
import { LanguageServerProcess } from '../lsp/helpers/language-server-process.js';
import { DESIGN_EXAMPLE, REPO_ROOT } from './dfd-helpers.js';

const URI = 'file:///dfd/online-store.tm';
const TEXT = readFileSync(join(REPO_ROOT, DESIGN_EXAMPLE), 'utf8');

describe('threatModel/dfd (the bundled server)', () => {
    let server: LanguageServerProcess;
    const request = (params: DfdParams): Promise<DfdResult> => server.connection.sendRequest<DfdResult>(DfdRequest.method, params);

    before(async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        await server.open(URI, TEXT);
    });
    after(async () => {
        await server.dispose();
    });

    it('answers with the overview laid out as SVG, the diagram data and the scenarios', async () => {
        const result = await request({ uri: URI, scenario: null });
        assert.equal(result.diagram.scenario, null);
        assert.deepEqual(result.diagram.nodes.map(n => n.id), ['Customer', 'Storefront', 'OrdersDb']);
        assert.deepEqual(result.scenarios, [{ name: 'Checkout', title: 'A customer pays for the basket' }]);
        assert.match(result.svg, /<svg [^]*<g id="dfd&#45;Storefront" class="node tm&#45;node tm&#45;process tm&#45;open">[^]*<\/svg>/);
    });

    it('collapses the boundaries asked for, ignoring ids that are not boundaries, and says which way the flows run', async () => {
        const result = await request({ uri: URI, scenario: null, collapsed: ['Dmz', 'Backend', 'Customer', 'Nothing'] });
        assert.deepEqual(result.diagram.nodes.map(n => n.id), ['Customer']);
        assert.deepEqual(result.diagram.collapsed?.map(b => [b.id, b.elements, b.flows]), [['Dmz', 1, 0], ['Backend', 1, 0]]);
        assert.deepEqual(result.diagram.edges.map(e => `${e.id}: ${e.source} -> ${e.target}`), ['PlaceOrder: Customer -> Dmz', 'SaveOrder: Dmz -> Backend']);
        assert.match(result.svg, /<g id="dfd&#45;Dmz" class="node tm&#45;collapsed tm&#45;open">/);
        // Customer -> Dmz -> Backend in a row is more than twice as wide as high: top to bottom is nearer 3:2.
        assert.equal(result.direction, 'TB');
    });

    it('answers for a scenario, and with the overview for a scenario that is gone', async () => {
        assert.equal((await request({ uri: URI, scenario: 'Checkout' })).diagram.scenario, 'Checkout');
        assert.equal((await request({ uri: URI, scenario: 'Refund' })).diagram.scenario, null);
    });

    it('answers from the text as just edited, not from the build before', async () => {
        const line = TEXT.split('\n').findIndex(l => l.includes('"Customer\'s browser"'));
        const start = TEXT.split('\n')[line]!.indexOf('"Customer');
        await server.change(URI, [{ range: { start: { line, character: start }, end: { line, character: start + '"Customer\'s browser"'.length } }, text: '"Shopper <b>&amp;</b>"' }]);
        // No waiting for diagnostics: the request itself must wait for the edit to be built.
        const result = await request({ uri: URI, scenario: null });
        assert.equal(result.diagram.nodes[0]?.title, 'Shopper <b>&amp;</b>');
        assert.match(result.svg, />Shopper &lt;b&gt;&amp;amp;&lt;\/b&gt;</);
    });

    it('answers for a document the server does not know with the workspace model', async () => {
        const result = await request({ uri: 'file:///dfd/not-open.tm', scenario: null });
        assert.equal(result.diagram.nodes.length, 3);
    });
});
