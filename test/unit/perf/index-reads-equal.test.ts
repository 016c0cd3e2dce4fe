import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import { IndexReads } from '../../../language-server/src/workspace/index-reads.js';
import { editorWorkspace } from '../helpers/editor-workspace.js';
import { A_TEXT, B_LINES } from '../helpers/cross-file-models.js';
import { applyEdit, randomEdit } from '../helpers/random-edits.js';
import { ReferenceIndexReads } from '../helpers/reference-index-reads.js';

/**
 * The recording of index reads (workspace/index-reads.ts, read-steps.ts) against the one it
 * replaced (helpers/reference-index-reads.ts, one identity string per question built as asked):
 * two workspaces, one with each, go through the same files and edits, and every question of the
 * document builder and the keystroke validation, whether a document read something that is
 * answered differently now, gets the same answer from both, as does the number of questions
 * recorded.
 */
const entry = (document: LangiumDocument, answer: boolean, size: number): string => `${document.uri.path}: changed ${answer}, ${size} questions`;

/** `Reads` with a log of every answer of `changed`. */
function logged<T extends new (...args: any[]) => IndexReads>(Reads: T) {
    return class extends Reads {
        readonly log: string[] = [];

        override changed(document: LangiumDocument): boolean {
            const answer = super.changed(document);
            this.log.push(entry(document, answer, super.size(document)));
            return answer;
        }
    };
}

const LoggedReads = logged(IndexReads);
const LoggedReference = logged(ReferenceIndexReads);

const workspaces = [new LoggedReads(), new LoggedReference()].map(reads => {
    const { shared } = createThreatModelServices({ ...EmptyFileSystem, indexReads: () => reads });
    return { reads, shared, editor: editorWorkspace(shared) };
});

/** Declarations of a.tm (the edited file) and of b.tm and c.tm (the other files, of the same model). */
const A_LINES = [...A_TEXT.trim().split('\n'), 'dismiss Plain on Call "Signed anyway."', 'scenario Buy "Buying" { flows Call }'];
const OTHER_LINES = [...B_LINES, 'process Api "Twice"', 'rule Loud "Every process" { on process stride Repudiation }',
    'threat Deny "Flooding" { stride DenialOfService targets Api, Cache response fix mitigatedBy [] }'];
const text = (lines: readonly string[], kept: ReadonlySet<number>): string => lines.filter((_, i) => kept.has(i)).map(line => `${line}\n`).join('');

const edit = fc.oneof(
    randomEdit().map(keystroke => ({ keystroke, file: 'a.tm', line: 0 })),
    fc.record({ keystroke: fc.constant(undefined), file: fc.constantFrom('b.tm', 'c.tm'), line: fc.nat({ max: OTHER_LINES.length - 1 }) }),
);

describe('the recording of index reads answers as the one it replaced (workspace/index-reads.ts, read-steps.ts)', function () {
    this.timeout(600_000);

    it('gives the same answer to every question whether a document read something answered differently now, over random models and edits', async () => {
        const answers: string[] = [];
        await fc.assert(fc.asyncProperty(
            fc.subarray([...A_LINES.keys()]), fc.subarray([...OTHER_LINES.keys()]), fc.array(edit, { minLength: 1, maxLength: 8 }),
            async (inA, inB, edits) => {
                for (const { shared, editor: { open, change } } of workspaces) {
                    let a = text(A_LINES, new Set(inA));
                    const others: Record<string, Set<number>> = { 'b.tm': new Set(inB), 'c.tm': new Set() };
                    await open({ 'a.tm': a, 'b.tm': text(OTHER_LINES, others['b.tm']!), 'c.tm': '' });
                    for (const { keystroke, file, line } of edits) {
                        if (keystroke) {
                            a = applyEdit(a, keystroke, A_LINES);
                            await change('a.tm', a);
                        } else {
                            const kept = others[file]!;
                            if (!kept.delete(line)) kept.add(line);
                            await change(file, text(OTHER_LINES, kept));
                        }
                        for (const document of shared.workspace.LangiumDocuments.all) {
                            if (document.uri.scheme === 'file') shared.workspace.IndexReads.changed(document);
                        }
                    }
                }
                const [log, expected] = workspaces.map(({ reads }) => reads.log.splice(0));
                answers.push(...log!);
                assert.deepEqual(log, expected);
            }), { numRuns: 80, seed: 20261206 });
        const changed = answers.filter(answer => answer.includes('changed true')).length;
        assert.ok(changed > 50 && answers.length - changed > 50, `${changed} of ${answers.length} answers were "changed": both kinds are compared`);
    });
});
