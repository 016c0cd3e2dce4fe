import * as assert from 'node:assert/strict';
import { eventually, LANGUAGE_ID, openInEditor, threatModelExtension, workspaceFile } from './helpers.js';

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
});
