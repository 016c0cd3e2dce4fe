import * as assert from 'node:assert/strict';
import { applyAction, codeActionsFor } from './helpers/code-actions.js';
import { checkModel, describeFinding } from './helpers/workspace.js';

/** The first syntax error of `text`, its quick-fixes' titles, and the text after the preferred one. */
async function fixesOf(text: string): Promise<{ titles: string[]; after: string | undefined }> {
    const { document, diagnostics } = await checkModel(text);
    const error = diagnostics.find(d => (d.data as { code?: string } | undefined)?.code === 'parsing-error');
    assert.ok(error, 'a syntax error');
    const actions = codeActionsFor(document, error, ['quickfix']);
    const preferred = actions.find(a => a.isPreferred);
    return { titles: actions.map(a => a.title), after: preferred && applyAction(text, document.textDocument.uri, preferred) };
}

describe('quick-fixes for syntax errors that say "did you mean" (issue 14)', () => {
    const cases: ReadonlyArray<readonly [string, string, readonly string[], string]> = [
        ['a response', 'threat T "t" { response mitigate }', ["Change 'mitigate' to 'fix'"], 'threat T "t" { response fix }'],
        ['a category in words', 'threat T "t" { stride Information Disclosure }', ["Change 'Information Disclosure' to 'InformationDisclosure'"], 'threat T "t" { stride InformationDisclosure }'],
        ['a misspelt category', 'exclude Spofing on P "x"', ["Change 'Spofing' to 'Spoofing'"], 'exclude Spoofing on P "x"'],
        ['a status', 'mitigation M "m" { status done }', ["Change 'done' to 'implemented'"], 'mitigation M "m" { status implemented }'],
        ['a clause', 'datastore D "d" { log }', ["Change 'log' to 'logs'"], 'datastore D "d" { logs }'],
        ['a declaration keyword', 'proces P "p"', ["Change 'proces' to 'process'"], 'process P "p"'],
        ['a name with a hyphen', 'process api-gateway "API"', ["Change 'api-gateway' to 'api_gateway'", "Change 'api-gateway' to 'apiGateway'"], 'process api_gateway "API"'],
        ['a keyword as a name', 'process logs "Logs"', ["Change 'logs' to 'Logs'"], 'process Logs "Logs"'],
        ['a comma between clauses', 'flow F: A -> B "f" { encrypted, authenticated }', ["Remove ','"], 'flow F: A -> B "f" { encrypted authenticated }'],
        ['text without quotes', 'process P "p" { technology Node }', ["Change 'Node' to '\"Node\"'"], 'process P "p" { technology "Node" }'],
    ];
    for (const [name, before, titles, after] of cases) {
        it(`fixes ${name}`, async () => {
            const fixes = await fixesOf(before);
            assert.deepEqual(fixes.titles, titles);
            assert.equal(fixes.after, after);
        });
    }

    it('fixes a misspelt name of the model (an unknown reference)', async () => {
        const text = 'process Storefront "s"\nthreat T "t" { stride Spoofing targets Storefrnt }';
        const { document, diagnostics } = await checkModel(text);
        const error = diagnostics.find(d => (d.data as { code?: string } | undefined)?.code === 'linking-error')!;
        assert.equal(error.message, "Unknown DFD element (external, process, datastore or flow) 'Storefrnt'; did you mean 'Storefront'? Declare it in a .tm file of this model, or correct the name.");
        const [action] = codeActionsFor(document, error, ['quickfix']);
        assert.equal(action?.title, "Change 'Storefrnt' to 'Storefront'");
        assert.equal(applyAction(text, document.textDocument.uri, action!), 'process Storefront "s"\nthreat T "t" { stride Spoofing targets Storefront }');
    });

    it('takes any name for a candidate, __proto__ and constructor included (found by the fuzz suite)', async () => {
        const { diagnostics } = await checkModel('external __proto__ "p"\nexternal constructor "c"\nthreat T "t" { targets constructr }');
        assert.deepEqual(diagnostics.filter(d => (d.data as { code?: string }).code === 'linking-error').map(d => d.message),
            ["Unknown DFD element (external, process, datastore or flow) 'constructr'; did you mean 'constructor'? Declare it in a .tm file of this model, or correct the name."]);
    });

    it('offers nothing where there is no likely meaning', async () => {
        assert.deepEqual((await fixesOf('threat T "t" { stride Phishing }')).titles, []);
    });
});

describe('checks skip a declaration that holds a syntax error (issue 14)', () => {
    const BOUNDARIES = 'boundary A "a" { external E "e" }\nboundary B "b" { process P "p" }\n';

    it('does not call a half-parsed flow unprotected when it says encrypted and authenticated', async () => {
        const { diagnostics } = await checkModel(`${BOUNDARIES}flow F: E -> P "f" { protocol "HTTPS" encrypted, authenticated }\n`);
        assert.deepEqual(diagnostics.filter(d => d.code === 'tm/boundary-crossing-unprotected').map(describeFinding), []);
        assert.deepEqual(diagnostics.filter(d => (d.data as { code?: string }).code === 'parsing-error').map(d => d.range.start), [{ line: 2, character: 47 }]);
    });

    it('still checks the same flow once it parses, and the declarations around a broken one', async () => {
        const fixed = await checkModel(`${BOUNDARIES}flow F: E -> P "f" { protocol "HTTPS" }\n`);
        assert.deepEqual(fixed.diagnostics.filter(d => d.code === 'tm/boundary-crossing-unprotected').map(describeFinding), ['tm/boundary-crossing-unprotected @3:6-3:7']);
        const around = await checkModel(`${BOUNDARIES}threat T "t" { response mitigate }\nthreat U "u" { stride Spoofing targets E }\n`);
        assert.deepEqual(around.diagnostics.filter(d => d.code === 'tm/dread-missing').map(describeFinding), ['tm/dread-missing @4:8-4:9']);
    });
});
