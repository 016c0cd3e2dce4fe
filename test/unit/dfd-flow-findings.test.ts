import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { toDot } from '../../language-server/src/dfd/dot.js';
import { FlowFindings } from '../../language-server/src/dfd/flow-findings.js';
import type { DfdRange } from '../../language-server/src/shared/dfd/graph.js';
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

    it('are looked up in an index of the document that gives what a pass over every diagnostic gives, in the same order', () => {
        // The plain definition: the warnings and errors whose range is the name's, other than STRIDE coverage.
        const plain = (diagnostics: readonly Diagnostic[], name: DfdRange): string[] => diagnostics
            .filter(d => (d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
                && !String(d.code ?? '').startsWith('tm/stride-')
                && d.range.start.line === name.start.line && d.range.start.character === name.start.character
                && d.range.end.line === name.end.line && d.range.end.character === name.end.character)
            .map(d => d.message);
        let seed = 17;
        let found = 0;
        const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
        const range = (): DfdRange => ({ start: { line: next(3), character: next(3) }, end: { line: next(3), character: next(12) } });
        const codes = ['tm/stride-missing', 'tm/boundary-crossing-unprotected', 'tm/flow-needs-process', undefined, 7];
        for (let round = 0; round < 50; round++) {
            const diagnostics: Diagnostic[] = Array.from({ length: next(40) }, (_, i) => ({
                range: range(), message: `m${i}`, severity: ([1, 2, 3, 4, undefined] as const)[next(5)], code: codes[next(codes.length)],
            }));
            const index = new FlowFindings(diagnostics);
            for (let probe = 0; probe < 30; probe++) {
                const name = range();
                assert.deepEqual(index.on(name), plain(diagnostics, name));
                found += index.on(name).length;
            }
        }
        assert.ok(found > 50, `only ${found} findings looked up`);
        assert.deepEqual(new FlowFindings(undefined).on(range()), []);
    });
});
