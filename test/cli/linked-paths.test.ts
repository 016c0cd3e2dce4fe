import * as assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { GitRepository } from '../helpers/git-repository.js';
import { runTml } from './helpers/run-tml.js';

interface JsonFinding { readonly file: string; readonly line: number; readonly column: number; readonly code: string; readonly message: string }

/** Hostile paths in `implementedIn`/`verifiedBy`, and what the CLI's workspace folder is. */
describe('tml check: linked paths stay inside the current directory', () => {
    let repository: GitRepository;

    beforeEach(() => {
        repository = new GitRepository();
        repository.write('src/session.ts', 'export const a = 1;\n');
        repository.write('models/model.tm', [
            'mitigation M "m" {',
            '    implementedIn "//host/share/x"',
            '    verifiedBy "../../../../etc/passwd"',
            '}',
            'mitigation N "n" { implementedIn "/etc/shadow" verifiedBy "../src/session.ts" }',
            'mitigation L "l" { implementedIn "escape/passwd" verifiedBy "escape/no-such-file" }',
            '',
        ].join('\n'));
        // A symbolic link checked in next to the model that leads out of the workspace.
        symlinkSync('/etc', path.join(repository.root, 'models', 'escape'));
        repository.init();
    });

    afterEach(() => repository.dispose());

    function linkedFindings(cwd: string, args: readonly string[]): { status: number | null; findings: string[] } {
        const run = runTml(['check', '--format', 'json', ...args], cwd);
        assert.equal(run.stderr, '');
        const findings = (JSON.parse(run.stdout) as JsonFinding[])
            .filter(f => f.code.startsWith('tm/linked-file') || !f.code.startsWith('tm/'))
            .map(f => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message.split(';')[0]!}`);
        return { status: run.status, findings };
    }

    it('refuses network, absolute and escaping paths (also through a symbolic link), and --stale still checks the model', () => {
        for (const args of [['models'], ['--stale', 'models']]) {
            assert.deepEqual(linkedFindings(repository.root, args), {
                status: 0,
                findings: [
                    "models/model.tm:2:19 tm/linked-file-outside '//host/share/x' (implementedIn of mitigation 'M') is a network path",
                    "models/model.tm:3:16 tm/linked-file-outside '../../../../etc/passwd' (verifiedBy of mitigation 'M') leads outside the workspace folder",
                    "models/model.tm:5:34 tm/linked-file-outside '/etc/shadow' (implementedIn of mitigation 'N') is an absolute path",
                    "models/model.tm:6:34 tm/linked-file-outside 'escape/passwd' (implementedIn of mitigation 'L') leads outside the workspace folder",
                    "models/model.tm:6:61 tm/linked-file-outside 'escape/no-such-file' (verifiedBy of mitigation 'L') leads outside the workspace folder",
                ],
            }, args.join(' '));
        }
    });

    it('the workspace folder is the current directory: a model below it may link up to it, not above', () => {
        const inModels = linkedFindings(path.join(repository.root, 'models'), ['model.tm']).findings;
        assert.ok(inModels.includes("model.tm:5:59 tm/linked-file-outside '../src/session.ts' (verifiedBy of mitigation 'N') leads outside the workspace folder"), inModels.join('\n'));
        const fromRoot = linkedFindings(repository.root, ['models/model.tm']).findings;
        assert.equal(fromRoot.filter(f => f.includes('../src/session.ts')).length, 0, 'inside the workspace and present: no finding');
    });

    it("from the root of the file system (a container's working directory), each model's own folder is its workspace", () => {
        const findings = linkedFindings('/', [path.join(repository.root, 'models', 'model.tm')]).findings;
        assert.ok(findings.some(f => f.endsWith("tm/linked-file-outside '../src/session.ts' (verifiedBy of mitigation 'N') leads outside the workspace folder")), findings.join('\n'));
    });
});
