import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTml } from './helpers/run-tml.js';

/** `printf 'flow' > x.tm; tml report x.tm` failed with "Cannot read properties of undefined (reading 'ref')". */
describe('tml report on a flow whose source and target did not parse', () => {
    it('writes the report, with the flow and the syntax error as an open item, and warns on stderr', () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'tml-partial-flow-'));
        try {
            writeFileSync(path.join(folder, 'x.tm'), 'flow');
            const run = runTml(['report', 'x.tm'], folder);
            assert.equal(run.stderr, "tml: warning: 1 file has errors, so the output may be incomplete (run 'tml check' to see them)\n");
            assert.equal(run.status, 0);
            assert.ok(run.stdout.includes('\n|  |  |  |  |  | no | no |  |\n'), 'the flow is a row of the overview, with nothing but its flags');
            assert.ok(run.stdout.endsWith('| x.tm | 1 | error | parsing-error | A name should come here, not the end of the file. A flow is written: flow Name: Source -\\> Target "title" { … }. |\n'));
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
