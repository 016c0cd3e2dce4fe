import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { textEdit } from '../../../language-server/src/incremental/text-edit.js';

/** The span two texts differ in, character by character: what textEdit finds by chunks. */
function byCharacters(before: string, after: string): readonly number[] {
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    while (start < shorter && before[start] === after[start]) start++;
    let tail = 0;
    while (tail < shorter - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    return [start, before.length - tail, after.length - tail, after.length - before.length];
}

describe('the span an edit changed (incremental/text-edit.ts)', () => {
    it('is the common start and end left out, for texts of thousands of characters edited anywhere', () => {
        // Two letters, so that common runs are long and the edit's own characters often match their neighbours.
        const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), minLength: 0, maxLength: 6000 });
        fc.assert(fc.property(text, fc.nat(), fc.nat({ max: 3000 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 2500 }), (before, at, length, insert) => {
            const start = at % (before.length + 1);
            const after = before.slice(0, start) + insert + before.slice(start + length);
            const edit = textEdit(before, after);
            if (before === after) return assert.equal(edit, undefined);
            assert.deepEqual(edit && [edit.start, edit.oldEnd, edit.newEnd, edit.delta], byCharacters(before, after));
        }), { numRuns: 500, seed: 20261206 });
    });
});
