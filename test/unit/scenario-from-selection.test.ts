import * as assert from 'node:assert/strict';
import type { CodeAction, Range } from 'vscode-languageserver';
import { ThreatModelCodeActionProvider } from '../../language-server/src/lsp/code-actions/code-action-provider.js';
import { applyAction } from './helpers/code-actions.js';
import { checkModel, describeFinding, services, syntaxAndLinkErrors } from './helpers/workspace.js';

const MODEL = [
    'scenario Browse "Browsing" { flows Look }',            // 1
    'external Customer "Customer"',                          // 2
    'process Shop "Shop"',                                   // 3
    'datastore Db "Orders"',                                 // 4
    'flow Look: Customer -> Shop "Looks at products"',      // 5
    'flow Order: Customer -> Shop "Places an order" {',     // 6
    '    encrypted',                                         // 7
    '}',                                                     // 8
    'flow Save: Shop -> Db "Saves the order"',              // 9
    'threat T "t" { targets Shop }',                         // 10
    '',
].join('\n');

/** 0-based line and character from 1-based line and column. */
function range(fromLine: number, fromColumn: number, toLine: number, toColumn: number): Range {
    return { start: { line: fromLine - 1, character: fromColumn - 1 }, end: { line: toLine - 1, character: toColumn - 1 } };
}

async function actionsFor(text: string, selection: Range, only?: string[]): Promise<CodeAction[]> {
    const { document } = await checkModel(text);
    const provider = services.ThreatModel.lsp.CodeActionProvider as ThreatModelCodeActionProvider;
    return provider.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: selection, context: { diagnostics: [], only } });
}

function scenarioActions(actions: readonly CodeAction[]): CodeAction[] {
    return actions.filter(action => action.kind === 'refactor.createScenario');
}

describe('refactoring: create a scenario from the selected flows (TMA step 1)', () => {
    it('declares a scenario of every flow the selection touches, after the last, and the flows are then in a scenario', async () => {
        // From the middle of "Order" (line 6) to the middle of "Save" (line 9), skipping nothing in between.
        const actions = scenarioActions(await actionsFor(MODEL, range(6, 10, 9, 8)));
        assert.deepEqual(actions.map(a => [a.title, a.kind, a.isPreferred, a.diagnostics]), [
            ["Create a scenario from the 2 selected flows ('Order' and 'Save')", 'refactor.createScenario', undefined, undefined],
        ]);
        const after = applyAction(MODEL, 'file:///workspace/model.tm', actions[0]!);
        assert.equal(after, MODEL.replace('flow Save: Shop -> Db "Saves the order"\n', [
            'flow Save: Shop -> Db "Saves the order"',
            '',
            'scenario OrderScenario "TODO: the use case in which Places an order and Saves the order happen" {',
            '    flows Order, Save',
            '}',
            '',
        ].join('\n')));
        const recheck = await checkModel(after);
        assert.deepEqual(syntaxAndLinkErrors(recheck.diagnostics), []);
        assert.deepEqual(recheck.diagnostics.filter(d => d.code === 'tm/element-in-no-scenario' && d.message.startsWith('Flow')).map(describeFinding), []);
        const before = await checkModel(MODEL);
        assert.deepEqual(before.diagnostics.filter(d => d.code === 'tm/element-in-no-scenario' && d.message.startsWith('Flow')).map(describeFinding), [
            'tm/element-in-no-scenario @6:6-6:11',
            'tm/element-in-no-scenario @9:6-9:10',
        ], 'the two flows were in no scenario before');
    });

    it('takes a flow the selection only touches, names one flow in the singular, and picks a free name', async () => {
        const text = `${MODEL}asset LookScenario "a name that is taken"\n`;
        const actions = scenarioActions(await actionsFor(text, range(5, 40, 5, 41)));
        assert.deepEqual(actions.map(a => a.title), ["Create a scenario from the selected flow 'Look'"]);
        assert.equal(applyAction(text, 'file:///workspace/model.tm', actions[0]!), text.replace('flow Look: Customer -> Shop "Looks at products"\n', [
            'flow Look: Customer -> Shop "Looks at products"',
            '',
            'scenario LookScenario2 "TODO: the use case in which Looks at products happens" {',
            '    flows Look',
            '}',
            '',
        ].join('\n')));
    });

    it('is offered for the refactor kind and with no kind asked, but not for a bare cursor, a selection of no flow, or quick-fixes only', async () => {
        assert.equal(scenarioActions(await actionsFor(MODEL, range(5, 1, 9, 1), ['refactor'])).length, 1);
        assert.equal(scenarioActions(await actionsFor(MODEL, range(6, 10, 6, 10))).length, 0, 'a cursor');
        assert.equal(scenarioActions(await actionsFor(MODEL, range(2, 1, 4, 10))).length, 0, 'no flow selected');
        assert.equal(scenarioActions(await actionsFor(MODEL, range(5, 1, 9, 1), ['quickfix'])).length, 0, 'quick-fixes only');
    });

    it('keeps a quote or a line break in a flow title valid in the scenario title', async () => {
        const text = 'external A "A"\nprocess B "B"\nflow F: A -> B "Sends \\"x\\"\\nand y"\n';
        const actions = scenarioActions(await actionsFor(text, range(3, 1, 3, 5)));
        const after = applyAction(text, 'file:///workspace/model.tm', actions[0]!);
        assert.ok(after.includes('scenario FScenario "TODO: the use case in which Sends \\"x\\"\\nand y happens" {'), after);
        assert.deepEqual(syntaxAndLinkErrors((await checkModel(after)).diagnostics), []);
    });
});
