import * as assert from 'node:assert/strict';
import { exampleFiles } from './helpers/fuzz-inputs.js';
import { exercise } from './helpers/fuzz-pipeline.js';

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
