import * as assert from 'node:assert/strict';
import { GitRepository, TWO_MITIGATIONS as MODEL } from '../helpers/git-repository.js';
import { runTml } from './helpers/run-tml.js';

interface JsonFinding { readonly file: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number; readonly severity: string; readonly code: string; readonly message: string }

function staleFindings(cwd: string, extra: readonly string[] = ['--stale']): JsonFinding[] {
    const run = runTml(['check', '--format', 'json', ...extra, 'model.tm'], cwd);
    assert.equal(run.stderr, '');
    return (JSON.parse(run.stdout) as JsonFinding[]).filter(f => f.code === 'tm/implementation-stale');
}

describe('tml check --stale (TMA step 7) in a real git repository', () => {
    let repository: GitRepository;

    beforeEach(() => {
        repository = new GitRepository();
        repository.write('model.tm', MODEL);
        repository.write('src/session.ts', 'export const a = 1;\n');
        repository.write('src/limits.ts', 'export const b = 1;\n');
    });

    afterEach(() => repository.dispose());

    function changeSessionAfterTheModel(): void {
        repository.init();
        repository.write('src/session.ts', 'export const a = 2;\n');
        repository.commit('change the session code');
    }

    it('reports an implementedIn file changed in commits after the model, on the path, and only with --stale', () => {
        changeSessionAfterTheModel();
        assert.deepEqual(staleFindings(repository.root), [{
            file: 'model.tm', line: 3, column: 19, endLine: 3, endColumn: 38, severity: 'information', code: 'tm/implementation-stale',
            message: `src/session.ts changed after this model was last reviewed (1 commit since ${repository.lastCommitOf('model.tm')}). Review mitigation 'Cookies' against it, then commit the model.`,
        }]);
        assert.deepEqual(staleFindings(repository.root, []), []);
    });

    it('reports nothing once the model is committed after the change', () => {
        changeSessionAfterTheModel();
        repository.write('model.tm', `${MODEL}// reviewed\n`);
        repository.commit('review the model');
        assert.deepEqual(staleFindings(repository.root), []);
    });

    it('reports nothing outside a git repository', () => {
        assert.deepEqual(staleFindings(repository.root), []);
    });
});
