// CPU time of evaluating the built-in rules on every element of a generated model, the way a build
// does (model/rule-suggestions.ts: each element's rules by kind and category), in a new process:
// the first run is what a `tml report` or the editor's first build pays (V8's interpreter before
// the JIT), the median of the others what a warm process pays. Evaluators: `compiled`, what builds
// use (model/rule-compiled.ts, words only when a rule holds); `tree`, the tree walk it replaced
// (ConditionEvaluator without words, then with words when a rule holds).
// Usage: node scripts/perf/rule-eval.mjs ELEMENTS RUNS [compiled|tree] (after npm run build);
// run it alternately for both to compare them.
import { EmptyFileSystem, URI } from 'langium';
import { isRule } from '../../out/tsc/language-server/src/generated/ast.js';
import { ConditionEvaluator, RuleEvaluator } from '../../out/tsc/language-server/src/model/rule-eval.js';
import { RuleFacts } from '../../out/tsc/language-server/src/model/rule-facts.js';
import { categoryApplies, elementTraits } from '../../out/tsc/language-server/src/model/stride.js';
import { BUILTIN_RULES_TEXT } from '../../out/tsc/language-server/src/rules/builtin-text.js';
import { createThreatModelServices } from '../../out/tsc/language-server/src/threat-model-module.js';
import { generateModel } from '../../out/tsc/test/bench/synthetic-model.js';

const [elements, runs] = process.argv.slice(2, 4).map(Number);
const mode = process.argv[4] ?? 'compiled';
const { shared, ThreatModel } = createThreatModelServices(EmptyFileSystem);
const documents = Object.entries(generateModel(elements, 1).files).map(([name, text]) => {
    const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///m/${name}`));
    shared.workspace.LangiumDocuments.addDocument(document);
    return document;
});
await shared.workspace.DocumentBuilder.build(documents, { validation: false });
const models = documents.map(d => d.parseResult.value);
const rules = ThreatModel.parser.LangiumParser.parse(BUILTIN_RULES_TEXT).value.declarations.filter(isRule);
const treeWalk = facts => {
    const quiet = new ConditionEvaluator(facts, false);
    const explained = new ConditionEvaluator(facts, true);
    return { evaluate: (rule, element) => (quiet.evaluate(rule, element).holds ? explained.evaluate(rule, element) : quiet.evaluate(rule, element)) };
};
const make = { compiled: facts => new RuleEvaluator(facts), tree: treeWalk }[mode];
const times = [];
for (let r = 0; r < runs; r++) {
    const start = process.cpuUsage();
    const facts = new RuleFacts(models);
    const evaluator = make(facts);
    let held = 0;
    let evaluated = 0;
    const inForce = new Map();
    for (const element of facts.elements) {
        const traits = elementTraits(element);
        const key = `${traits.kind} ${traits.logs === true}`;
        if (!inForce.has(key)) inForce.set(key, rules.filter(rule => rule.on === traits.kind && categoryApplies(traits, rule.stride)));
        for (const rule of inForce.get(key)) {
            evaluated++;
            if (evaluator.evaluate(rule, element).holds) held++;
        }
    }
    const { user, system } = process.cpuUsage(start);
    times.push((user + system) / 1000);
    if (r === 0) console.log(`${mode}: ${held} of ${evaluated} hold`);
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const others = runs > 1 ? `, median of the other ${runs - 1} ${median(times.slice(1)).toFixed(1)} ms` : '';
console.log(`${mode.padEnd(9)} first run ${times[0].toFixed(1)} ms CPU${others}`);
