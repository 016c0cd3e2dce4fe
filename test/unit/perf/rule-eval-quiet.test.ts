import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Model, Rule } from '../../../language-server/src/generated/ast.js';
import { isRule } from '../../../language-server/src/generated/ast.js';
import { ConditionEvaluator, RuleEvaluator } from '../../../language-server/src/model/rule-eval.js';
import { RuleFacts } from '../../../language-server/src/model/rule-facts.js';
import { BUILTIN_RULES_TEXT } from '../../../language-server/src/rules/builtin-text.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { checkWorkspace, services } from '../helpers/workspace.js';

/**
 * RuleEvaluator evaluates a rule without words first and explains it only when it holds (for
 * speed). Every (rule, element) must give what the explaining evaluation alone gives: the same
 * match and the same words.
 */
const RULES = `
rule AnyCarries "a" { on flow stride Tampering when not encrypted and any carries (type is credentials) }
rule NoneCarries "b" { on flow stride InformationDisclosure when no carries (type in [payment, personal]) or authenticated }
rule Nested "c" { on process stride Spoofing when any flowsIn (source.type is service and any carries (not (type is credentials))) unless privileged }
rule Tagged "d" { on datastore stride Tampering when tags has "pii" or not logs }
rule Target "e" { on external stride Repudiation when any flowsOut (target.privileged or target.tech has "sql") }
rule Unknown "f" { on external stride Spoofing when type is not person }
rule Empty "g" { on process stride DenialOfService }
`;

const MODEL = `
external U "User" { type person tags "pii" }
external D "Device"
process P "Portal" { privileged }
process Q "Queue" { technology "PostgreSQL" }
datastore S "Store" { logs }
datastore T "Tagged" { tags "pii" }
asset Pw "Passwords" { type credentials }
asset Card "Card" { type payment }
asset Note "Note"
flow Login: U -> P "Sign in" { carries Pw }
flow Pay: D -> Q "Pay" { carries Card, Note authenticated }
flow Keep: P -> S "Keep" { encrypted carries Note }
flow Back: Q -> U "Back"
`;

describe('rule evaluation without words first (model/rule-eval.ts) matches the explaining evaluation', function () {
    this.timeout(120_000);

    it('gives the same match and the same words for every rule on every element', async () => {
        const files = {
            'rules.tm': RULES, 'model.tm': MODEL,
            'partner.tm': readFileSync(new URL('../../../../../test/fixtures/rules/partner.tm', import.meta.url), 'utf8'),
            ...generateModel(200, 1).files,
        };
        const checked = await checkWorkspace(files);
        assert.deepEqual(checked.slice(0, 2).flatMap(file => file.diagnostics.filter(d => d.severity === 1).map(d => d.message)), [], 'the rules and the model are valid');
        const models = checked.map(file => file.document.parseResult.value as Model);
        const builtin = services.ThreatModel.parser.LangiumParser.parse<Model>(BUILTIN_RULES_TEXT).value;
        const rules = [...models, builtin].flatMap(model => model.declarations.filter(isRule)) as Rule[];
        const facts = new RuleFacts(models);
        const evaluator = new RuleEvaluator(facts);
        const explaining = new ConditionEvaluator(new RuleFacts(models), true);
        let held = 0;
        let evaluated = 0;
        for (const rule of rules) {
            for (const element of facts.elements) {
                const expected = explaining.evaluate(rule, element);
                assert.deepEqual(evaluator.evaluate(rule, element), expected, `${rule.name} on ${element.name}`);
                if (expected.holds) held++;
                evaluated++;
            }
        }
        assert.ok(rules.length >= 14, `${rules.length} rules`);
        assert.ok(held > 20 && held < evaluated / 2, `${held} of ${evaluated} hold`);
    });
});
