import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Asset, DfdElement, Flow, Model, Rule } from '../../../language-server/src/generated/ast.js';
import { isAsset, isDismiss, isExclude, isRule } from '../../../language-server/src/generated/ast.js';
import { CompiledRules } from '../../../language-server/src/model/rule-compiled.js';
import { ConditionEvaluator, RuleEvaluator } from '../../../language-server/src/model/rule-eval.js';
import type { FactSubject, FactValue } from '../../../language-server/src/model/rule-facts.js';
import { RuleFacts, allDeclarations, technologyTraits, trustOf } from '../../../language-server/src/model/rule-facts.js';
import { crossedBoundaries, enclosingBoundaries } from '../../../language-server/src/model/boundaries.js';
import { RuleSuggestions } from '../../../language-server/src/model/rule-suggestions.js';
import type { Subject } from '../../../language-server/src/model/rule-vocabulary.js';
import { ASSET_TYPES, CLASSIFICATIONS, EXTERNAL_TYPES, FACTS, TRUST_LEVELS, factsOf, memberSubject } from '../../../language-server/src/model/rule-vocabulary.js';
import { categoryApplies, elementTraits } from '../../../language-server/src/model/stride.js';
import { BUILTIN_RULES_TEXT } from '../../../language-server/src/rules/builtin-text.js';
import { STRIDE_CATEGORIES } from '../../../language-server/src/shared/stride.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { checkWorkspace, services } from '../helpers/workspace.js';

/**
 * Builds evaluate rules compiled into closures that answer "is it true?" or "is it false?"
 * (model/rule-compiled.ts). Over random rules (every construct of conditions, over the fact
 * vocabulary, well-typed or not) and random models, seeded, they must answer what the three-valued
 * tree walk (ConditionEvaluator) answers for every rule on every element, with the same words, and
 * give the same suggestions.
 */
const builtin = services.ThreatModel.parser.LangiumParser.parse<Model>(BUILTIN_RULES_TEXT).value;
const builtinRules = builtin.declarations.filter(isRule);

/** Picks over {@link seededRandom}, so that one fast-check integer is a whole case. */
function random(seed: number): { int(n: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
    const next = seededRandom(seed);
    return {
        int: n => Math.floor(next() * n),
        pick: xs => xs[Math.floor(next() * xs.length)]!,
        chance: p => next() < p,
    };
}
type Random = ReturnType<typeof random>;

const TECHNOLOGIES = ['PostgreSQL 15', 'Redis', 'Node.js 20', 'nginx', 'React', 'Kafka', 'S3', 'Vault', 'Excel'];
const TAGS = ['pii', 'mfa', 'PCI', 'internal'];
const PROTOCOLS = ['HTTPS', 'http', 'gRPC'];

/** A model of a few boundaries, nodes, assets and flows, with every attribute rules read, each sometimes written. */
function randomModel(r: Random): { text: string; elements: string[]; nodes: string[] } {
    const lines: string[] = [];
    const assets = Array.from({ length: 1 + r.int(4) }, (_, i) => `A${i}`);
    for (const asset of assets) {
        const attributes = [r.chance(0.6) ? `classification ${r.pick(CLASSIFICATIONS)}` : '', r.chance(0.7) ? `type ${r.pick(ASSET_TYPES)}` : ''];
        lines.push(`asset ${asset} "${asset}" { ${attributes.join(' ')} }`);
    }
    const tags = (): string => (r.chance(0.4) ? `tags "${r.pick(TAGS)}"${r.chance(0.3) ? `, "${r.pick(TAGS)}"` : ''}` : '');
    const nodes: string[] = [];
    const node = (): string => {
        const name = `N${nodes.length}`;
        nodes.push(name);
        switch (r.int(3)) {
            case 0: return `external ${name} "${name}" { ${r.chance(0.6) ? `type ${r.pick(EXTERNAL_TYPES)}` : ''} ${tags()} }`;
            case 1: return `process ${name} "${name}" { ${r.chance(0.6) ? `technology "${r.pick(TECHNOLOGIES)}"` : ''} ${r.chance(0.4) ? 'entrypoint' : ''} ${r.chance(0.3) ? 'privileged' : ''} ${tags()} }`;
            default: return `datastore ${name} "${name}" { ${r.chance(0.5) ? `technology "${r.pick(TECHNOLOGIES)}"` : ''} ${r.chance(0.4) ? 'logs' : ''} ${r.chance(0.4) ? 'encrypted' : ''} ${r.chance(0.6) ? `stores ${r.pick(assets)}, ${r.pick(assets)}` : ''} ${tags()} }`;
        }
    };
    const boundary = (depth: number, index: string): string => {
        const members = Array.from({ length: 1 + r.int(3) }, (_, i) => (depth < 2 && r.chance(0.3) ? boundary(depth + 1, `${index}_${i}`) : node()));
        return `boundary B${index} "B${index}" { ${r.chance(0.7) ? `trust ${r.pick(TRUST_LEVELS)}` : ''} ${tags()} ${members.join('\n')} }`;
    };
    for (let i = 0; i < 1 + r.int(3); i++) lines.push(r.chance(0.7) ? boundary(0, String(i)) : node());
    const flows: string[] = [];
    for (let i = 0; i < nodes.length * 2; i++) {
        const name = `F${i}`;
        flows.push(name);
        const attributes = [
            r.chance(0.4) ? `protocol "${r.pick(PROTOCOLS)}"` : '', r.chance(0.4) ? 'encrypted' : '', r.chance(0.4) ? 'authenticated' : '',
            r.chance(0.2) ? 'bidirectional' : '', r.chance(0.6) ? `carries ${r.pick(assets)}${r.chance(0.4) ? `, ${r.pick(assets)}` : ''}` : '', tags(),
        ];
        // A hub (N0) makes nodes with many flows, where a quantifier meets the same flow from many subjects.
        const source = r.chance(0.3) ? 'N0' : r.pick(nodes);
        lines.push(`flow ${name}: ${source} -> ${r.pick(nodes)} "${name}" { ${attributes.join(' ')} }`);
    }
    return { text: lines.join('\n'), elements: [...nodes, ...flows], nodes };
}

/** A condition on `subject` over the vocabulary: quantifiers, `not`, `and`, `or`, and tests of every form, some ill-typed or naming no fact. */
function randomCondition(r: Random, subject: Subject, depth: number): string {
    const choice = depth > 2 ? 4 + r.int(6) : r.int(10);
    if (choice === 0) return `not ${randomCondition(r, subject, depth + 1)}`;
    if (choice === 1 || choice === 2) {
        const operands = Array.from({ length: 2 + r.int(2) }, () => randomCondition(r, subject, depth + 1));
        return `(${operands.join(choice === 1 ? ' and ' : ' or ')})`;
    }
    if (choice === 3) {
        const lists = factsOf(subject).filter(f => f.type.kind === 'list');
        const via = subject === 'flow' && r.chance(0.4) ? `${r.pick(['source', 'target'])}.` : '';
        const list = via ? r.pick(factsOf('node').filter(f => f.type.kind === 'list')) : lists.length > 0 ? r.pick(lists) : r.pick(FACTS);
        const member = memberSubject(list.type) ?? 'flow';
        const condition = r.chance(0.8) ? ` (${randomCondition(r, member, depth + 1)})` : '';
        return `${r.pick(['any', 'no'])} ${via}${list.name}${condition}`;
    }
    return randomTest(r, subject);
}

function randomTest(r: Random, subject: Subject): string {
    if (r.chance(0.03)) return `${r.pick(['nothing', 'source'])} is person`;
    let path = '';
    let on = subject;
    if (subject === 'flow' && r.chance(0.3)) {
        path = `${r.pick(['source', 'target'])}.`;
        on = 'node';
    }
    // Mostly facts of the subject, sometimes any fact (ill-typed: unknown).
    const fact = r.chance(0.9) && factsOf(on).length > 0 ? r.pick(factsOf(on)) : r.pick(FACTS);
    path += fact.name;
    const type = r.chance(0.9) ? fact.type : r.pick(FACTS).type;
    switch (type.kind) {
        case 'enum': {
            const value = (): string => (r.chance(0.9) ? r.pick(type.values) : 'Other');
            return r.chance(0.6) ? `${path} is ${r.chance(0.3) ? 'not ' : ''}${value()}` : `${path} in [${value()}, ${value()}]`;
        }
        case 'text': return `${path} is "${r.pick([...TECHNOLOGIES, ...PROTOCOLS, 'A0', 'a1'])}"`;
        case 'texts': return `${path} has "${r.pick([...TAGS, 'sql', 'cache', 'web-app', 'B0', 'b1_0'])}"`;
        default: return path;
    }
}

function randomRules(r: Random, count: number): string {
    return Array.from({ length: count }, (_, i) => {
        const on = r.pick(['external', 'process', 'datastore', 'flow'] as const);
        const when = r.chance(0.85) ? `when ${randomCondition(r, on, 0)}` : '';
        const unless = r.chance(0.4) ? `unless ${randomCondition(r, on, 0)}` : '';
        return `rule R${i} "R${i}" { on ${on} stride ${r.pick(STRIDE_CATEGORIES)} ${when} ${unless} }`;
    }).join('\n');
}

/** Answers, some of them answering suggestions: dismisses of random rules and excludes of random categories. */
function randomAnswers(r: Random, rules: number, elements: readonly string[]): string {
    return Array.from({ length: 3 }, () => (r.chance(0.5)
        ? `dismiss R${r.int(rules)} on ${r.pick(elements)} "Not here."`
        : `exclude ${r.pick(STRIDE_CATEGORIES)} on ${r.pick(elements)} "Not here."`)).join('\n');
}

/** What the build did before rules were compiled: every rule of the element's kind whose category applies, walked with words. */
function plainSuggestions(models: readonly Model[], rules: readonly Rule[]): string[] {
    const facts = new RuleFacts(models);
    const explaining = new ConditionEvaluator(facts, true);
    const answers = new Set<string>();
    for (const declaration of allDeclarations(models)) {
        if (isDismiss(declaration)) for (const e of declaration.elements) answers.add(`${declaration.rule.ref?.name} ${e.ref?.name}`);
        if (isExclude(declaration)) for (const e of declaration.elements) for (const c of declaration.categories) answers.add(`${c} ${e.ref?.name}`);
    }
    return facts.elements.flatMap(element => rules.flatMap(rule => {
        if (!rule.on || !rule.stride || rule.on !== elementTraits(element).kind || !categoryApplies(elementTraits(element), rule.stride)) return [];
        const match = explaining.evaluate(rule, element);
        if (!match.holds) return [];
        const answered = answers.has(`${rule.name} ${element.name}`) || answers.has(`${rule.stride} ${element.name}`);
        return [`${element.name} ${rule.name}: ${match.because.join(', ')}${answered ? '' : ' (unanswered)'}`];
    }));
}

function suggestions(models: readonly Model[], rules: readonly Rule[]): string[] {
    const built = new RuleSuggestions(models, rules);
    return new RuleFacts(models).elements.flatMap(element => {
        const unanswered = new Set(built.suggestionsFor(element));
        return built.matchesFor(element).map(s => `${element.name} ${s.rule.name}: ${s.because.join(', ')}${unanswered.has(s) ? ' (unanswered)' : ''}`);
    });
}

/**
 * Facts as RuleFacts read them before it had a reader per fact: one switch over the names, the
 * element's kind first. The readers (model/rule-facts.ts) must read the same.
 */
function plainValueOf(subject: FactSubject, fact: string, models: readonly Model[]): FactValue {
    const assets = (refs: readonly { readonly ref?: Asset }[]): Asset[] => refs.map(a => a.ref).filter((a): a is Asset => a !== undefined);
    if (subject.$type === 'Asset') return fact === 'classification' ? subject.classification : fact === 'type' ? subject.type : fact === 'name' ? subject.name : undefined;
    switch (fact) {
        case 'kind': return subject.$type.toLowerCase();
        case 'tags': return subject.tags;
        case 'boundaries': return enclosingBoundaries(subject).map(b => b.name);
        case 'trust': return trustOf(subject);
    }
    if (subject.$type === 'Flow') {
        switch (fact) {
            case 'source': return subject.source?.ref;
            case 'target': return subject.target?.ref;
            case 'protocol': return subject.protocol;
            case 'encrypted': return subject.encrypted;
            case 'authenticated': return subject.authenticated;
            case 'bidirectional': return subject.bidirectional;
            case 'crossesBoundary': return subject.source?.ref && subject.target?.ref ? crossedBoundaries(subject).length > 0 : undefined;
            case 'fromLessTrusted': {
                const from = subject.source?.ref ? trustOf(subject.source.ref) : undefined;
                const to = subject.target?.ref ? trustOf(subject.target.ref) : undefined;
                return from === undefined || to === undefined ? undefined : TRUST_LEVELS.indexOf(from) < TRUST_LEVELS.indexOf(to);
            }
            case 'carries': return assets(subject.carries);
        }
        return undefined;
    }
    const flows = [...allDeclarations(models)].filter(d => d.$type === 'Flow') as Flow[];
    switch (fact) {
        case 'flowsIn': return flows.filter(f => f.target?.ref === subject);
        case 'flowsOut': return flows.filter(f => f.source?.ref === subject);
        case 'stores': return subject.$type === 'Datastore' ? assets(subject.stores) : [];
        case 'technology': return subject.$type === 'External' ? undefined : subject.technology;
        case 'tech': return subject.$type === 'External' ? undefined : technologyTraits(subject.technology);
        case 'entrypoint': return subject.$type === 'Process' ? subject.entrypoint : undefined;
        case 'privileged': return subject.$type === 'Process' ? subject.privileged : undefined;
        case 'logs': return subject.$type === 'Datastore' ? subject.logs : undefined;
        case 'encrypted': return subject.$type === 'Datastore' ? subject.encrypted : undefined;
        case 'type': return subject.$type === 'External' ? subject.type : undefined;
    }
    return undefined;
}

describe('rules compiled into closures (model/rule-compiled.ts) answer what the tree walk answers', function () {
    this.timeout(600_000);

    it('for random rules on random models: the same match, words and suggestions for every rule and element', async () => {
        let held = 0;
        let evaluated = 0;
        let unanswered = 0;
        await fc.assert(fc.asyncProperty(fc.integer(), async seed => {
            const r = random(seed);
            const ruleCount = 10;
            const model = randomModel(r);
            const text = `${model.text}\n${randomRules(r, ruleCount)}\n${randomAnswers(r, ruleCount, model.elements)}\n`;
            const [file] = await checkWorkspace({ 'model.tm': text });
            const syntax = file!.document.parseResult;
            assert.deepEqual([...syntax.lexerErrors, ...syntax.parserErrors].map(e => e.message), [], text);
            const models = [file!.document.parseResult.value];
            const rules = [...builtinRules, ...models[0]!.declarations.filter(isRule)];
            const facts = new RuleFacts(models);
            const compiled = new CompiledRules(facts);
            const evaluator = new RuleEvaluator(facts);
            const quiet = new ConditionEvaluator(facts, false);
            const explaining = new ConditionEvaluator(facts, true);
            for (const rule of rules) {
                for (const element of facts.elements as DfdElement[]) {
                    const expected = explaining.evaluate(rule, element);
                    const where = `${rule.name} on ${element.name} in\n${text}`;
                    assert.equal(compiled.holds(rule, element), quiet.evaluate(rule, element).holds, where);
                    assert.deepEqual(evaluator.evaluate(rule, element), expected, where);
                    if (expected.holds) held++;
                    evaluated++;
                }
            }
            const found = suggestions(models, rules);
            assert.deepEqual(found, plainSuggestions(models, rules), text);
            unanswered += found.filter(s => s.endsWith('(unanswered)')).length;
        }), { numRuns: 60, seed: 1717 });
        // The cases are not degenerate: rules hold, not always, and some suggestions are answered.
        assert.ok(held > 500 && held < evaluated / 3, `${held} of ${evaluated} hold`);
        assert.ok(unanswered > 100, `${unanswered} unanswered`);
    });

    it('reads every fact of every subject of random models as the plain switch over the names did', async () => {
        let known = 0;
        let read = 0;
        await fc.assert(fc.asyncProperty(fc.integer(), async seed => {
            const model = randomModel(random(seed));
            const [file] = await checkWorkspace({ 'model.tm': model.text });
            const models = [file!.document.parseResult.value];
            const facts = new RuleFacts(models);
            const subjects: FactSubject[] = [...facts.elements, ...[...allDeclarations(models)].filter(isAsset)];
            for (const subject of subjects) {
                for (const fact of [...new Set(FACTS.map(f => f.name)), 'nothing', 'constructor']) {
                    const expected = plainValueOf(subject, fact, models);
                    assert.deepEqual(facts.valueOf(subject, fact), expected, `${fact} of ${subject.name} in\n${model.text}`);
                    assert.deepEqual(facts.reader(fact)(subject), expected, `${fact} of ${subject.name}`);
                    if (expected !== undefined) known++;
                    read++;
                }
            }
        }), { numRuns: 40, seed: 1718 });
        assert.ok(known > read / 3 && known < read * 2 / 3, `${known} of ${read} known`);
    });
});
