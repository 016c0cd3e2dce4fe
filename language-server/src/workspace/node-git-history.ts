import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { URI } from 'langium';
import type { GitHistory, ReviewState } from './git-history.js';

/** A hung git (a lock, a network file system) must not hold the staleness check for long. */
const GIT_TIMEOUT_MS = 15_000;

/** Runs git in `cwd`; undefined when it fails (no repository, no git, nothing committed, timeout). */
function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
    return new Promise(resolve => {
        // Read-only: no optional index lock that could get in the way of the user's own git, no fsmonitor hook.
        const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0' };
        execFile('git', ['-c', 'core.fsmonitor=false', ...args], { cwd, env, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
            (error, stdout) => resolve(error ? undefined : stdout));
    });
}

/**
 * {@link GitHistory} from the `git` command, for the language server and the CLI: three git runs per
 * review state, whatever the number of linked files (the last commit of the model, the repository
 * root, and one `git log` over every linked file); one for HEAD.
 */
export class NodeGitHistory implements GitHistory {
    async head(folder: URI): Promise<string | undefined> {
        if (folder.scheme !== 'file') return undefined;
        return (await git(folder.fsPath, ['rev-parse', '--verify', '--quiet', 'HEAD']))?.trim() || undefined;
    }

    async reviewState(model: URI, linked: readonly URI[]): Promise<ReviewState | undefined> {
        if (model.scheme !== 'file') return undefined;
        const folder = path.dirname(model.fsPath);
        const reviewed = (await git(folder, ['log', '-1', '--format=%H', '--', path.basename(model.fsPath)]))?.trim();
        if (!reviewed) return undefined;
        const root = (await git(folder, ['rev-parse', '--show-toplevel']))?.trim();
        if (!root) return undefined;
        // Paths relative to the repository root, as `git log --name-only` prints them.
        const byRelative = new Map<string, string>();
        for (const uri of linked) {
            const real = uri.scheme === 'file' ? await realpath(uri.fsPath).catch(() => undefined) : undefined;
            const relative = real === undefined ? undefined : path.relative(root, real).split(path.sep).join('/');
            if (relative && !relative.startsWith('../') && !path.isAbsolute(relative)) byRelative.set(relative, uri.toString());
        }
        const changedSince = new Map<string, number>();
        if (byRelative.size > 0) {
            // `:(literal)` keeps names with `*`, `?` or `[` from being read as patterns; -z keeps any name intact.
            const pathspecs = [...byRelative.keys()].map(relative => `:(literal)${relative}`);
            const log = await git(root, ['log', '-z', '--format=', '--name-only', `${reviewed}..HEAD`, '--', ...pathspecs]);
            if (log === undefined) return undefined;
            for (const name of log.split('\0')) {
                const uri = byRelative.get(name.replace(/^\n+/, ''));
                if (uri !== undefined) changedSince.set(uri, (changedSince.get(uri) ?? 0) + 1);
            }
        }
        return { reviewed, changedSince };
    }
}
