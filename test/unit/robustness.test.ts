import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Asset, Boundary, Process, TreeGate } from '../../language-server/src/generated/ast.js';
import { MAX_NESTING } from '../../language-server/src/parser/nesting-limit-lexer.js';
import { FUZZ_SEED, tokenSoup } from './helpers/fuzz-inputs.js';
import { rangeProblem } from './helpers/fuzz-pipeline.js';
import type { CheckedFile } from './helpers/workspace.js';
import { checkCoreWorkspace, describeFinding } from './helpers/workspace.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

/**
 * The language server must survive anything a user can type: building never throws, no check
 * throws (Langium would turn that into "An error occurred during validation"), nothing is logged
 * as an error, and every range is one an editor can show.
 */
async function assertSurvives(files: Record<string, string>): Promise<CheckedFile[]> {
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); };
    let checked: CheckedFile[];
    try {
        checked = await checkCoreWorkspace(files);
    } finally {
        console.error = consoleError;
    }
    assert.deepEqual(logged, [], 'nothing is logged as an error');
    for (const { document, diagnostics } of checked) {
        for (const d of diagnostics) {
            assert.ok(!d.message.startsWith('An error occurred'), `a check threw: ${d.message}`);
            assert.equal(rangeProblem(document, d.range), undefined, `range of "${d.message}"`);
        }
    }
    return checked;
}

async function assertModelSurvives(text: string): Promise<CheckedFile> {
    const [file] = await assertSurvives({ 'model.tm': text });
    return file!;
}

function syntaxErrors(file: CheckedFile): string[] {
    const { lexerErrors, parserErrors } = file.document.parseResult;
    return [...lexerErrors.map(e => e.message), ...parserErrors.map(e => e.message)];
}

// ---- Inputs ------------------------------------------------------------------------------------

function nestedBoundaries(depth: number): string {
    let text = '';
    for (let i = 0; i < depth; i++) text += `boundary B${i} "Level ${i}" {\n`;
    return `${text}process Deep "Innermost process"\n${'}\n'.repeat(depth)}`;
}

function nestedTree(depth: number): string {
    let text = 'threat T "Deep tree" {\n    tree {\n';
    for (let i = 0; i < depth; i++) text += `or "Step ${i}" {\n`;
    return `${text}leaf "Root cause"\n${'}\n'.repeat(depth)}    }\n}\n`;
}

// ---- Specifications ----------------------------------------------------------------------------

describe('robustness: checking survives anything a user can type', function () {
    this.timeout(60_000);

    it('survives every prefix of the DESIGN.md example (each line end, every third character)', async () => {
        const cuts = new Set<number>([DESIGN_EXAMPLE.length]);
        for (let i = 0; i < DESIGN_EXAMPLE.length; i += 3) cuts.add(i);
        for (let i = DESIGN_EXAMPLE.indexOf('\n'); i >= 0; i = DESIGN_EXAMPLE.indexOf('\n', i + 1)) cuts.add(i);
        for (const cut of cuts) await assertModelSurvives(DESIGN_EXAMPLE.slice(0, cut));
    });

    // Random bytes, token soup and mutations of every example, through every feature: fuzz.test.ts.
    it('survives random fragments split across two files that reference each other', async () => {
        await fc.assert(fc.asyncProperty(tokenSoup, tokenSoup, async (a, b) => { await assertSurvives({ 'a.tm': a, 'b.tm': b }); }), { numRuns: 100, seed: FUZZ_SEED });
    });

    describe('deep nesting', () => {
        it('parses boundaries nested 60 deep without errors and checks the innermost element', async () => {
            const file = await assertModelSurvives(nestedBoundaries(60));
            assert.deepEqual(syntaxErrors(file), []);
            let boundary = file.document.parseResult.value.declarations[0] as Boundary;
            for (let i = 1; i < 60; i++) boundary = boundary.members[0] as Boundary;
            assert.equal((boundary.members[0] as Process).name, 'Deep');
            assert.deepEqual(file.diagnostics.map(describeFinding), ['tm/stride-missing @61:9-61:13']);
        });

        it('parses a threat tree of `or` nodes nested 60 deep without errors', async () => {
            const file = await assertModelSurvives(nestedTree(60));
            assert.deepEqual(syntaxErrors(file), []);
            assert.equal((file.document.parseResult.value.declarations[0] as { tree?: { nodes: TreeGate[] } }).tree?.nodes[0]?.title, 'Step 0');
        });

        // The parser recurses per block and overflowed the stack at about 190 levels, which ended the
        // language server; the lexer now stops at the first block nested deeper than MAX_NESTING.
        it('parses boundaries nested right up to the nesting limit', async () => {
            const file = await assertModelSurvives(nestedBoundaries(MAX_NESTING));
            assert.deepEqual(syntaxErrors(file), []);
        });

        it('stops boundaries nested 2,000 deep at the nesting limit, with a lexer error there', async () => {
            const file = await assertModelSurvives(nestedBoundaries(2_000));
            const lexing = file.document.parseResult.lexerErrors.map(e => `${e.line}:${e.column} ${e.message}`);
            assert.deepEqual(lexing, [`65:25 Blocks are nested more than ${MAX_NESTING} levels deep here; the rest of the file is not read. Flatten the nesting.`]);
        });

        it('stops a threat tree of `or` nodes nested 2,000 deep at the nesting limit', async () => {
            const file = await assertModelSurvives(nestedTree(2_000));
            assert.equal(file.document.parseResult.lexerErrors.length, 1);
            assert.match(file.document.parseResult.lexerErrors[0]!.message, /^Blocks are nested more than 64 levels deep here/);
        });
    });

    describe('huge input', () => {
        it('parses a 1 MB string literal into the title', async () => {
            const title = 'x'.repeat(2 ** 20);
            const file = await assertModelSurvives(`asset Blob "${title}"\n`);
            assert.deepEqual(syntaxErrors(file), []);
            assert.equal((file.document.parseResult.value.declarations[0] as Asset).title, title);
        });

        // The STRING terminal's regular expression overflowed V8's regexp stack above about 4.2 million
        // characters; strings are now matched by a scanner (language-server/src/parser/token-builder.ts).
        it('parses a 5 MB string literal', async () => {
            const file = await assertModelSurvives(`asset Blob "${'x'.repeat(5 * 2 ** 20)}"\n`);
            assert.deepEqual(syntaxErrors(file), []);
        });

        it('checks 10,000 declarations on one line', async () => {
            const text = Array.from({ length: 10_000 }, (_, i) => `asset A${i} "Asset ${i}"`).join(' ');
            const file = await assertModelSurvives(text);
            assert.deepEqual(syntaxErrors(file), []);
            assert.equal(file.document.parseResult.value.declarations.length, 10_000);
        });

        // Parsing was quadratic in the number of declarations of one file:
        // Langium 4.2.1's CST builder searched the parent's children from the start for every new
        // node. The timeout is a guard against a hang, not a performance claim (see npm run bench).
        it('checks 100,000 declarations on one line', async function () {
            this.timeout(120_000);
            const text = Array.from({ length: 100_000 }, (_, i) => `asset A${i} "Asset ${i}"`).join(' ');
            const file = await assertModelSurvives(text);
            assert.equal(file.document.parseResult.value.declarations.length, 100_000);
        });
    });

    describe('hostile content', () => {
        it('keeps titles full of markup, pipes, formula starts, quotes and escapes as text', async () => {
            const file = await assertModelSurvives(
                'process P "<script>alert(1)</script> | =cmd|\' /C calc\'!A0 \\"quoted\\" line\\nbreak \\\\ end" {\n' +
                '    description "=HYPERLINK(\\"http://x\\") +1 -1 @SUM(A1) \\t |a|b|"\n}\n');
            assert.deepEqual(syntaxErrors(file), []);
            const process = file.document.parseResult.value.declarations[0] as Process;
            assert.equal(process.title, '<script>alert(1)</script> | =cmd|\' /C calc\'!A0 "quoted" line\nbreak \\ end');
            assert.equal(process.description, '=HYPERLINK("http://x") +1 -1 @SUM(A1) \t |a|b|');
        });

        it('treats names like __proto__ and constructor as ordinary names', async () => {
            const file = await assertModelSurvives(
                'process __proto__ "p"\nprocess constructor "c"\n' +
                'threat hasOwnProperty "h" { stride Spoofing targets __proto__, constructor ' +
                'dread { damage 1 reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 } response accept justification "j" }\n');
            assert.deepEqual(file.diagnostics.map(describeFinding), ['tm/stride-missing @1:9-1:18', 'tm/stride-missing @2:9-2:20']);
        });

        it('reports every reference to an undefined name as a linking error that names it', async () => {
            const file = await assertModelSurvives(
                'flow F: NoSource -> NoTarget "f" { carries NoAsset1 }\n' +
                'datastore D "d" { stores NoAsset2 }\n' +
                'scenario S "s" { flows NoFlow }\n' +
                'threat T "t" { targets NoElement assets NoAsset3 mitigatedBy NoMitigation }\n' +
                'exclude Spoofing on NoElement2 "r"\n');
            const linking = file.diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === 'linking-error');
            const names = ['NoSource', 'NoTarget', 'NoAsset1', 'NoAsset2', 'NoFlow', 'NoElement', 'NoAsset3', 'NoMitigation', 'NoElement2'];
            assert.deepEqual(linking.map(d => names.find(n => d.message.includes(`'${n}'`))), names);
            assert.ok(linking.every(d => d.severity === 1));
        });

        it('reports a name declared three times, in two files, on each declaration', async () => {
            const [a, b] = await assertSurvives({ 'a.tm': 'process P "one"\nasset P "two"\n', 'b.tm': 'threat P "three" { targets P }\n' });
            const duplicates = (file: CheckedFile): string[] => file.diagnostics.filter(d => d.code === 'tm/duplicate-name').map(describeFinding);
            assert.deepEqual(duplicates(a!), ['tm/duplicate-name @1:9-1:10', 'tm/duplicate-name @2:7-2:8']);
            assert.deepEqual(duplicates(b!), ['tm/duplicate-name @1:8-1:9']);
        });

        it('reports a DREAD factor of 99999999999999999999 as out of range, and accepts -0 as 0', async () => {
            const threat = (damage: string): string =>
                `threat T "t" {\n    dread { damage ${damage} reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 }\n` +
                '    response accept\n    justification "j"\n}\n';
            const huge = await assertModelSurvives(threat('99999999999999999999'));
            assert.deepEqual(huge.diagnostics.map(d => [describeFinding(d), d.severity, d.message]), [
                ['tm/dread-out-of-range @2:20-2:40', 1, 'DREAD damage is 99999999999999999999; a factor must be an integer from 0 to 10.'],
            ]);
            const negativeZero = await assertModelSurvives(threat('-0'));
            assert.deepEqual(negativeZero.diagnostics, []);
            const exponent = await assertModelSurvives(threat('1e5'));
            assert.equal(syntaxErrors(exponent).length, 1);
        });
    });
});
