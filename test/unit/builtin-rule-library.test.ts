/**
 * Every built-in rule, where it holds, where it does not, and where the attribute it reads is
 * absent (docs/language.md#rules; the cases are in builtin-rule-cases.ts). Only the rule's own
 * suggestions are looked at: a small model may well make other rules hold too.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import type { BuiltinRuleCase } from './builtin-rule-cases.js';
import { BUILTIN_RULE_CASES } from './builtin-rule-cases.js';
import { builtinLibraryRules } from './helpers/builtin-library.js';
import { checkModel, describeFinding, syntaxAndLinkErrors } from './helpers/workspace.js';

function edited(model: string, [text, replacement]: readonly [string, string]): string {
    assert.equal(model.split(text).length, 2, `'${text}' occurs exactly once in the model`);
    return model.replace(text, replacement);
}

/** `tm/rule-suggests @l:c-l:c` (1-based) of the element's name in the model. */
function nameRange(model: string, element: string): string {
    const lines = model.split('\n');
    const pattern = new RegExp(`\\b(external|process|datastore|flow) ${element}\\b`);
    const line = lines.findIndex(l => pattern.test(l));
    const column = lines[line]!.search(pattern) + lines[line]!.match(pattern)![1]!.length + 2;
    return `tm/rule-suggests @${line + 1}:${column}-${line + 1}:${column + element.length}`;
}

async function suggestionsOf(rule: string, model: string): Promise<{ at: string; message: string }[]> {
    const { diagnostics } = await checkModel(model);
    assert.deepEqual(syntaxAndLinkErrors(diagnostics).map(d => d.message), [], model);
    return diagnostics
        .filter((d: Diagnostic) => d.code === 'tm/rule-suggests' && (d.data as { rule?: string } | undefined)?.rule === rule)
        .map(d => ({ at: describeFinding(d), message: d.message }));
}

describe('the built-in rules, one by one', () => {
    it('has a case for every rule of the library, in the library\'s order', async () => {
        assert.deepEqual(BUILTIN_RULE_CASES.map(c => c.rule), (await builtinLibraryRules()).map(r => r.name));
    });

    for (const c of BUILTIN_RULE_CASES as readonly BuiltinRuleCase[]) {
        describe(c.rule, () => {
            it(`holds for ${c.element}`, async () => {
                assert.deepEqual(await suggestionsOf(c.rule, c.model), [{ at: nameRange(c.model, c.element), message: c.message }]);
            });
            it(`does not hold once ${c.not[0]} becomes ${c.not[1]}`, async () => {
                assert.deepEqual(await suggestionsOf(c.rule, edited(c.model, c.not)), []);
            });
            it(`does not hold without ${c.absent[0]}`, async () => {
                assert.deepEqual(await suggestionsOf(c.rule, edited(c.model, c.absent)), []);
            });
        });
    }
});
