import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { singleValuedClauses } from '../../language-server/src/validation/clause-checks.js';
import { applyAction, codeActionsFor } from './helpers/code-actions.js';
import { checkModel, describeFinding, services, syntaxAndLinkErrors } from './helpers/workspace.js';

const CODE = 'tm/clause-duplicate';

async function duplicates(text: string): Promise<Array<[string, number | undefined, string]>> {
    const { diagnostics } = await checkModel(text);
    return diagnostics.filter(d => d.code === CODE).map(d => [describeFinding(d), d.severity, d.message]);
}

/** Every finding but the clause-duplicate ones, as code and message (ranges move when lines go). */
function otherFindings(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.filter(d => d.code !== CODE).map(d => `${String(d.code)}: ${d.message}`);
}

/**
 * Applies the action titled `title` to the `nth` clause-duplicate finding of `before`, checks the
 * exact text, and re-validates: no clause is duplicated any more and nothing fails to parse.
 */
async function applyFix(before: string, title: string, nth = 0): Promise<{ after: string; others: [string[], string[]] }> {
    const { document, diagnostics } = await checkModel(before);
    const target = diagnostics.filter(d => d.code === CODE)[nth];
    assert.ok(target, `expected a ${CODE} finding #${nth} in:\n${before}`);
    const actions = codeActionsFor(document, target);
    const action = actions.find(a => a.title === title);
    assert.ok(action, `no action '${title}' among: ${actions.map(a => a.title).join(' | ')}`);
    const after = applyAction(before, document.textDocument.uri, action);
    const recheck = await checkModel(after);
    assert.deepEqual(syntaxAndLinkErrors(recheck.diagnostics), []);
    return { after, others: [otherFindings(diagnostics), otherFindings(recheck.diagnostics)] };
}

describe('tm/clause-duplicate', () => {
    it('knows every single-valued clause of the grammar (the ones langium-cli warns about)', () => {
        const clauses = Object.fromEntries([...singleValuedClauses(services.ThreatModel.Grammar)].map(([type, list]) =>
            [type, list.map(c => (c.flag ? `${c.property}?` : c.property))]));
        assert.deepEqual(clauses, {
            System: ['description', 'owner', 'deployment'],
            Asset: ['description', 'classification', 'type'],
            Boundary: ['trust'],
            External: ['description', 'type'],
            Process: ['description', 'technology', 'entrypoint?', 'privileged?'],
            Datastore: ['description', 'technology', 'logs?', 'encrypted?'],
            Flow: ['description', 'protocol', 'encrypted?', 'authenticated?', 'bidirectional?'],
            Scenario: ['description'],
            Threat: ['description', 'impact', 'tree', 'dread', 'response', 'warning', 'justification', 'bug', 'rule'],
            Mitigation: ['description', 'technique', 'status', 'implementedIn', 'verifiedBy'],
            Rule: ['on', 'stride', 'when', 'unless', 'description', 'mitigation'],
        });
    });

    it('is a warning on the keyword of the ignored clause, naming the declaration and the clause', async () => {
        const model = 'threat T "t" {\n    response accept\n    justification "j"\n    response fix\n}\n';
        assert.deepEqual(await duplicates(model), [
            ['tm/clause-duplicate @2:5-2:13', 2, "Threat 'T' has two 'response' clauses; only the last one counts, so this one is ignored. Remove one of them."],
        ]);
    });

    it('marks a block by its keyword only, and every occurrence but the last', async () => {
        const model = 'threat T "t" {\n    dread {\n        damage 1\n    }\n    dread { damage 2 }\n    dread { damage 3 }\n}\n';
        assert.deepEqual(await duplicates(model), [
            ['tm/clause-duplicate @2:5-2:10', 2, "Threat 'T' has three 'dread' clauses; only the last one counts, so this one is ignored. Remove one of them."],
            ['tm/clause-duplicate @5:5-5:10', 2, "Threat 'T' has three 'dread' clauses; only the last one counts, so this one is ignored. Remove one of them."],
        ]);
    });

    it('names DFD elements by kind, also inside boundaries, and says a flag twice is only said twice', async () => {
        const model = 'boundary B "b" {\n    datastore D "d" { technology "pg" logs technology "mysql" logs }\n}\n' +
            'flow F: D -> D "f" { encrypted encrypted }\n';
        assert.deepEqual(await duplicates(model), [
            ['tm/clause-duplicate @2:23-2:33', 2, "Data store 'D' has two 'technology' clauses; only the last one counts, so this one is ignored. Remove one of them."],
            ['tm/clause-duplicate @2:39-2:43', 2, "Data store 'D' says 'logs' twice; once is enough. Remove this one."],
            ['tm/clause-duplicate @4:22-4:31', 2, "Flow 'F' says 'encrypted' twice; once is enough. Remove this one."],
        ]);
    });

    it('covers mitigations, systems, assets and scenarios', async () => {
        const model = 'system S "s" { owner "a" owner "b" }\nasset A "a" { description "x" description "y" }\n' +
            'scenario C "c" { description "x" description "y" }\nmitigation M "m" { implementedIn "a.ts" status planned implementedIn "b.ts" }\n';
        assert.deepEqual((await duplicates(model)).map(([at, , message]) => `${at} ${message.slice(0, message.indexOf(';'))}`), [
            "tm/clause-duplicate @1:16-1:21 System 'S' has two 'owner' clauses",
            "tm/clause-duplicate @2:15-2:26 Asset 'A' has two 'description' clauses",
            "tm/clause-duplicate @3:18-3:29 Scenario 'C' has two 'description' clauses",
            "tm/clause-duplicate @4:20-4:33 Mitigation 'M' has two 'implementedIn' clauses",
        ]);
    });

    it('reports a DREAD factor given twice in one rating, on its name', async () => {
        const model = 'threat T "t" { dread { damage 9 reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 damage 2 } }\n';
        assert.deepEqual(await duplicates(model), [
            ['tm/clause-duplicate @1:24-1:30', 2, "The DREAD rating of threat 'T' has two 'damage' factors; only the last one counts, so this one is ignored. Remove one of them."],
        ]);
    });

    it('is silent for list clauses written twice, for clauses written once and in different declarations', async () => {
        const model = 'process P "p" { technology "a" }\nasset A "a"\nmitigation M "m" { status planned }\n' +
            'threat T "t" {\n    stride Spoofing\n    stride Tampering\n    targets P\n    targets P\n    assets A\n    assets A\n' +
            '    mitigatedBy M\n    mitigatedBy M\n    dread { damage 1 }\n    response fix\n}\n' +
            'threat U "u" { dread { damage 1 } response fix }\ndatastore D "d" { stores A stores A }\n';
        assert.deepEqual(await duplicates(model), []);
    });

    it('carries the clause, its whole range and the other occurrences in data', async () => {
        const { diagnostics } = await checkModel('mitigation M "m" { status planned status verified }');
        assert.deepEqual(diagnostics.find(d => d.code === CODE)?.data, {
            code: CODE,
            clause: 'status',
            actionRange: { start: { line: 0, character: 19 }, end: { line: 0, character: 33 } },
            duplicates: [{ start: { line: 0, character: 34 }, end: { line: 0, character: 49 } }],
        });
    });

    it('is not reported on a declaration that does not parse: its syntax errors come first (issue 14)', async () => {
        assert.deepEqual(await duplicates('threat T "t" { response response fix dread { damage } dread }'), []);
    });
});

describe('quick-fixes for tm/clause-duplicate', () => {
    it('removes the ignored clause with its line, so the model means what it meant', async () => {
        const before = 'process P "p"\nthreat T "t" {\n    stride Spoofing\n    targets P\n    response accept\n    justification "j"\n    response warn\n    warning "w"\n}\n';
        const { after, others } = await applyFix(before, "Remove this duplicate 'response' clause");
        assert.equal(after, 'process P "p"\nthreat T "t" {\n    stride Spoofing\n    targets P\n    justification "j"\n    response warn\n    warning "w"\n}\n');
        assert.deepEqual(others[1], others[0]);
    });

    it('removes a multi-line block with its lines', async () => {
        const before = 'threat T "t" {\n    dread {\n        damage 1 // first try\n    }\n    dread { damage 2 }\n}\n';
        const { after } = await applyFix(before, "Remove this duplicate 'dread' clause");
        assert.equal(after, 'threat T "t" {\n    dread { damage 2 }\n}\n');
    });

    it('removes an inline clause with the blank after it, or before it when it ends the line', async () => {
        assert.equal((await applyFix('mitigation M "m" { status planned status verified }', "Remove this duplicate 'status' clause")).after,
            'mitigation M "m" { status verified }');
        assert.equal((await applyFix('mitigation M "m" {\n    technique "a" status planned\n    status verified\n}', "Remove this duplicate 'status' clause")).after,
            'mitigation M "m" {\n    technique "a"\n    status verified\n}');
    });

    it('removes a duplicate DREAD factor', async () => {
        const before = 'threat T "t" { dread { damage 9 reproducibility 1 damage 2 } }';
        assert.equal((await applyFix(before, "Remove this duplicate 'damage' factor")).after, 'threat T "t" { dread { reproducibility 1 damage 2 } }');
        assert.equal((await applyFix(before, "Keep this 'damage' factor and remove the other one")).after, 'threat T "t" { dread { damage 9 reproducibility 1 } }');
    });

    it('keeps the ignored clause instead, removing every other occurrence', async () => {
        const before = 'mitigation M "m" {\n    status planned\n    technique "t" status implemented status verified\n}\n';
        const { after } = await applyFix(before, "Keep this 'status' clause and remove the other 2");
        assert.equal(after, 'mitigation M "m" {\n    status planned\n    technique "t"\n}\n');
        const second = await applyFix(before, "Keep this 'status' clause and remove the other 2", 1);
        assert.equal(second.after, 'mitigation M "m" {\n    technique "t" status implemented\n}\n');
    });

    it('offers the removal as the preferred fix', async () => {
        const { document, diagnostics } = await checkModel('flow F: P -> P "f" { protocol "a" protocol "b" }\nprocess P "p"');
        // Quick-fixes only: the finding's range is inside a flow, so a request for every kind also gets the scenario refactoring.
        const actions = codeActionsFor(document, diagnostics.find(d => d.code === CODE)!, ['quickfix']);
        assert.deepEqual(actions.map(a => [a.title, a.isPreferred]), [
            ["Remove this duplicate 'protocol' clause", true],
            ["Keep this 'protocol' clause and remove the other one", undefined],
        ]);
    });
});
