import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * A model of two mitigations, implemented in `src/session.ts` (line 3: `implementedIn
 * "src/session.ts#L3"`, columns 19–38) and `src/limits.ts`: what the staleness tests commit.
 */
export const TWO_MITIGATIONS = [
    'mitigation Cookies "Secure cookies" {',
    '    status implemented',
    '    implementedIn "src/session.ts#L3"',
    '}',
    'mitigation Limits "Rate limits" { implementedIn "src/limits.ts" }',
    '',
].join('\n');

/** A real git repository in a temporary folder, for the staleness checks (TMA step 7). */
export class GitRepository {
    /** The folder, with symbolic links resolved (git prints real paths). */
    readonly root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tml-git-')));

    /** Writes a file (path relative to the root, folders created as needed). */
    write(relative: string, text: string): void {
        mkdirSync(path.dirname(path.join(this.root, relative)), { recursive: true });
        writeFileSync(path.join(this.root, relative), text);
    }

    /** Runs git in the root with a fixed author and no signing; returns its output. */
    git(...args: string[]): string {
        return execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: this.root, encoding: 'utf8' });
    }

    /** `git init` and a first commit of everything written so far. */
    init(message = 'model and code'): void {
        this.git('init', '-q');
        this.git('add', '.');
        this.commit(message);
    }

    /** Commits every change to tracked files. */
    commit(message: string): void {
        this.git('commit', '-q', '-a', '--allow-empty', '-m', message);
    }

    /** The short hash (7 characters) of the last commit that touched `relative`. */
    lastCommitOf(relative: string): string {
        return this.git('log', '-1', '--format=%H', '--', relative).trim().slice(0, 7);
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}

/** A repository holding TWO_MITIGATIONS as `model.tm` and its two files, committed, then one commit that changes `src/session.ts`. */
export function repositoryWithSessionChanged(): GitRepository {
    const repository = new GitRepository();
    repository.write('model.tm', TWO_MITIGATIONS);
    repository.write('src/session.ts', 'export const a = 1;\n');
    repository.write('src/limits.ts', 'export const b = 1;\n');
    repository.init();
    repository.write('src/session.ts', 'export const a = 2;\n');
    repository.commit('change the session code');
    return repository;
}
