import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineStarts } from '../../../language-server/src/parser/cst-nodes.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { FUZZ_SEED, fuzzRuns } from '../helpers/fuzz-inputs.js';

/** Line starts as the plain loop over every character counts them (\n, \r\n or a lone \r ends a line). */
function plainLineStarts(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0d) {
            if (text.charCodeAt(i + 1) === 0x0a) i++;
            starts.push(i + 1);
        } else if (c === 0x0a) {
            starts.push(i + 1);
        }
    }
    return starts;
}

describe('line starts (parser/cst-nodes.ts)', () => {
    it('are those of the plain loop for texts with and without carriage returns', () => {
        const line = fc.string({ unit: fc.constantFrom('a', ' ', '\u00e9', '\ud83d\ude00', '"', '\t'), maxLength: 6 });
        const text = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n\r', '')), { maxLength: 30 })
            .map(parts => parts.map(([l, end]) => l + end).join(''));
        fc.assert(fc.property(text, t => {
            assert.deepEqual([...lineStarts(t)], plainLineStarts(t), JSON.stringify(t));
        }), { seed: FUZZ_SEED, numRuns: fuzzRuns(500) });
    });

    it('are those of the plain loop for a generated model, with LF and CRLF line ends', () => {
        const model = Object.values(generateModel(200, 1).files)[0]!;
        assert.deepEqual([...lineStarts(model)], plainLineStarts(model));
        const crlf = model.replace(/\n/g, '\r\n');
        assert.deepEqual([...lineStarts(crlf)], plainLineStarts(crlf));
        assert.deepEqual([...lineStarts('')], [0]);
        assert.deepEqual([...lineStarts('\n')], [0, 1]);
    });
});
