import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { QUICK_FIXES } from '../../language-server/src/lsp/code-actions/quick-fixes.js';
import { ALL_ISSUE_CODES, DEFAULT_SEVERITIES } from '../../language-server/src/validation/issue-codes.js';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

/**
 * The code catalogue (validation/issue-codes.ts) is the one source of the codes and their default
 * severities; package.json's settings are tied to it by extension-manifest.test.ts, and the README
 * by this test: every code is documented with its default severity, as a table row
 * (`| \`tm/x\` | warning |`) or in prose (`\`tm/x\` (information, …`), and no other code is.
 */
describe('the README documents every finding code with its default severity', () => {
    for (const code of ALL_ISSUE_CODES) {
        it(code, () => {
            const row = new RegExp(`^\\| \`${code}\` \\| ([a-z]+) \\|`, 'm').exec(README)?.[1];
            const prose = new RegExp(`\`${code}\` \\(([a-z]+),`).exec(README)?.[1];
            assert.equal(row ?? prose, DEFAULT_SEVERITIES[code], `README.md has no row '| \`${code}\` | ${DEFAULT_SEVERITIES[code]} |'`);
        });
    }

    it('names no code the catalogue lacks', () => {
        const documented = [...README.matchAll(/^\| `(tm\/[a-z-]+)` \|/gm)].map(m => m[1]!);
        assert.deepEqual(documented.filter(code => !(ALL_ISSUE_CODES as readonly string[]).includes(code)), []);
    });
});

/**
 * The README's quick-fix column (last, in the tables that have one) and the quick-fix table
 * (lsp/code-actions/quick-fixes.ts) agree: a code has a quick-fix exactly when its cell does not start
 * with "—", and codes documented in a table without that column have none.
 */
describe('the README names a quick-fix for exactly the codes that have one', () => {
    const rows = new Map<string, string | undefined>();
    let fixColumn: number | undefined;
    for (const line of README.split('\n')) {
        const cells = line.split(' | ').map(cell => cell.replace(/^\| |\s*\|\s*$/g, ''));
        if (line.startsWith('| code |')) fixColumn = cells.indexOf('quick-fix') >= 0 ? cells.indexOf('quick-fix') : undefined;
        const code = /^\| `(tm\/[a-z-]+)` \|/.exec(line)?.[1];
        if (code) rows.set(code, fixColumn === undefined ? undefined : cells[fixColumn]);
    }

    for (const [code, cell] of rows) {
        it(code, () => {
            const hasFix = Object.hasOwn(QUICK_FIXES, code);
            assert.equal(cell !== undefined && !cell.startsWith('—'), hasFix, `README cell: ${cell ?? '(no quick-fix column)'}`);
        });
    }
});
