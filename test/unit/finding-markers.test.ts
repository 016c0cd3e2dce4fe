import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { compareWithMarkers, readFindingMarkers } from './helpers/finding-markers.js';

const TEXT = [
    '// $only tm/flow-self tm/asset-unused',
    'flow Loop: Db -> Db "loop"',
    '//   ^^^^ warning tm/flow-self "Flow \'Loop\' \\"loops\\"."',
    '//                   ^^^^^^ hint tm/asset-unused "a" data {"assets":["x"]}',
].join('\n');

function finding(line: number, start: number, end: number, severity: 1 | 2 | 3 | 4, code: string, message: string, data?: unknown): Diagnostic {
    return { range: { start: { line, character: start }, end: { line, character: end } }, severity, code, message, data };
}

describe('finding markers in annotated fixtures', () => {
    it('reads the carets as a range on the nearest code line above, with severity, code, exact message and data', () => {
        assert.deepEqual(readFindingMarkers(TEXT).expected, [
            { at: '2:6-2:10', severity: 'warning', code: 'tm/flow-self', message: 'Flow \'Loop\' "loops".' },
            { at: '2:22-2:28', severity: 'hint', code: 'tm/asset-unused', message: 'a', data: { assets: ['x'] } },
        ]);
    });

    it('refuses a marker line it cannot read, and a marker above every code line', () => {
        assert.throws(() => readFindingMarkers('flow F: A -> B "f"\n//   ^ warning tm/flow-self no quotes'), /line 2: not a finding marker/);
        assert.throws(() => readFindingMarkers('//   ^ warning tm/flow-self "m"'), /line 1: not a finding marker/);
    });

    it('compares only the selected codes; an unmarked finding, a wrong message or wrong data shows as a difference', () => {
        const markers = readFindingMarkers(TEXT);
        const marked = [
            finding(1, 5, 9, 2, 'tm/flow-self', 'Flow \'Loop\' "loops".', { code: 'tm/flow-self' }),
            finding(1, 21, 27, 4, 'tm/asset-unused', 'a', { code: 'tm/asset-unused', assets: ['x'] }),
        ];
        const other = finding(0, 0, 1, 1, 'linking-error', 'unresolved');
        const same = compareWithMarkers(markers, [other, ...marked]);
        assert.deepEqual(same.actual, same.expected);

        const extra = compareWithMarkers(markers, [...marked, finding(1, 0, 4, 2, 'tm/flow-self', 'again')]);
        assert.deepEqual(extra.actual.length - extra.expected.length, 1);
        const wrongData = compareWithMarkers(markers, [marked[0]!, finding(1, 21, 27, 4, 'tm/asset-unused', 'a', { code: 'tm/asset-unused', assets: [] })]);
        assert.deepEqual(wrongData.actual[1], '2:22-2:28 hint tm/asset-unused "a" data {"assets":[]}');
        assert.notDeepEqual(wrongData.actual, wrongData.expected);
    });

    it('without $only, compares every finding but the $ignore ones', () => {
        const markers = readFindingMarkers('// $ignore tm/background-missing\nprocess P "p"');
        assert.equal(markers.compares('tm/background-missing'), false);
        assert.equal(markers.compares('tm/stride-missing'), true);
        assert.equal(markers.compares('linking-error'), true);
    });
});
