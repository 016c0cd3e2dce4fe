import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateModel } from '../bench/synthetic-model.js';
import { REPO_ROOT } from './helpers/run-tml.js';

/** Preloaded into `tml`: writes, when it exits, the size of V8's young generation (its new space) in bytes. */
const NEW_SPACE_PRELOAD = "process.on('exit', () => require('node:fs').writeFileSync(process.env.TML_TEST_NEW_SPACE_FILE, String(require('node:v8').getHeapSpaceStatistics().find(s => s.space_name === 'new_space').space_size)));\n";

describe('tml check\'s young generation (cli/load-workspace.ts)', () => {
    it('stays at the size it had when the commands were loaded (8 MB or less), where V8 grew it to 32 MB for a 2,000-element model', () => {
        const scratch = mkdtempSync(path.join(tmpdir(), 'tml-young-'));
        try {
            const preload = path.join(scratch, 'preload.cjs');
            const out = path.join(scratch, 'new-space.txt');
            writeFileSync(preload, NEW_SPACE_PRELOAD);
            const [text] = Object.values(generateModel(2_000, 1).files);
            writeFileSync(path.join(scratch, 'model.tm'), text!);
            const result = spawnSync(process.execPath, ['--require', preload, path.join(REPO_ROOT, 'bin', 'tml.cjs'), 'check', 'model.tm'], {
                cwd: scratch, encoding: 'utf8', env: { ...process.env, TML_TEST_NEW_SPACE_FILE: out },
            });
            assert.match(result.stdout, /warnings/);
            const megabytes = Number(readFileSync(out, 'utf8')) / 2 ** 20;
            assert.ok(megabytes > 0 && megabytes <= 8, `${megabytes} MB`);
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    });
});
