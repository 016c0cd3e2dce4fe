import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * `npm run package` in a terminal: vsce asks the npm registry for its latest version whenever its
 * output is a terminal, and prints "WARNING The latest version of @vscode/vsce is … Update it now"
 * when the registry has a newer one. A newcomer reads that as a broken build, and CI,
 * whose output is a pipe, never sees it. `script` (util-linux) gives the command a terminal.
 */
describe('packaging in a terminal (scripts/package-vsix.mjs)', () => {
    it('writes tml.vsix and prints no warning, whatever the registry says about vsce', async function () {
        this.timeout(180_000);
        const folder = mkdtempSync(join(tmpdir(), 'tml-package-'));
        try {
            const vsix = join(folder, 'tml.vsix');
            const command = `node scripts/package-vsix.mjs --out ${vsix}`;
            const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, TERM: 'dumb' } });
            assert.ok(statSync(vsix).size > 100_000, 'no tml.vsix written');
            assert.match(stdout, /Packaged: /);
            assert.doesNotMatch(stdout, /\bwarn(ing)?\b/i);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
