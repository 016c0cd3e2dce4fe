import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { EmptyFileSystem } from 'langium';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { createConnection } from 'vscode-languageserver/node.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { ThreatModelConfigurationProvider } from '../../language-server/src/workspace/configuration.js';
import { ThreatModelDocumentBuilder } from '../../language-server/src/workspace/document-builder.js';
import type { GitHistory } from '../../language-server/src/workspace/git-history.js';
import { ThreatModelIndexManager } from '../../language-server/src/workspace/index-manager.js';
import { InMemorySourceFiles } from '../../language-server/src/workspace/source-files.js';

/** Resolves with `promise`, or rejects after `ms`: a read that waits forever must fail the test, not hang it. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
    return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

describe('the composition root (createThreatModelServices)', () => {
    it('without a connection (the CLI, tests), answers a settings read at once, with no setting', async () => {
        const { shared } = createThreatModelServices(EmptyFileSystem);
        assert.equal(await within(shared.workspace.ConfigurationProvider.getConfiguration('threat-model', 'severity'), 2000), undefined);
    });

    it("installs tml's shared services in place of Langium's", () => {
        const { shared, ThreatModel } = createThreatModelServices(EmptyFileSystem);
        assert.ok(shared.workspace.ConfigurationProvider instanceof ThreatModelConfigurationProvider);
        assert.ok(shared.workspace.DocumentBuilder instanceof ThreatModelDocumentBuilder);
        assert.ok(shared.workspace.IndexManager instanceof ThreatModelIndexManager);
        assert.equal(ThreatModel.shared, shared);
    });

    it('takes file and git access from the context, and has neither without', () => {
        const files = new InMemorySourceFiles(['file:///w/src/a.ts']);
        const git: GitHistory = { reviewState: () => Promise.resolve(undefined), head: () => Promise.resolve(undefined) };
        const given = createThreatModelServices({ ...EmptyFileSystem, sourceFiles: () => files, gitHistory: () => git });
        assert.equal(given.shared.workspace.SourceFiles, files);
        assert.equal(given.shared.workspace.GitHistory, git);
        assert.equal(given.ThreatModel.workspace.Staleness.enabled, true);

        const bare = createThreatModelServices(EmptyFileSystem);
        assert.ok(bare.shared.workspace.SourceFiles instanceof InMemorySourceFiles);
        assert.equal(bare.shared.workspace.GitHistory, undefined);
        assert.equal(bare.ThreatModel.workspace.Staleness.enabled, false);
    });

    it("starts the editor's listeners only with a connection", () => {
        const connection = createConnection(new StreamMessageReader(new PassThrough()), new StreamMessageWriter(new PassThrough()));
        try {
            const unchanged = connection.sendDiagnostics;
            createThreatModelServices({ ...EmptyFileSystem, connection });
            assert.notEqual(connection.sendDiagnostics, unchanged, 'the findings cap wraps sendDiagnostics');
        } finally {
            connection.dispose();
        }
        const { shared } = createThreatModelServices(EmptyFileSystem);
        let updates = 0;
        shared.workspace.DocumentBuilder.update = () => (updates++, Promise.resolve());
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { threatModel: { severity: { 'tm/stride-missing': 'off' }, rules: { builtin: false } } } });
        assert.equal(updates, 0, 'no rebuild without an editor: the CLI and tests rebuild themselves');
    });
});
