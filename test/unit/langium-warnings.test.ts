import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { singleValuedClauses } from '../../language-server/src/validation/clause-checks.js';
import { services } from './helpers/workspace.js';

/** The repository root (this file runs from out/tsc/test/unit/). */
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const GRAMMAR = 'language-server/src/threat-model.langium';

interface LangiumWarnings {
    readonly DELIBERATE_MULTIPLE_ASSIGNMENTS: Readonly<Record<string, readonly string[]>>;
    isDeliberateMultipleAssignment(line: string, grammarPath: string, grammarText: string): boolean;
}
const warnings = (): Promise<LangiumWarnings> =>
    import(pathToFileURL(join(ROOT, 'scripts/langium-warnings.mjs')).href) as Promise<LangiumWarnings>;

/** Runs scripts/langium-generate.mjs in a copy of the grammar set-up whose grammar is `grammar`. */
async function generate(grammar: string): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
    const dir = mkdtempSync(join(tmpdir(), 'tml-langium-'));
    try {
        cpSync(join(ROOT, 'langium-config.json'), join(dir, 'langium-config.json'));
        cpSync(join(ROOT, 'language-server/src'), join(dir, 'language-server/src'), { recursive: true });
        writeFileSync(join(dir, GRAMMAR), grammar);
        const lines = (text: string) => text.split('\n').filter(line => line !== '');
        const run = promisify(execFile)(process.execPath, [join(ROOT, 'scripts/langium-generate.mjs')], { cwd: dir });
        const outcome = await run.then(r => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => e);
        return { code: outcome.code, stdout: lines(outcome.stdout), stderr: lines(outcome.stderr) };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

describe('npm run langium:generate (scripts/langium-generate.mjs)', () => {
    const grammar = readFileSync(join(ROOT, GRAMMAR), 'utf8');

    it('silences exactly the single-valued clauses that tm/clause-duplicate reports', async () => {
        const clauses = Object.fromEntries([...singleValuedClauses(services.ThreatModel.Grammar)].map(([type, list]) =>
            [type, list.map(c => c.property)]));
        assert.deepEqual((await warnings()).DELIBERATE_MULTIPLE_ASSIGNMENTS, clauses);
    });

    it('drops only the multiple-assignment warning of a listed rule and property in the grammar file', async () => {
        const { isDeliberateMultipleAssignment } = await warnings();
        const text = 'grammar G\n\nentry Model:\n    (items+=Item)*;\n\nSystem:\n    (\'owner\' owner=STRING | \'note\' note=STRING)*;\n';
        const warning = (line: number, property: string, operator = '=') =>
            `${GRAMMAR}:${line}:5 - Found multiple assignments to '${property}' with the '${operator}' assignment operator. Consider using '+=' instead to prevent data loss.`;
        assert.equal(isDeliberateMultipleAssignment(warning(7, 'owner'), GRAMMAR, text), true);
        assert.equal(isDeliberateMultipleAssignment(`\u001b[33m${warning(7, 'owner')}\u001b[39m`, GRAMMAR, text), true);
        assert.equal(isDeliberateMultipleAssignment(warning(7, 'note'), GRAMMAR, text), false, 'a property not listed');
        assert.equal(isDeliberateMultipleAssignment(warning(4, 'owner'), GRAMMAR, text), false, 'a rule that does not list it');
        assert.equal(isDeliberateMultipleAssignment(warning(7, 'owner'), 'other.langium', text), false, 'another grammar file');
        assert.equal(isDeliberateMultipleAssignment(warning(7, 'owner', '+='), GRAMMAR, text), false, 'another message');
        assert.equal(isDeliberateMultipleAssignment(`${warning(7, 'owner')} And more.`, GRAMMAR, text), false, 'another message');
    });

    it('prints no warning for the grammar as it is, and exits 0', async function () {
        this.timeout(120_000);
        const { code, stdout, stderr } = await generate(grammar);
        assert.deepEqual({ code, stderr, lines: stdout.length }, { code: 0, stderr: [], lines: 3 });
        assert.match(stdout[2] ?? '', /Langium generator finished successfully/);
    });

    it('still prints a multiple assignment nobody listed, and every other line, with langium-cli\'s exit code', async function () {
        this.timeout(120_000);
        const unlisted = grammar.replace("| 'type' type=ExternalType", "| 'type' type=ExternalType | 'note' note=STRING");
        assert.notEqual(unlisted, grammar);
        const line = unlisted.split('\n').findIndex(l => l.includes("'note' note=STRING")) + 1;
        const column = (unlisted.split('\n')[line - 1] ?? '').indexOf('note=') + 1;
        const note = `${GRAMMAR}:${line}:${column} - Found multiple assignments to 'note' with the '=' assignment operator. Consider using '+=' instead to prevent data loss.`;
        assert.deepEqual((await generate(unlisted)).stderr, [note]);
        const broken = await generate(unlisted.replace("'note' note=STRING", "'note' note=STRNG"));
        assert.deepEqual({ code: broken.code, stderr: broken.stderr }, {
            code: 2,
            stderr: [`${GRAMMAR}:${line}:${column + 5} - Could not resolve reference to AbstractRule named 'STRNG'.`, note, 'Langium generator failed.'],
        });
    });
});
