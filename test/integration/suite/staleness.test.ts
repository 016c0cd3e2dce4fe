import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { GitRepository } from '../../helpers/git-repository.js';
import { eventually, findingsOf, openInEditor, threatModelExtension } from './helpers.js';

const MODEL = 'mitigation StaleCookies "Secure cookies" {\n    implementedIn "src/session.ts"\n}\n';

describe('keeping the model in sync (TMA step 7)', () => {
    it('marks a mitigation whose implementedIn file changed in git after the model was committed', async () => {
        await threatModelExtension().exports.ready();
        assert.equal(vscode.workspace.isTrusted, true, 'the test VS Code runs with workspace trust off, so git may run');
        // A repository of its own, outside the fixture workspace, opened like any file.
        const repository = new GitRepository();
        try {
            repository.write('model.tm', MODEL);
            repository.write('src/session.ts', 'export const a = 1;\n');
            repository.init();
            repository.write('src/session.ts', 'export const a = 2;\n');
            repository.commit('change the session code');
            const uri = vscode.Uri.file(path.join(repository.root, 'model.tm'));
            await openInEditor(uri);
            await eventually(() => assert.deepEqual(findingsOf(uri).filter(f => f.code === 'tm/implementation-stale'), [{
                code: 'tm/implementation-stale', at: '2:19-2:35', severity: 'information',
                message: `src/session.ts changed after this model was last reviewed (1 commit since ${repository.lastCommitOf('model.tm')}). ` +
                    "Review mitigation 'StaleCookies' against it, then commit the model.",
            }]));
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
            repository.dispose();
        }
    });
});
