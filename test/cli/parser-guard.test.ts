import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './helpers/run-tml.js';

/**
 * The parser recurses per nested block; whatever the nesting limit, a smaller stack (another host,
 * a deeper caller) can run out. Then the file must get a syntax error, not end the process. A
 * 120 KB stack makes the 60-deep fixture overflow the fast parser, and then Langium's parser, which
 * the fast parser gives the file to (parser/fast/; it needed 250 KB before); the default stack parses it.
 */
function checkWithStack(stackKb: number | undefined): { status: number | null; stdout: string; stderr: string } {
    const flags = stackKb ? [`--stack-size=${stackKb}`] : [];
    const result = spawnSync(process.execPath, [...flags, path.join(REPO_ROOT, 'bin', 'tml.cjs'), 'check', 'test/fixtures/cli/nested-60.tm'], { cwd: REPO_ROOT, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a parser stack overflow', () => {
    it('becomes a syntax error on the file, and the check still completes', () => {
        const run = checkWithStack(120);
        assert.equal(run.stderr, '');
        assert.equal(run.stdout,
            'test/fixtures/cli/nested-60.tm:1:1: error lexing-error This file is nested too deeply to be read (the parser ran out of stack). Flatten the nesting of its blocks.\n' +
            '0 warnings, 1 error in 1 file\n');
        assert.equal(run.status, 1);
    });

    it('does not happen with the default stack for nesting within the limit', () => {
        const run = checkWithStack(undefined);
        assert.equal(run.status, 0);
        assert.match(run.stdout, /^test\/fixtures\/cli\/nested-60\.tm:62:9: warning tm\/stride-missing Process 'P'/m);
    });
});
