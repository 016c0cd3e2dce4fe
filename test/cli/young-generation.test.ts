import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LARGE_WORKSPACE_CHARACTERS } from '../../language-server/src/cli/load-workspace.js';
import { generateModel } from '../bench/synthetic-model.js';
import { REPO_ROOT } from './helpers/run-tml.js';

/**
 * Preloaded into `tml`: writes the size of V8's young generation (its new space) in bytes each time
 * the CLI sets V8's growth factor of it, one line per setting (`held` or `released`).
 */
const NEW_SPACE_PRELOAD = `const v8 = require('node:v8');
const fs = require('node:fs');
const setFlags = v8.setFlagsFromString;
v8.setFlagsFromString = flags => {
    const factor = /^--semi-space-growth-factor=(\\d+)$/.exec(flags);
    if (factor) fs.appendFileSync(process.env.TML_TEST_NEW_SPACE_FILE, (factor[1] === '1' ? 'held ' : 'released ') + v8.getHeapSpaceStatistics().find(s => s.space_name === 'new_space').space_size + '\\n');
    setFlags(flags);
};
`;

/** `tml check` of a generated model of `elements` in one file: every setting of the growth factor, with the young generation's size then in MB. */
function youngGenerationOfCheck(elements: number): string[] {
    const scratch = mkdtempSync(path.join(tmpdir(), 'tml-young-'));
    try {
        const preload = path.join(scratch, 'preload.cjs');
        const out = path.join(scratch, 'new-space.txt');
        writeFileSync(preload, NEW_SPACE_PRELOAD);
        const [text] = Object.values(generateModel(elements, 1).files);
        writeFileSync(path.join(scratch, 'model.tm'), text!);
        const result = spawnSync(process.execPath, ['--require', preload, path.join(REPO_ROOT, 'bin', 'tml.cjs'), 'check', 'model.tm', '--fail-on', 'none'], {
            cwd: scratch, encoding: 'utf8', maxBuffer: 2 ** 28, env: { ...process.env, TML_TEST_NEW_SPACE_FILE: out },
        });
        assert.equal(result.status, 0, result.stderr);
        return readFileSync(out, 'utf8').trim().split('\n').map(line => {
            const [what, bytes] = line.split(' ');
            return `${what} ${Number(bytes) / 2 ** 20 <= 8 ? '<= 8 MB' : '> 8 MB'}`;
        });
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

describe('tml check\'s young generation (cli/load-workspace.ts)', function () {
    this.timeout(120_000);

    it('in a large workspace, stays at the size it had when the commands were loaded (8 MB or less) to the end of the build, where V8 grew it to 32 MB', () => {
        assert.ok(generateModel(10_400, 1).files['part-00.tm']!.length >= LARGE_WORKSPACE_CHARACTERS);
        // Held when the commands load, released after the build, and again (V8's default) at exit.
        assert.deepEqual(youngGenerationOfCheck(10_400), ['held <= 8 MB', 'released <= 8 MB', 'released > 8 MB']);
    });

    it('in a smaller one, grows as V8 likes from before the first file is parsed', () => {
        assert.deepEqual(youngGenerationOfCheck(1_000), ['held <= 8 MB', 'released <= 8 MB', 'released > 8 MB']);
    });
});
