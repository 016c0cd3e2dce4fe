import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const VSCE = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');

describe('the .vsix package (.vscodeignore)', () => {
    it('holds only the bundles, the grammar, the language configuration and the documents', async () => {
        // `vsce ls` applies the same rules as `vsce package` without writing the archive.
        const { stdout } = await promisify(execFile)(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT });
        assert.deepEqual(stdout.trim().split('\n').sort(), [
            'LICENSE',
            'README.md',
            'language-configuration.json',
            'out/extension/extension.cjs',
            'out/language-server/main.cjs',
            'out/webview/dfd-preview.js',
            'package.json',
            'syntaxes/threat-model.tmLanguage.json',
        ]);
    });
});
