// CPU time of evaluating the built-in rules on every element of a generated model: the
// evaluator as used (values first, words when a rule holds) against words throughout.
// Usage: node scripts/perf/rule-eval.mjs ELEMENTS RUNS (after npm run build)
import { EmptyFileSystem, URI } from 'langium';
import { isRule } from '../../out/tsc/language-server/src/generated/ast.js';
import { ConditionEvaluator, RuleEvaluator } from '../../out/tsc/language-server/src/model/rule-eval.js';
import { RuleFacts } from '../../out/tsc/language-server/src/model/rule-facts.js';
import { BUILTIN_RULES_TEXT } from '../../out/tsc/language-server/src/rules/builtin-text.js';
import { createThreatModelServices } from '../../out/tsc/language-server/src/threat-model-module.js';
import { generateModel } from '../../out/tsc/test/bench/synthetic-model.js';

const [elements, runs] = process.argv.slice(2).map(Number);
const { shared, ThreatModel } = createThreatModelServices(EmptyFileSystem);
const documents = Object.entries(generateModel(elements, 1).files).map(([name, text]) => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///m/${name}`));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
await shared.workspace.DocumentBuilder.build(documents, { validation: false });
const models = documents.map(d => d.parseResult.value);
const rules = ThreatModel.parser.LangiumParser.parse(BUILTIN_RULES_TEXT).value.declarations.filter(isRule);
const evaluators = { 'values first': facts => new RuleEvaluator(facts), 'words always': facts => new ConditionEvaluator(facts, true) };
const times = Object.fromEntries(Object.keys(evaluators).map(k => [k, []]));
for (let r = 0; r < runs; r++) {
    for (const [label, make] of Object.entries(evaluators)) {
        const start = process.cpuUsage();
        const facts = new RuleFacts(models);
        const evaluator = make(facts);
        let held = 0;
        for (const element of facts.elements) for (const rule of rules) if (evaluator.evaluate(rule, element).holds) held++;
        const { user, system } = process.cpuUsage(start);
        times[label].push((user + system) / 1000);
        if (r === 0) console.log(`${label}: ${held} matches`);
    }
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [label, xs] of Object.entries(times)) console.log(`${label.padEnd(14)} median ${median(xs).toFixed(0)} ms CPU of ${runs} runs`);
