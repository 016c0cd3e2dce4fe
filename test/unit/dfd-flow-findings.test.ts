import * as assert from 'node:assert/strict';
import { toDot } from '../../language-server/src/dfd/dot.js';
import { tooltipLines } from '../../language-server/src/shared/dfd/labels.js';
import { renderSvg } from '../../language-server/src/dfd/svg.js';
import { dfdModelOf } from './dfd-helpers.js';

const MODEL = 'boundary Outside "o" { external User "u" }\nboundary Inside "i" { process Api "a" }\ndatastore Db "db"\n' +
    'flow In: User -> Api "in"\nflow Ok: Api -> Db "ok" { encrypted authenticated }\nflow Copy: User -> Db "copy" { encrypted authenticated }\n' +
    ['Tampering', 'InformationDisclosure', 'DenialOfService'].map(c => `exclude ${c} on In, Ok, Copy "not under test"\n`).join('');

const CROSSING = "Flow 'In' crosses the trust boundaries 'Outside' and 'Inside' but is neither encrypted nor authenticated. Protect it (TLS, signatures, mutual authentication) and mark it 'encrypted' and 'authenticated'.";

describe('DFD: flows with findings', () => {
    it('carry the messages of the warnings on their name, other than STRIDE coverage, and only when they have some', async () => {
        const { overview } = await dfdModelOf({ 'model.tm': MODEL });
        const findings = Object.fromEntries(overview.edges.map(e => [e.id, e.findings]));
        assert.deepEqual(findings, {
            In: [CROSSING],
            Ok: undefined,
            Copy: ["Flow 'Copy' goes from external entity 'User' directly to data store 'Db', but data moves only through a process. Add the process that moves the data and split the flow into two: 'User' -> process and process -> 'Db'."],
        });
    });

    it('are drawn as open flows are, with the mark, and explain the findings on hover', async () => {
        const { overview } = await dfdModelOf({ 'model.tm': MODEL });
        const edge = overview.edges.find(e => e.id === 'In')!;
        assert.deepEqual(edge.open, []);
        assert.deepEqual(tooltipLines(edge), ["Flow 'In': STRIDE 3/3 addressed", 'not encrypted, not authenticated',
            'Tampering: excluded (not under test)', 'InformationDisclosure: excluded (not under test)', 'DenialOfService: excluded (not under test)', `⚠ ${CROSSING}`]);
        // Graphviz writes '-' in attributes as '&#45;'.
        const svg = (await renderSvg(toDot(overview))).replaceAll('&#45;', '-');
        const group = /<g id="dfd-In" class="([^"]*)">[^]*?<\/g>\n<\/g>/.exec(svg);
        assert.equal(group?.[1], 'edge tm-flow tm-open tm-finding');
        assert.match(group![0], /stroke="#c62828"/);
        assert.match(group![0], />⚠<\/text>/);
        assert.ok(group![0].includes('xlink:title="Flow &#39;In&#39;: STRIDE 3/3 addressed&#10;not encrypted, not authenticated&#10;Tampering: excluded (not under test)&#10;InformationDisclosure: excluded (not under test)&#10;DenialOfService: excluded (not under test)&#10;⚠ Flow &#39;In&#39; crosses'), group![0]);
        const ok = /<g id="dfd-Ok" class="([^"]*)">/.exec(svg);
        assert.equal(ok?.[1], 'edge tm-flow');
    });
});
