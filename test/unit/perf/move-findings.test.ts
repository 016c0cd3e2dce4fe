import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, Position } from 'vscode-languageserver';
import { moveFindings, PositionMover, textEdit } from '../../../language-server/src/incremental/text-edit.js';

/**
 * Findings taken over after a keystroke are moved past the edit (incremental/text-edit.ts), and a
 * finding on a line the edit cannot move is kept as it is without looking at its positions. The
 * result must be what moving every position one by one gives.
 */
const URI = 'file:///w/a.tm';
const OTHER = 'file:///w/b.tm';

/** Every position of this file in `value` moved by `mover`, the rest as it is; `undefined` when one is inside the edit. */
function movedOneByOne(value: unknown, mover: PositionMover): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map(item => movedOneByOne(item, mover));
    if (typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number') return mover.move(value as Position) ?? FAILED;
    if ((value as { uri?: unknown }).uri === OTHER) return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, movedOneByOne(item, mover)]));
}
const FAILED = Symbol('inside the edit');

function hasFailed(value: unknown): boolean {
    if (value === FAILED) return true;
    if (typeof value !== 'object' || value === null) return false;
    return Object.values(value).some(hasFailed);
}

const line = fc.stringMatching(/^[a-z "]{0,12}$/);

describe('moving findings past an edit (incremental/text-edit.ts)', () => {
    it('counts lines as the syntax tree does: a line ends at \\n, \\r\\n or a lone \\r', () => {
        for (const lineBreak of ['\n', '\r\n', '\r']) {
            const before = ['process A', 'process B', 'process C'].join(lineBreak);
            const after = `x${before}`;
            const mover = new PositionMover(textEdit(before, after)!, before, after);
            assert.deepEqual(mover.move({ line: 2, character: 8 }), { line: 2, character: 8 }, JSON.stringify(lineBreak));
            assert.deepEqual(mover.move({ line: 0, character: 8 }), { line: 0, character: 9 }, JSON.stringify(lineBreak));
            assert.equal(mover.sameLines, true, JSON.stringify(lineBreak));
        }
        const typedBreak = new PositionMover(textEdit('process A', 'process\r A')!, 'process A', 'process\r A');
        assert.equal(typedBreak.sameLines, false, 'a lone \\r typed starts a line');
        assert.deepEqual(typedBreak.move({ line: 0, character: 8 }), { line: 1, character: 1 });
        const split = new PositionMover(textEdit('A\r\nB', 'A\rx\nB')!, 'A\r\nB', 'A\rx\nB');
        assert.equal(split.sameLines, false, 'text typed inside a \\r\\n splits it into two line breaks');
        assert.deepEqual(split.move({ line: 1, character: 0 }), { line: 2, character: 0 });
    });

    it('gives what moving each position gives, for findings on any line and edits with and without line breaks', () => {
        let kept = 0;
        fc.assert(fc.property(
            fc.array(line, { minLength: 1, maxLength: 8 }),
            fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', 'x', '\n', 'ab\nc'),
            fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 6 }),
            (lines, at, removed, typed, shapes) => {
                const before = lines.join('\n');
                const start = at % (before.length + 1);
                const after = before.slice(0, start) + typed + before.slice(Math.min(before.length, start + removed));
                const edit = textEdit(before, after);
                if (!edit) return;
                const clamp = (p: Position): Position => {
                    const l = p.line % lines.length;
                    return { line: l, character: p.character % (lines[l]!.length + 1) };
                };
                const findings = shapes.map(([l1, c1, l2, c2, related, fix], i): Diagnostic => {
                    const [s, e] = [clamp({ line: l1, character: c1 }), clamp({ line: l2, character: c2 })]
                        .sort((x, y) => x.line - y.line || x.character - y.character) as [Position, Position];
                    return {
                        range: { start: s, end: e },
                        message: `finding ${i}`,
                        ...(related ? { relatedInformation: [{ location: { uri: OTHER, range: { start: { line: 99, character: 0 }, end: { line: 99, character: 1 } } }, message: 'there' }] } : {}),
                        ...(fix ? { data: { code: 'tm/x', fix: { uri: URI, range: { start: s, end: s } } } } : {}),
                    };
                });
                const mover = new PositionMover(edit, before, after);
                const moved = moveFindings(findings, mover, URI);
                const expected = findings.map(f => movedOneByOne(f, mover));
                if (expected.some(hasFailed)) {
                    assert.equal(moved, undefined);
                } else {
                    assert.deepEqual(moved, expected);
                    moved!.forEach((finding, i) => { if (finding === findings[i]) kept++; });
                }
            }), { numRuns: 500 });
        assert.ok(kept > 100, `${kept} findings kept as they were`);
    });
});
