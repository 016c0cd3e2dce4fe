import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Model, Rule } from '../../../language-server/src/generated/ast.js';
import { isRule } from '../../../language-server/src/generated/ast.js';
import { RuleSuggestionsReuse } from '../../../language-server/src/model/rule-reuse.js';
import type { RuleSuggestions } from '../../../language-server/src/model/rule-suggestions.js';
import { RuleSuggestions as FreshSuggestions } from '../../../language-server/src/model/rule-suggestions.js';
import { RuleFacts } from '../../../language-server/src/model/rule-facts.js';
import { BUILTIN_RULES_TEXT } from '../../../language-server/src/rules/builtin-text.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { applyEdit, randomEdit } from '../helpers/random-edits.js';
import { checkModel, services } from '../helpers/workspace.js';

/**
 * Rule suggestions are taken over from the previous build when everything they read is the same
 * (model/rule-reuse.ts, model/rule-inputs.ts). After any sequence of edits, what is taken over must
 * be what evaluating every rule again gives: per element, the same rules, words and answers.
 */
const EXTRA = `
asset Cards "Card numbers" { classification secret type payment }
external Partner "Partner" { type person tags "mfa" }
process Api "API" { technology "PostgreSQL" privileged }
boundary Dc "Data centre" { trust trusted process Inner "Inner" { entrypoint } datastore Cache "Cache" { logs } }
boundary Out "Outside" { trust untrusted external Device "Device" { type device } }
flow Call: Partner -> Api "Call" { carries Cards }
flow Job: Api -> Inner "Job" { encrypted carries Cards }
flow Beat: Device -> Inner "Heartbeat"
threat Leak "Leak" { stride InformationDisclosure targets Cache, Call rule SensitiveDataInClear }
exclude Spoofing on Partner "Checked at the edge."
rule Plain "Plain flows" { on flow stride Tampering when not encrypted and any carries (classification is secret) }
dismiss Plain on Call "Checked at the edge."
`;
const LINES = EXTRA.trim().split('\n');
const MODEL = `${Object.values(generateModel(30, 1).files)[0]!}${EXTRA}`;
const builtin = services.ThreatModel.parser.LangiumParser.parse<Model>(BUILTIN_RULES_TEXT).value;

function rulesOf(model: Model): Rule[] {
    return [...builtin.declarations.filter(isRule), ...model.declarations.filter(isRule)];
}

/** Every element's suggestions, as words: what the checks read. */
function described(suggestions: RuleSuggestions, model: Model): string[] {
    return new RuleFacts([model]).elements.map(element => [
        element.name,
        ...suggestions.matchesFor(element).map(s => `${s.rule.name}: ${s.because.join(', ')}`),
        ...suggestions.suggestionsFor(element).map(s => `unanswered ${s.rule.name}`),
    ].join(' | '));
}

describe('rule suggestions taken over from the previous build (model/rule-reuse.ts)', function () {
    this.timeout(300_000);

    it('evaluates again when a fact changes, and takes over when none does', async () => {
        const reuse = new RuleSuggestionsReuse();
        const plainOnJob = (suggestions: RuleSuggestions, model: Model): boolean =>
            described(suggestions, model).some(line => line.startsWith('Job |') && line.includes('Plain: is not encrypted'));
        const texts = [MODEL, `${MODEL}// a comment\n`, MODEL.replace('"Job" { encrypted', '"Job" {'), MODEL.replace('"Job" { encrypted', '"Job" { ')];
        const outcomes: [boolean, boolean][] = [];
        for (const text of texts) {
            const model = (await checkModel(text)).document.parseResult.value;
            outcomes.push([plainOnJob(reuse.suggestions('model', [model], rulesOf(model)), model), reuse.reusedLast]);
        }
        // The first build keeps no inputs, the second reads them, the third differs in a fact, the fourth only in a space.
        assert.deepEqual(outcomes, [[false, false], [false, false], [true, false], [true, true]]);
    });

    it('gives what evaluating every rule gives, after any sequence of edits', async () => {
        let reused = 0;
        await fc.assert(fc.asyncProperty(fc.array(randomEdit(), { minLength: 1, maxLength: 8 }), async edits => {
            const reuse = new RuleSuggestionsReuse();
            let text = MODEL;
            for (const step of [undefined, ...edits]) {
                if (step) text = applyEdit(text, step, LINES);
                const model = (await checkModel(text)).document.parseResult.value;
                const rules = rulesOf(model);
                const taken = reuse.suggestions('model', [model], rules);
                if (reuse.reusedLast) reused++;
                assert.deepEqual(described(taken, model), described(new FreshSuggestions([model], rules), model), `after ${JSON.stringify(step)}`);
            }
        }), { numRuns: 40, seed: 20261206 });
        assert.ok(reused > 40, `taken over ${reused} times`);
    });
});
