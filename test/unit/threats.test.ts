import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { checkCoreModel, checkCoreWorkspace, describeFinding } from './helpers/workspace.js';

const DREAD = 'dread { damage 1 reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 }';
/** A process that every test threat targets, with its other categories excluded so only the threat's findings remain. */
const TARGET = 'process P "p"\nexclude Tampering on P "x"\nexclude Repudiation on P "x"\nexclude InformationDisclosure on P "x"\nexclude DenialOfService on P "x"\nexclude ElevationOfPrivilege on P "x"\nmitigation M "m"\n';
const TARGET_LINES = TARGET.split('\n').length - 1;

/** Checks one threat (body given) against {@link TARGET}; returns its findings other than the element's. */
async function threatFindings(body: string): Promise<Array<{ at: string; message: string }>> {
    const { diagnostics } = await checkCoreModel(`${TARGET}threat T "t" { stride Spoofing targets P ${body} }`);
    return diagnostics
        .filter(d => d.code !== 'tm/stride-unmitigated')
        .map((d: Diagnostic) => ({ at: atThreatLine(d), message: d.message }));
}

/** `code @L1:col-L1:col`, with lines counted from the threat's line (L1), 1-based columns. */
function atThreatLine(d: Diagnostic): string {
    const { start, end } = d.range;
    return `${String(d.code)} @L${start.line - TARGET_LINES + 1}:${start.character + 1}-L${end.line - TARGET_LINES + 1}:${end.character + 1}`;
}

describe('tm/threat-unmitigated', () => {
    it('is reported on the threat name when there is no response', async () => {
        assert.deepEqual(await threatFindings(DREAD), [{
            at: 'tm/threat-unmitigated @L1:8-L1:9',
            message: "Threat 'T' has no response. Add 'response fix' with 'mitigatedBy', 'accept' or 'remove' with a justification, or 'warn' with a warning.",
        }]);
    });

    it('is reported for fix without mitigatedBy', async () => {
        assert.deepEqual(await threatFindings(`${DREAD} response fix bug "B-1"`), [{
            at: 'tm/threat-unmitigated @L1:8-L1:9',
            message: "Threat 'T' is to be fixed but names no mitigation. Add 'mitigatedBy <Mitigation>'.",
        }]);
    });

    it('is not reported for fix with mitigatedBy, or any other response', async () => {
        assert.deepEqual(await threatFindings(`${DREAD} response fix mitigatedBy M bug "B-1"`), []);
        assert.deepEqual(await threatFindings(`${DREAD} response accept justification "Low value."`), []);
        assert.deepEqual(await threatFindings(`${DREAD} response remove justification "Feature dropped."`), []);
        assert.deepEqual(await threatFindings(`${DREAD} response warn warning "Do not reuse passwords."`), []);
    });

    it('marks the element unmitigated while the threat has no response, and addressed once it has', async () => {
        const open = await checkCoreModel(`${TARGET}threat T "t" { stride Spoofing targets P ${DREAD} }`);
        const done = await checkCoreModel(`${TARGET}threat T "t" { stride Spoofing targets P ${DREAD} response fix mitigatedBy M bug "B-1" }`);
        assert.deepEqual(open.diagnostics.map(d => d.code), ['tm/stride-unmitigated', 'tm/threat-unmitigated']);
        assert.deepEqual(done.diagnostics, []);
    });
});

describe('response rules', () => {
    it('tm/accept-without-justification is reported on `response` for accept and remove', async () => {
        assert.deepEqual(await threatFindings(`${DREAD} response accept`), [{
            at: 'tm/accept-without-justification @L1:130-L1:138',
            message: "Threat 'T' is accepted without a justification. Add 'justification \"…\"' saying why.",
        }]);
        assert.deepEqual(await threatFindings(`${DREAD} response remove justification "  "`), [{
            at: 'tm/accept-without-justification @L1:130-L1:138',
            message: "Threat 'T' is removed without a justification. Add 'justification \"…\"' saying why.",
        }]);
    });

    it('tm/warn-without-text is reported on `response` for warn without warning', async () => {
        assert.deepEqual(await threatFindings(`${DREAD} response warn`), [{
            at: 'tm/warn-without-text @L1:130-L1:138',
            message: "Threat 'T' responds with a warning but gives no text. Add 'warning \"…\"' with the text users will see.",
        }]);
        assert.deepEqual(await threatFindings(`${DREAD} response warn warning "Check the URL."`), []);
    });

    it('tm/fix-without-bug is information on `response` for fix without bug', async () => {
        const { diagnostics } = await checkCoreModel(`${TARGET}threat T "t" { stride Spoofing targets P ${DREAD} response fix mitigatedBy M }`);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity, d.message]), [
            ['tm/fix-without-bug', 3, "Threat 'T' is to be fixed but has no bug number. Add 'bug \"…\"' so the fix can be tracked."],
        ]);
        assert.deepEqual(await threatFindings(`${DREAD} response fix mitigatedBy M bug "SEC-1"`), []);
    });

    it('the response keyword may come before the details it needs', async () => {
        assert.deepEqual(await threatFindings(`justification "Cheap to exploit, nothing to steal." response accept ${DREAD}`), []);
    });
});

describe('DREAD', () => {
    it('tm/dread-missing is reported on the threat name', async () => {
        assert.deepEqual(await threatFindings('response accept justification "ok"'), [{
            at: 'tm/dread-missing @L1:8-L1:9',
            message: "Threat 'T' has no DREAD rating. Add 'dread { damage N reproducibility N exploitability N affectedUsers N discoverability N }' with scores 0–10.",
        }]);
    });

    it('tm/dread-incomplete is reported on the `dread` keyword, naming the absent factors', async () => {
        const { diagnostics } = await checkCoreModel(`${TARGET}threat T "t" { stride Spoofing targets P dread { discoverability 3 damage 2 } response accept justification "ok" }`);
        assert.deepEqual(diagnostics.map(d => ({ at: describeFinding(d), message: d.message, data: d.data })), [{
            at: `tm/dread-incomplete @${TARGET_LINES + 1}:42-${TARGET_LINES + 1}:47`,
            message: "DREAD rating of threat 'T' lacks reproducibility, exploitability and affectedUsers. Give each a score from 0 to 10.",
            data: { code: 'tm/dread-incomplete', factors: ['reproducibility', 'exploitability', 'affectedUsers'] },
        }]);
    });

    it('takes the five factors in any order', async () => {
        assert.deepEqual(await threatFindings('dread { discoverability 1 affectedUsers 2 exploitability 3 reproducibility 4 damage 5 } response accept justification "ok"'), []);
    });

    for (const [value, inRange] of [['0', true], ['10', true], ['-1', false], ['11', false]] as const) {
        it(`a factor of ${value} is ${inRange ? 'accepted' : 'an error on the number'}`, async () => {
            const { diagnostics } = await checkCoreModel(`${TARGET}threat T "t" { stride Spoofing targets P dread { damage ${value} reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 } response accept justification "ok" }`);
            const expected = inRange ? [] : [{
                at: `tm/dread-out-of-range @${TARGET_LINES + 1}:57-${TARGET_LINES + 1}:${57 + value.length}`,
                severity: 1,
                message: `DREAD damage is ${value}; a factor must be an integer from 0 to 10.`,
            }];
            assert.deepEqual(diagnostics.map(d => ({ at: describeFinding(d), severity: d.severity, message: d.message })), expected);
        });
    }

    it('a negative number is a range finding, not a syntax error', async () => {
        const { document, diagnostics } = await checkCoreModel('threat T "t" { dread { damage -5 } }');
        assert.deepEqual(document.parseResult.parserErrors, []);
        assert.ok(diagnostics.some(d => d.code === 'tm/dread-out-of-range'));
    });
});

describe('tm/duplicate-name', () => {
    it('is an error on each declaration of the name, also across files and inside boundaries', async () => {
        const [a, b] = await checkCoreWorkspace({
            'a.tm': 'boundary B "b" { process Api "api" }\nexclude Spoofing on Api "x"',
            'b.tm': 'asset Api "api key"',
        });
        const message = "The name 'Api' is declared 2 times in the model. Rename all but one: names must be unique across the .tm files of a model.";
        assert.deepEqual(a!.diagnostics.filter(d => d.code === 'tm/duplicate-name').map(d => [describeFinding(d), d.severity, d.message]), [['tm/duplicate-name @1:26-1:29', 1, message]]);
        assert.deepEqual(b!.diagnostics.map(d => [describeFinding(d), d.severity, d.message]), [['tm/duplicate-name @1:7-1:10', 1, message]]);
    });

    it('is not reported for distinct names', async () => {
        const [a, b] = await checkCoreWorkspace({ 'a.tm': 'asset Api "api"', 'b.tm': 'asset Key "key"' });
        assert.deepEqual([...a!.diagnostics, ...b!.diagnostics], []);
    });
});

describe('references', () => {
    it('an unresolved reference is a linking error naming the target', async () => {
        const { diagnostics } = await checkCoreModel('threat T "t" { targets Nowhere }');
        const linking = diagnostics.filter(d => d.severity === 1 && d.message.includes('Nowhere'));
        assert.equal(linking.length, 1);
        assert.equal(describeFinding(linking[0]!).replace(/^\S+ /, ''), '@1:24-1:31');
    });

    it('says what kind of declaration is expected, and what the name is instead', async () => {
        const { diagnostics } = await checkCoreModel('process P "p"\nasset CardData "c"\nthreat T "t" { targets Nope, CardData mitigatedBy P }');
        assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => [describeFinding(d).replace(/^\S+ /, ''), d.message]), [
            ['@3:24-3:28', "Unknown DFD element (external, process, datastore or flow) 'Nope'. Declare it in a .tm file of this model, or correct the name."],
            ['@3:30-3:38', "'CardData' is an asset, but a DFD element (external, process, datastore or flow) is expected here."],
            ['@3:51-3:52', "'P' is a process, but a mitigation is expected here."],
        ]);
    });
});
