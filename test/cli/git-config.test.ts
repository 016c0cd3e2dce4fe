import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeGitHistory } from '../../language-server/src/workspace/node-git-history.js';
import type { GitRepository } from '../helpers/git-repository.js';
import { repositoryWithSessionChanged } from '../helpers/git-repository.js';
import { runTml } from './helpers/run-tml.js';

/**
 * A repository's own configuration must not make tml's git run a program: the
 * staleness check runs git in any folder a model is opened from, in a trusted workspace and in CI.
 */
describe("git runs no program from a repository's configuration (tm/implementation-stale)", () => {
    let repository: GitRepository;
    let marker: string;

    beforeEach(() => {
        repository = repositoryWithSessionChanged();
        marker = path.join(repository.root, 'program-ran');
    });

    afterEach(() => repository.dispose());

    /** A program git would run to verify signatures: it leaves a marker file, and fails. */
    function configureSignatureProgram(): void {
        const program = path.join(repository.root, 'fake-gpg.sh');
        writeFileSync(program, `#!/bin/sh\necho "$@" > '${marker}'\nexit 1\n`);
        chmodSync(program, 0o755);
        repository.git('config', 'log.showSignature', 'true');
        repository.git('config', 'gpg.program', program);
    }

    /** Rewrites HEAD (the commit after the model's) into a signed one: a `gpgsig` header, as `git commit -S` writes it. */
    function signHead(): void {
        const commit = repository.git('cat-file', 'commit', 'HEAD');
        const signed = commit.replace(/^(committer .*\n)/m, '$1gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEEtmltZXN0\n -----END PGP SIGNATURE-----\n');
        const file = path.join(repository.root, '.git', 'signed-commit');
        writeFileSync(file, signed);
        const hash = repository.git('hash-object', '-t', 'commit', '-w', file).trim();
        repository.git('update-ref', 'HEAD', hash);
    }

    it('a plain git log in this repository runs gpg.program (so the tests below can fail)', () => {
        signHead();
        configureSignatureProgram();
        repository.git('log', '-1', '--format=%H');
        assert.ok(existsSync(marker), 'git log ran the configured program');
        assert.match(readFileSync(marker, 'utf8'), /--verify/);
    });

    it('the staleness lookup (git history) runs no program with log.showSignature and gpg.program set, and still answers', async () => {
        // HEAD is signed and touches src/session.ts, so the `git log` over the linked files shows it.
        signHead();
        configureSignatureProgram();
        const history = new NodeGitHistory();
        const at = (relative: string): URI => URI.file(path.join(repository.root, relative));
        const state = await history.reviewState(at('model.tm'), [at('src/session.ts'), at('src/limits.ts')]);
        assert.equal(existsSync(marker), false, 'no program ran');
        assert.deepEqual(state, {
            reviewed: repository.git('log', '--no-show-signature', '-1', '--format=%H', '--', 'model.tm').trim(),
            changedSince: new Map([[at('src/session.ts').toString(), 1]]),
        });
        assert.equal(await history.head(at('src')), repository.git('rev-parse', 'HEAD').trim());
        assert.equal(existsSync(marker), false, 'no program ran');
    });

    it('tml check --stale runs no program with log.showSignature and gpg.program set, and reports the stale file', () => {
        signHead();
        configureSignatureProgram();
        const run = runTml(['check', '--stale', '--format', 'json', 'model.tm'], repository.root);
        assert.equal(run.stderr, '');
        assert.equal(existsSync(marker), false, 'no program ran');
        const stale = (JSON.parse(run.stdout) as Array<{ code: string; line: number }>).filter(f => f.code === 'tm/implementation-stale');
        assert.deepEqual(stale.map(f => f.line), [3]);
    });

    it('a bare repository inside the workspace is not used (its configuration is not trusted)', async () => {
        // `git clone --bare` into a subfolder: a folder git would otherwise take for a repository of its own.
        const bare = path.join(repository.root, 'vendor', 'embedded.git');
        repository.git('clone', '-q', '--bare', repository.root, bare);
        rmSync(marker, { force: true });
        assert.notEqual(repository.git('-C', bare, 'rev-parse', 'HEAD').trim(), '', 'plain git uses it');
        assert.equal(await new NodeGitHistory().head(URI.file(bare)), undefined);
    });
});
