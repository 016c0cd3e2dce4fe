import * as assert from 'node:assert/strict';
import { AstUtils } from 'langium';
import { isThreat } from '../../language-server/src/generated/ast.js';
import { IdAllocator } from '../../language-server/src/dfd/ids.js';
import { exampleFiles } from './helpers/fuzz-inputs.js';
import { exercise } from './helpers/fuzz-pipeline.js';
import { checkWorkspace } from './helpers/workspace.js';

/**
 * Every input the fuzz suite (fuzz.test.ts) found failing, kept as a fixture in
 * test/fixtures/fuzz/ with a comment saying what it broke: each passes every feature, SVG included.
 */
describe('fuzz regressions: the inputs the fuzz suite found', () => {
    const found = exampleFiles().filter(file => file.path.startsWith('test/fixtures/fuzz/'));

    it('keeps the fixtures it found', () => {
        assert.ok(found.length >= 4, `only ${found.length} fixtures in test/fixtures/fuzz/`);
    });

    for (const { path, text } of found) {
        it(path.slice('test/fixtures/fuzz/'.length), async () => {
            assert.deepEqual(await exercise(text, { renderSvg: true }), []);
        });
    }
});

describe('soak regressions: what the LSP soak found', () => {
    // A name declared as two kinds (a duplicate-name error) and referenced where neither fits: the
    // linking error named whichever declaration the index happened to list first, so a server that
    // had seen edits said "is a mitigation" where a fresh one said "is a flow".
    it('names the same kind of a name declared twice, whichever file was loaded first', async () => {
        const files = { 'a.tm': 'flow Twice: Twice -> Twice "t"\n', 'b.tm': 'mitigation Twice "m"\n' };
        const messages = async (order: Array<keyof typeof files>): Promise<string[]> => {
            const checked = await checkWorkspace(Object.fromEntries(order.map(name => [name, files[name]])));
            const a = checked[order.indexOf('a.tm')]!;
            return a.diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === 'linking-error').map(d => d.message);
        };
        const expected = Array(2).fill("'Twice' is a flow, but an external, process or datastore is expected here.");
        assert.deepEqual(await messages(['a.tm', 'b.tm']), expected);
        assert.deepEqual(await messages(['b.tm', 'a.tm']), expected);
    });
});

describe('soak regressions: references to a name declared twice', () => {
    // A name declared as two kinds that both fit a reference (an external and a flow, both targets):
    // the reference resolved to whichever the index listed first, and the index listed documents in
    // the order they were last built, so a server that had seen edits resolved `targets A` to the
    // flow (Spoofing does not apply) where a fresh one resolved it to the external.
    it('resolves it to the declaration of the first file by name, whichever file was loaded first', async () => {
        const files = { 'a.tm': 'threat T "t" { stride Spoofing targets A }\n', 'b.tm': 'external A "a"\n', 'c.tm': 'process P "p"\nflow A: P -> P "f"\n' };
        const target = async (order: Array<keyof typeof files>): Promise<string | undefined> => {
            const checked = await checkWorkspace(Object.fromEntries(order.map(name => [name, files[name]])));
            const threat = AstUtils.streamAllContents(checked[order.indexOf('a.tm')]!.document.parseResult.value).find(isThreat);
            return threat?.targets[0]?.ref?.$type;
        };
        assert.equal(await target(['a.tm', 'b.tm', 'c.tm']), 'External');
        assert.equal(await target(['c.tm', 'a.tm', 'b.tm']), 'External');
        assert.equal(await target(['c.tm', 'b.tm', 'a.tm']), 'External');
    });
});

describe('hostile-structure regressions: what the hostile inputs found', () => {
    // 200,000 garbage tokens hold about 20,000 flows without a name: each id was found by trying
    // unnamed__2, unnamed__3… from the start, so `tml dfd` took quadratic time in the number of flows.
    it('gives 20,000 elements of one name their ids in linear time, as before: the name, then name__2, name__3…', () => {
        const ids = new IdAllocator();
        assert.deepEqual(['X', 'X__3', 'X', 'X', undefined, 'X', 'bad name'].map(name => ids.allocate(name)), ['X', 'X__3', 'X__2', 'X__4', 'unnamed', 'X__5', 'unnamed__2']);
        const started = performance.now();
        for (let i = 0; i < 20_000; i++) ids.allocate(undefined);
        assert.equal(ids.allocate(undefined), 'unnamed__20003');
        assert.ok(performance.now() - started < 2_000, `took ${Math.round(performance.now() - started)} ms`);
    });
});
