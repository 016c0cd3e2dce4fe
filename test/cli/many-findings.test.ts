import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTml } from './helpers/run-tml.js';

/** Writes `text` as `name` in a fresh folder, runs `tml check` there with `args`, and removes the folder. */
function checkGenerated(name: string, text: string, args: readonly string[] = []): ReturnType<typeof runTml> {
    const folder = mkdtempSync(path.join(tmpdir(), 'tml-many-findings-'));
    try {
        writeFileSync(path.join(folder, name), text);
        return runTml(['check', ...args, name], folder);
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}

function lines(count: number, line: (i: number) => string): string {
    return Array.from({ length: count }, (_, i) => line(i)).join('');
}

/**
 * With more than about 125,000 findings in one file, Langium's validator overflowed
 * the stack spreading them into one array; the error was only logged, the file had no finding at
 * all and `tml check` passed it. Every finding must be reported, however many there are.
 */
describe('tml check on a file with more than 125,000 findings', function () {
    this.timeout(180_000);

    it('reports every finding of a threat rated damage 99 and 65,000 external entities, and fails', () => {
        const text = `threat T "t" { dread { damage 99 } }\n${lines(65_000, i => `external E${i} "e"\n`)}`;
        const run = checkGenerated('externals.tm', text);
        const output = run.stdout.trimEnd().split('\n');
        // Per external: tm/external-without-flow (information) and tm/stride-missing (warning); for the
        // file: tm/background-missing; for the threat: two warnings and tm/dread-out-of-range.
        assert.equal(output.at(-1), '65002 warnings, 1 error, 65001 information in 1 file');
        assert.equal(output.length - 1, 130_004);
        assert.equal(output.filter(line => line.includes(' error tm/dread-out-of-range ')).length, 1);
        assert.equal(run.stderr, '');
        assert.equal(run.status, 1);
    });

    it('reports every finding of 50,000 declarations of the same name, and fails', () => {
        const run = checkGenerated('same-name.tm', lines(50_000, () => 'external A "a"\n'), ['--format', 'json']);
        const findings = JSON.parse(run.stdout) as { code: string }[];
        assert.equal(findings.length, 150_001);
        assert.equal(findings.filter(f => f.code === 'tm/duplicate-name').length, 50_000);
        assert.equal(run.stderr, '');
        assert.equal(run.status, 1);
    });
});
