import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { languageServerNodeFlags } from '../../../language-server/src/shared/server-launch.js';
import { eventually, LANGUAGE_ID, openInEditor, threatModelExtension, workspaceFile } from './helpers.js';

/** The command lines of the processes this one (the extension host) started that run tml's language server. */
function languageServerCommandLines(): string[][] {
    const lines: string[][] = [];
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
            const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            const line = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
            if (parent === process.pid && line.some(arg => arg.endsWith('out/language-server/main.cjs'))) lines.push(line);
        } catch {
            // The process ended while it was read.
        }
    }
    return lines;
}

describe('activation', () => {
    it('is inactive until a .tm file is opened, then activates and starts its language server', async () => {
        const extension = threatModelExtension();
        assert.equal(extension.isActive, false, 'the extension activated before any .tm file was opened');

        const editor = await openInEditor(workspaceFile('online-store.tm'));
        assert.equal(editor.document.languageId, LANGUAGE_ID);
        await eventually(() => assert.equal(extension.isActive, true, 'the extension did not activate'));
        await extension.exports.ready();
        assert.equal(extension.exports.client.isRunning(), true);
    });

    it('starts its language server with the Node flags for this machine\'s cores (one V8 helper thread per core besides the server\'s own)', async () => {
        await threatModelExtension().exports.ready();
        const lines = languageServerCommandLines();
        assert.equal(lines.length, 1, `language servers started by the extension host: ${JSON.stringify(lines)}`);
        const line = lines[0]!;
        const module = line.findIndex(arg => arg.endsWith('out/language-server/main.cjs'));
        assert.deepEqual(line.slice(1, module).filter(arg => arg.startsWith('--v8-pool-size')), languageServerNodeFlags(availableParallelism()));
    });
});
