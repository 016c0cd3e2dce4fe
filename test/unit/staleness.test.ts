import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import type { Model } from '../../language-server/src/generated/ast.js';
import { NodeThreatModelContext } from '../../language-server/src/node-context.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import type { GitHistory, ReviewState } from '../../language-server/src/workspace/git-history.js';
import { NodeGitHistory } from '../../language-server/src/workspace/node-git-history.js';
import { StalenessTracker } from '../../language-server/src/workspace/staleness.js';
import type { GitRepository } from '../helpers/git-repository.js';
import { repositoryWithSessionChanged, TWO_MITIGATIONS as MODEL } from '../helpers/git-repository.js';
import { describeFinding } from './helpers/workspace.js';

/** A git history that answers from a table and counts the questions: the tracker's logic without git's timing. */
class TableHistory implements GitHistory {
    answers = new Map<string, number>();
    reviewed = 'a'.repeat(40);
    headCommit = 'h1';
    readonly asked: string[][] = [];
    readonly headsAsked: string[] = [];

    head(folder: URI): Promise<string | undefined> {
        this.headsAsked.push(folder.path);
        return Promise.resolve(this.headCommit);
    }

    reviewState(_model: URI, linked: readonly URI[]): Promise<ReviewState | undefined> {
        this.asked.push(linked.map(uri => uri.path));
        const changedSince = new Map([...this.answers].filter(([file]) => linked.some(uri => uri.toString() === file)));
        return Promise.resolve({ reviewed: this.reviewed, changedSince });
    }
}

describe('tm/implementation-stale in the editor: the staleness tracker', () => {
    const { shared, ThreatModel } = createThreatModelServices(EmptyFileSystem);
    const linkedFiles = ThreatModel.workspace.LinkedFiles;
    const session = URI.parse('file:///repo/src/session.ts');
    const limits = URI.parse('file:///repo/src/limits.ts');
    let document: LangiumDocument<Model>;
    let history: TableHistory;
    let clock: number;
    let tracker: StalenessTracker;
    let changed: string[];

    beforeEach(async () => {
        const documents = shared.workspace.LangiumDocuments;
        await shared.workspace.DocumentBuilder.update([], documents.all.map(d => d.uri).toArray());
        document = shared.workspace.LangiumDocumentFactory.fromString<Model>(MODEL, URI.parse('file:///repo/model.tm'));
        documents.addDocument(document);
        history = new TableHistory();
        history.answers.set(session.toString(), 2);
        clock = 1_000;
        tracker = new StalenessTracker(documents, history, linkedFiles, 10_000, () => clock);
        changed = [];
        tracker.refreshInBackground(uri => changed.push(uri.path));
    });

    it('answers at once without asking git, then asks git once in the background and tells of the change', async () => {
        assert.equal(tracker.lookup(document, session), undefined);
        assert.equal(tracker.lookup(document, limits), undefined);
        assert.deepEqual(history.asked, [], 'git is never asked while validating');
        await tracker.idle();
        assert.deepEqual(history.asked, [['/repo/src/session.ts', '/repo/src/limits.ts']], 'one question for the whole model');
        assert.deepEqual(changed, ['/repo/model.tm']);
        assert.deepEqual(tracker.lookup(document, session), { commits: 2, reviewed: 'a'.repeat(40) });
        assert.equal(tracker.lookup(document, limits), undefined);
    });

    it('trusts its answer for maxAge, then asks only for HEAD, and asks again when HEAD moved; tells only of changes', async () => {
        tracker.lookup(document, session);
        await tracker.idle();
        clock += 9_999;
        tracker.lookup(document, session);
        await tracker.idle();
        assert.equal(history.asked.length, 1, 'no refresh within maxAge');
        assert.deepEqual(history.headsAsked, ['/repo']);

        clock += 1;
        assert.deepEqual(tracker.lookup(document, session), { commits: 2, reviewed: 'a'.repeat(40) });
        await tracker.idle();
        assert.deepEqual(history.headsAsked, ['/repo', '/repo'], 'HEAD is asked again after maxAge');
        assert.equal(history.asked.length, 1, 'HEAD did not move: no full question');

        // A commit of the model: HEAD moves, the answer changes.
        history.headCommit = 'h2';
        history.answers.clear();
        clock += 10_000;
        assert.deepEqual(tracker.lookup(document, session), { commits: 2, reviewed: 'a'.repeat(40) }, 'the old answer while refreshing');
        await tracker.idle();
        assert.equal(history.asked.length, 2);
        assert.deepEqual(changed, ['/repo/model.tm', '/repo/model.tm'], 'committing the model is a change');
        assert.equal(tracker.lookup(document, session), undefined);

        // HEAD moves again (a commit elsewhere) with the same answer: not a change.
        history.headCommit = 'h3';
        clock += 10_000;
        tracker.lookup(document, session);
        await tracker.idle();
        assert.equal(history.asked.length, 3);
        assert.deepEqual(changed, ['/repo/model.tm', '/repo/model.tm'], 'the same answer again is not a change');
    });

    it('asks for HEAD once per folder, however many models it holds', async () => {
        const other = shared.workspace.LangiumDocumentFactory.fromString<Model>(MODEL, URI.parse('file:///repo/other.tm'));
        shared.workspace.LangiumDocuments.addDocument(other);
        tracker.lookup(document, session);
        tracker.lookup(other, session);
        await tracker.idle();
        assert.deepEqual(history.headsAsked, ['/repo']);
        assert.equal(history.asked.length, 2, 'each model has its own review state');
    });

    it('asks again at once for a file it was not asked about (a new implementedIn)', async () => {
        tracker.lookup(document, session);
        await tracker.idle();
        // The user adds a mitigation implemented in another file: the model now links to three.
        const documents = shared.workspace.LangiumDocuments;
        documents.deleteDocument(document.uri);
        const edited = shared.workspace.LangiumDocumentFactory.fromString<Model>(`${MODEL}mitigation New "n" { implementedIn "src/new.ts" }\n`, document.uri);
        documents.addDocument(edited);
        tracker.lookup(edited, URI.parse('file:///repo/src/new.ts'));
        await tracker.idle();
        assert.deepEqual(history.asked, [
            ['/repo/src/session.ts', '/repo/src/limits.ts'],
            ['/repo/src/session.ts', '/repo/src/limits.ts', '/repo/src/new.ts'],
        ], 'asked again although HEAD did not move');
    });

    it('queues one refresh per model, however many lookups, and forgets deleted models', async () => {
        for (let i = 0; i < 50; i++) tracker.lookup(document, session);
        await tracker.idle();
        assert.equal(history.asked.length, 1);
        tracker.forget(document.uri);
        assert.equal(tracker.lookup(document, session), undefined);
    });

    it('never asks git without background refresh (tml check without --stale waits for refresh instead), nor without a history', async () => {
        const waiting = new StalenessTracker(shared.workspace.LangiumDocuments, history, linkedFiles, 10_000, () => clock);
        assert.equal(waiting.lookup(document, session), undefined);
        await waiting.idle();
        assert.deepEqual(history.asked, []);
        assert.equal(await waiting.refresh(document), true);
        assert.deepEqual(waiting.lookup(document, session), { commits: 2, reviewed: 'a'.repeat(40) });

        const none = new StalenessTracker(shared.workspace.LangiumDocuments, undefined, linkedFiles);
        none.refreshInBackground(() => assert.fail('no history, no change'));
        assert.equal(none.enabled, false);
        assert.equal(none.lookup(document, session), undefined);
        assert.equal(await none.refresh(document), false);
    });
});

describe('tm/implementation-stale in the editor, against a real git repository', function () {
    this.timeout(30_000);
    let repository: GitRepository;
    const at = (relative: string): URI => URI.file(path.join(repository.root, relative));

    beforeEach(() => {
        repository = repositoryWithSessionChanged();
        repository.write('src/session.ts', 'export const a = 3;\n');
        repository.commit('change it again');
    });

    afterEach(() => repository.dispose());

    it("git history: the model's last commit, the commits since then per linked file, and HEAD", async () => {
        const history = new NodeGitHistory();
        const reviewed = repository.git('log', '-1', '--format=%H', '--', 'model.tm').trim();
        assert.deepEqual(await history.reviewState(at('model.tm'), [at('src/session.ts'), at('src/limits.ts'), at('gone.ts')]),
            { reviewed, changedSince: new Map([[at('src/session.ts').toString(), 2]]) });

        repository.write('model.tm', `${MODEL}// reviewed\n`);
        repository.commit('review the model');
        const again = await history.reviewState(at('model.tm'), [at('src/session.ts'), at('src/limits.ts')]);
        assert.equal(again?.changedSince.size, 0);
        assert.notEqual(again?.reviewed, reviewed);

        assert.equal(await history.head(at('src')), repository.git('rev-parse', 'HEAD').trim());
        assert.equal(await history.head(URI.file(tmpdir())), undefined);
        assert.equal(await history.reviewState(URI.file(path.join(tmpdir(), 'not-in-git', 'm.tm')), [at('src/session.ts')]), undefined);
        assert.equal(await history.reviewState(URI.parse('untitled:Untitled-1'), [at('src/session.ts')]), undefined);
    });

    it('diagnostics come without waiting for git; the finding follows by revalidation, on the implementedIn path', async () => {
        const asked: string[] = [];
        const real = new NodeGitHistory();
        const counting: GitHistory = { reviewState: (model, linked) => (asked.push(model.path), real.reviewState(model, linked)), head: folder => real.head(folder) };
        const { shared, ThreatModel } = createThreatModelServices({ ...NodeThreatModelContext, gitHistory: () => counting });
        const staleness = ThreatModel.workspace.Staleness;
        ThreatModel.listeners.Staleness.start();
        const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(at('model.tm'));
        // The first validation is the build below; the second, the revalidation git's answer causes.
        const revalidated = new Promise<void>(resolve => {
            let builds = 0;
            shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
                if (++builds === 2) resolve();
            });
        });
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        assert.deepEqual(document.diagnostics?.filter(d => d.code === 'tm/implementation-stale'), [], 'the first validation does not wait for git');
        await staleness.idle();
        await revalidated;
        const current = shared.workspace.LangiumDocuments.getDocument(at('model.tm'))!;
        assert.deepEqual(current.diagnostics?.filter(d => d.code === 'tm/implementation-stale').map(d => [describeFinding(d), d.severity, d.message]), [[
            'tm/implementation-stale @3:19-3:38', 3,
            `src/session.ts changed after this model was last reviewed (2 commits since ${repository.lastCommitOf('model.tm')}). Review mitigation 'Cookies' against it, then commit the model.`,
        ]]);
        assert.deepEqual(asked, [at('model.tm').path], 'git was asked once');
    });
});
