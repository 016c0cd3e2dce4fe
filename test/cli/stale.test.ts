import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTml } from './helpers/run-tml.js';

const MODEL = [
    'mitigation Cookies "Secure cookies" {',
    '    status implemented',
    '    implementedIn "src/session.ts#L3"',
    '}',
    'mitigation Limits "Rate limits" { implementedIn "src/limits.ts" }',
    '',
].join('\n');

interface JsonFinding { readonly file: string; readonly line: number; readonly column: number; readonly endLine: number; readonly endColumn: number; readonly severity: string; readonly code: string; readonly message: string }

function staleFindings(cwd: string, extra: readonly string[] = ['--stale']): JsonFinding[] {
    const run = runTml(['check', '--format', 'json', ...extra, 'model.tm'], cwd);
    assert.equal(run.stderr, '');
    return (JSON.parse(run.stdout) as JsonFinding[]).filter(f => f.code === 'tm/implementation-stale');
}

describe('tml check --stale (TMA step 7) in a real git repository', () => {
    let root: string;
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });

    beforeEach(() => {
        root = mkdtempSync(path.join(tmpdir(), 'tml-stale-'));
        mkdirSync(path.join(root, 'src'));
        writeFileSync(path.join(root, 'model.tm'), MODEL);
        writeFileSync(path.join(root, 'src', 'session.ts'), 'export const a = 1;\n');
        writeFileSync(path.join(root, 'src', 'limits.ts'), 'export const b = 1;\n');
    });

    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reports an implementedIn file changed in commits after the model, on the path, and only with --stale', () => {
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'model and code');
        writeFileSync(path.join(root, 'src', 'session.ts'), 'export const a = 2;\n');
        git('commit', '-q', '-am', 'change the session code');
        const reviewed = git('log', '-1', '--format=%h', '--', 'model.tm').trim().slice(0, 7);
        assert.deepEqual(staleFindings(root), [{
            file: 'model.tm', line: 3, column: 19, endLine: 3, endColumn: 38, severity: 'information', code: 'tm/implementation-stale',
            message: `src/session.ts changed after this model was last reviewed (1 commit since ${reviewed}). Review mitigation 'Cookies' against it, then commit the model.`,
        }]);
        assert.deepEqual(staleFindings(root, []), []);
    });

    it('reports nothing once the model is committed after the change', () => {
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'model and code');
        writeFileSync(path.join(root, 'src', 'session.ts'), 'export const a = 2;\n');
        git('commit', '-q', '-am', 'change the session code');
        writeFileSync(path.join(root, 'model.tm'), `${MODEL}// reviewed\n`);
        git('commit', '-q', '-am', 'review the model');
        assert.deepEqual(staleFindings(root), []);
    });

    it('reports nothing outside a git repository', () => {
        assert.deepEqual(staleFindings(root), []);
    });
});
