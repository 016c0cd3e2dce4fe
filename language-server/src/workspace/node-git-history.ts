import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { URI } from 'langium';
import type { GitHistory, ReviewState } from './git-history.js';

/** A hung git (a lock, a network file system) must not hold the staleness check for long. */
const GIT_TIMEOUT_MS = 15_000;

/**
 * What keeps a repository's own configuration (which whoever wrote the repository controls) from
 * making git run a program, reach the network or read another repository, for git 2.39 and later.
 * Command-line `-c` settings override every configuration file, included ones (`include`,
 * `includeIf`) too; `GIT_CONFIG_NOSYSTEM` would not reach the repository's own `.git/config`.
 * - `core.fsmonitor=false`: no fsmonitor hook (it runs whenever git reads the index).
 * - `log.showSignature=false` and `--no-show-signature`: no `gpg.program` (nor `gpg.ssh.program`,
 *   `gpg.x509.program`) run to verify a signed commit.
 * - `--no-ext-diff`, `--no-textconv`: no `diff.external`, `diff.<driver>.command` or
 *   `diff.<driver>.textconv` (`--name-only` makes no patch, but the flags make sure).
 * - `--no-mailmap`: no `mailmap.file`/`mailmap.blob` read (a FIFO there would hang git).
 * - `protocol.allow=never`, `GIT_NO_LAZY_FETCH`: nothing fetched, not even the objects a partial
 *   clone lacks, so no `core.sshCommand`, `core.gitProxy`, credential helper or `core.askPass`
 *   (and `GIT_TERMINAL_PROMPT=0`: no prompt either).
 * - `safe.bareRepository=explicit`: a bare repository checked in below the workspace (whose
 *   config file is the attacker's) is not taken for the model's repository.
 * - `--no-pager` (git has no terminal here anyway): no `core.pager`/`pager.log`.
 * - `--no-replace-objects`: `refs/replace/` cannot rewrite the history the answer is read from.
 * - `GIT_OPTIONAL_LOCKS=0`: read-only, no index lock that could get in the way of the user's git.
 * Not needed: hooks (`core.hooksPath`) and clean/smudge filters do not run for `log` or
 * `rev-parse`, which neither write nor read the working tree; `safe.directory` is left alone, so
 * git's own refusal of a repository owned by someone else stands; `trace2.*` is read only from the
 * user's and the system's configuration.
 */
const SAFE_OPTIONS = [
    '--no-pager', '--no-replace-objects',
    '-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', '-c', 'protocol.allow=never', '-c', 'safe.bareRepository=explicit',
];
const SAFE_LOG_OPTIONS = ['--no-show-signature', '--no-ext-diff', '--no-textconv', '--no-mailmap'];
const SAFE_ENV = { GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0' };

/** Runs git in `cwd` (see SAFE_OPTIONS); undefined when it fails (no repository, no git, nothing committed, timeout). */
function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
    const safeArgs = args[0] === 'log' ? ['log', ...SAFE_LOG_OPTIONS, ...args.slice(1)] : args;
    return new Promise(resolve => {
        execFile('git', [...SAFE_OPTIONS, ...safeArgs], { cwd, env: { ...process.env, ...SAFE_ENV }, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
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
