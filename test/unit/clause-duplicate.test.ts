import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { singleValuedClauses } from '../../language-server/src/validation/clause-checks.js';
import { applyAction, codeActionsFor } from './helpers/code-actions.js';
import { checkModel, services, syntaxAndLinkErrors } from './helpers/workspace.js';

const CODE = 'tm/clause-duplicate';

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

// Where the finding is reported and what it says: test/fixtures/validation/clauses/.
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

    it('carries the clause, its whole range and the other occurrences in data', async () => {
        const { diagnostics } = await checkModel('mitigation M "m" { status planned status verified }');
        assert.deepEqual(diagnostics.find(d => d.code === CODE)?.data, {
            code: CODE,
            clause: 'status',
            actionRange: { start: { line: 0, character: 19 }, end: { line: 0, character: 33 } },
            duplicates: [{ start: { line: 0, character: 34 }, end: { line: 0, character: 49 } }],
        });
    });

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
