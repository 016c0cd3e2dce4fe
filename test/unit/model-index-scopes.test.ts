import * as assert from 'node:assert/strict';
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { oneFileModel } from '../bench/workloads.js';
import { answerOf } from '../../language-server/src/workspace/answer-hash.js';
import { recordedScopeArguments } from '../../language-server/src/workspace/model-index.js';
import { checkWorkspace, services } from './helpers/workspace.js';

/**
 * workspace/index-reads.ts records a question about a node's model as the same question about
 * the root of its file (recordedScopeArguments): both must be answered the same, for every node
 * of every file of a workspace of several models, or a change could go unnoticed.
 */
describe('the model index answers about a node as about the root of its file (workspace/model-index.ts)', function () {
    this.timeout(120_000);

    it('gives every scoped question the same answer for any node and for its root', async () => {
        const files = await checkWorkspace({
            'shop/system.tm': `system Shop "Shop"\n${oneFileModel(20)}`,
            'shop/threats.tm': 'threat Forge "Forged calls" { stride Spoofing targets Customer_browser_1 response accept justification "Signed." }\n',
            'bank/system.tm': 'system Bank "Bank"\nprocess Ledger "Ledger"\nscenario Pay "Paying" { description "Pays." }\n',
            'shared.tm': 'rule Plain "Plain flows" { on flow stride Tampering when not encrypted }\n',
        });
        const index = services.ThreatModel.workspace.ModelIndex;
        const questions: ((scope: AstNode) => unknown)[] = [
            scope => index.keyOf(scope),
            scope => index.coverage(scope),
            scope => index.processFacts(scope),
            scope => index.ruleSuggestions(scope),
            scope => index.systems(scope),
            scope => index.declarationCount('Ledger', scope),
            scope => index.declaredTypes('Customer_browser_1', scope),
            scope => index.otherModelsDeclaring('Ledger', scope),
        ];
        const keys = ['keyOf', 'coverage', 'processFacts', 'ruleSuggestions', 'systems', 'declarationCount', 'declaredTypes', 'otherModelsDeclaring'];
        let compared = 0;
        for (const { document } of files) {
            const root = document.parseResult.value;
            for (const node of AstUtils.streamAst(root)) {
                questions.forEach((ask, i) => {
                    const recorded = recordedScopeArguments(keys[i]!, [node]);
                    assert.equal(recorded[0], root, `${keys[i]} of a ${node.$type} is recorded about the root`);
                    assert.equal(answerOf(ask(node)), answerOf(ask(root)), `${keys[i]} of a ${node.$type} in ${document.uri.path}`);
                    compared++;
                });
            }
        }
        assert.ok(compared > 600, `${compared} questions compared`);
    });

    it('keeps arguments that are no scope, and a scope given by its key', () => {
        const name = ['Ledger'];
        assert.equal(recordedScopeArguments('ruleInForce', name), name);
        assert.equal(recordedScopeArguments('coverage', ['file:///workspace/shop']).length, 1);
        assert.deepEqual(recordedScopeArguments('coverage', ['file:///workspace/shop']), ['file:///workspace/shop']);
    });
});
