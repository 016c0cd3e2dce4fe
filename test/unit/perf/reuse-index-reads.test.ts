import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';
import type { ThreatModelDocumentValidator } from '../../../language-server/src/validation/document-validator.js';
import { editorWorkspace } from '../helpers/editor-workspace.js';
import { A_TEXT, B_LINES } from '../helpers/cross-file-models.js';
import { applyEdit, randomEdit } from '../helpers/random-edits.js';
import { checkWorkspace, describeFinding } from '../helpers/workspace.js';

/**
 * Keystroke validation (incremental/) and cross-file revalidation (workspace/index-reads.ts)
 * together: a validation that takes over findings records only the reads of the checks it runs, so
 * the record keeps the previous reads too, and a later change in another file that alters what an
 * unedited declaration read still validates the file again. Both files are open in the editor.
 */
const own = createThreatModelServices(EmptyFileSystem);
const { shared } = own;
const validator = own.ThreatModel.validation.DocumentValidator as ThreatModelDocumentValidator;
const reads = shared.workspace.IndexReads;
const { open, change, documentOf } = editorWorkspace(shared);

const findings = (document: LangiumDocument): string[] => (document.diagnostics ?? []).map(d => `${describeFinding(d)} ${d.message}`);

/** Each file's findings as a validation of the same texts from scratch gives them. */
async function fromScratch(files: Record<string, string>): Promise<string[][]> {
    return (await checkWorkspace(files)).map(file => findings(file.document));
}

const A = `process Api "API"
process Other "Other"
datastore Db "Db"
flow Save: Api -> Db "Save"
`;
const B = 'process Batch "Batch"\n';
const B_COVERING = `${B}threat Forge "Forged calls" { stride Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege targets Api response accept justification "Internal." }\n`;

describe('keystroke validation with the reads of the index (incremental/, workspace/index-reads.ts)', function () {
    this.timeout(300_000);

    it('validates a file again when another file changes what a declaration whose findings were taken over read', async () => {
        await open({ 'a.tm': A, 'b.tm': B });
        const typed = A.replace('"Other"', '"Othxer"');
        await change('a.tm', typed);
        assert.ok(validator.lastRun.checked < validator.lastRun.nodes, `${validator.lastRun.checked} of ${validator.lastRun.nodes} nodes checked: the keystroke took findings over`);
        assert.ok(findings(documentOf('a.tm')).some(f => f.includes("Process 'Api' has no threat")), findings(documentOf('a.tm')).join('\n'));
        await change('b.tm', B_COVERING);
        const expected = await fromScratch({ 'a.tm': typed, 'b.tm': B_COVERING });
        assert.ok(!expected[0]!.some(f => f.includes("Process 'Api' has no threat")), expected[0]!.join('\n'));
        assert.deepEqual([findings(documentOf('a.tm')), findings(documentOf('b.tm'))], expected);
    });

    it('asks whether the model has scenarios once for all elements, and still validates every element again when the first appears', async () => {
        const many = `${A}process Extra "Extra"\nexternal User "User"\nflow Use: User -> Api "Use"\n`;
        await open({ 'a.tm': many, 'b.tm': B });
        const sizes: number[] = [];
        for (const more of ['', 'process More "More"\n', 'process More "More"\nprocess Most "Most"\n']) {
            await open({ 'a.tm': `${many}${more}`, 'b.tm': B });
            sizes.push(reads.size(documentOf('a.tm')));
        }
        assert.deepEqual([sizes[1]! - sizes[0]!, sizes[2]! - sizes[1]!], [4, 4], `questions per process: its name, coverage, rule suggestions and entering flow, not whether there are scenarios (${sizes.join(', ')})`);
        await open({ 'a.tm': many, 'b.tm': B });
        const typed = many.replace('"Other"', '"Othxer"');
        await change('a.tm', typed);
        assert.ok(validator.lastRun.checked < validator.lastRun.nodes, 'the keystroke took findings over');
        const withScenario = `${B}scenario Sell "Selling" { flows Save }\n`;
        await change('b.tm', withScenario);
        const expected = await fromScratch({ 'a.tm': typed, 'b.tm': withScenario });
        assert.ok(expected[0]!.some(f => f.includes("'Extra'")), expected[0]!.join('\n'));
        assert.deepEqual([findings(documentOf('a.tm')), findings(documentOf('b.tm'))], expected);
    });

    it('keeps one read per question asked over 200 keystrokes that take findings over', async () => {
        await open({ 'a.tm': A, 'b.tm': B });
        let text = A;
        const sizes = new Set<number>();
        for (let i = 0; i < 200; i++) {
            text = text.replace('"Oth', `"Oth${'xy'[i % 2]!}`);
            await change('a.tm', text);
            assert.ok(validator.lastRun.checked < validator.lastRun.nodes, `keystroke ${i}: every node checked`);
            sizes.add(reads.size(documentOf('a.tm')));
        }
        assert.equal(sizes.size, 1, `record sizes: ${[...sizes].join(', ')}`);
    });

    it('holds no tree of an earlier version of the file after keystrokes in two declarations', async () => {
        await open({ 'a.tm': A, 'b.tm': B });
        await change('a.tm', A.replace('"Other"', '"Othxer"'));
        const before = new WeakRef(documentOf('a.tm').parseResult.value);
        await change('a.tm', A.replace('"Other"', '"Othxer"').replace('"API"', '"AxPI"'));
        assert.ok(validator.lastRun.checked < validator.lastRun.nodes);
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        for (let i = 0; i < 3 && before.deref(); i++) {
            await new Promise(resolve => setImmediate(resolve));
            gc();
        }
        assert.equal(before.deref(), undefined, 'the tree of the version before the last keystroke is still held');
    });

    const A_LINES = A_TEXT.trim().split('\n');
    const step = fc.oneof(
        randomEdit().map(edit => ({ file: 'a.tm' as const, edit, line: 0 })),
        fc.nat({ max: B_LINES.length - 1 }).map(line => ({ file: 'b.tm' as const, edit: undefined, line })),
    );

    it('gives both files the findings of a validation from scratch after keystrokes in one and edits of the other', async () => {
        let reused = 0;
        await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async steps => {
            let a = A_TEXT;
            const inB = new Set<number>();
            const bText = (): string => B_LINES.filter((_, i) => inB.has(i)).map(line => `${line}\n`).join('');
            await open({ 'a.tm': a, 'b.tm': bText() });
            for (const { file, edit, line } of steps) {
                if (edit) {
                    a = applyEdit(a, edit, A_LINES);
                    await change('a.tm', a);
                    if (validator.lastRun.checked < validator.lastRun.nodes) reused++;
                } else {
                    if (!inB.delete(line)) inB.add(line);
                    await change(file, bText());
                }
                const expected = await fromScratch({ 'a.tm': a, 'b.tm': bText() });
                assert.deepEqual([findings(documentOf('a.tm')), findings(documentOf('b.tm'))], expected, `after ${JSON.stringify({ file, edit, line })}`);
            }
        }), { numRuns: 60, seed: 20261206 });
        assert.ok(reused > 20, `findings were taken over after ${reused} keystrokes`);
    });
});
