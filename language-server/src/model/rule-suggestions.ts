import type { DfdElement, Model, Rule } from '../generated/ast.js';
import { isDismiss, isExclude, isRule, isThreat } from '../generated/ast.js';
import type { RuleMatch } from './rule-eval.js';
import { RuleEvaluator } from './rule-eval.js';
import { RuleFacts, allDeclarations } from './rule-facts.js';
import type { ElementKind } from './stride.js';
import { categoryApplies, elementTraits } from './stride.js';

/** Which rules are in force (`--rules`, `threatModel.rules.builtin`): the built-in library, the workspace's own rules, both, or none. */
export type RuleSources = 'builtin' | 'workspace' | 'all' | 'none';

/** A rule that holds for an element, with the facts that made it hold. */
export interface Suggestion {
    readonly rule: Rule;
    readonly element: DfdElement;
    readonly because: readonly string[];
}

/** Per element (by position): the rules (by position) that hold for it, why, and whether anything answers them. */
export type RuleOutcomes = readonly (readonly { readonly rule: number; readonly because: readonly string[]; readonly unanswered: boolean }[])[];

/** The rules of `builtin` and `workspace` models that `sources` puts in force. */
export function rulesInForce(builtin: readonly Model[], workspace: readonly Model[], sources: RuleSources): Rule[] {
    const from = (models: readonly Model[]): Rule[] => models.flatMap(m => m.declarations.filter(isRule));
    return [
        ...(sources === 'builtin' || sources === 'all' ? from(builtin) : []),
        ...(sources === 'workspace' || sources === 'all' ? from(workspace) : []),
    ];
}

/**
 * Every rule in force evaluated on every element of the models, once per build (docs/language.md#rules):
 * which rules hold for which element, and which of those suggestions nothing in the model answers
 * yet (a threat on the element naming the rule, a `dismiss` of the rule on it, or an `exclude` of
 * the rule's category on it).
 */
export class RuleSuggestions {
    private readonly facts: RuleFacts;
    private readonly rules: readonly Rule[];
    /**
     * For the few questions asked after the build (a `dismiss` check): not the evaluator that
     * evaluated every rule, whose memo (an outcome per quantifier and element, 10 MB at 20,000
     * elements) is dropped with it once done.
     */
    private evaluator: RuleEvaluator | undefined;
    private readonly matches = new Map<DfdElement, Suggestion[]>();
    private readonly unanswered = new Map<DfdElement, Suggestion[]>();
    private readonly counts = new Map<Rule, number>();

    /**
     * Evaluates `rules` on every element of `models`; or, given the {@link outcomes} of an earlier
     * build whose inputs (model/rule-inputs.ts) were the same, takes them over to this build's
     * elements and rules, which are in the same places.
     */
    constructor(models: readonly Model[], rules: readonly Rule[], reused?: RuleOutcomes, facts = new RuleFacts(models)) {
        this.facts = facts;
        this.rules = rules;
        if (reused) this.takeOver(reused);
        else this.evaluateAll(models, new RuleEvaluator(facts));
    }

    private evaluateAll(models: readonly Model[], evaluator: RuleEvaluator): void {
        const answered = answeredSuggestions(models);
        // The rules that can hold for an element are those on its kind whose category applies to it
        // (docs/language.md#stride-per-element): listed once per kind and `logs`, not sought per element.
        const inForce = [new Map<ElementKind, Rule[]>(), new Map<ElementKind, Rule[]>()] as const;
        for (const element of this.facts.elements) {
            const traits = elementTraits(element);
            const byKind = inForce[traits.logs === true ? 1 : 0];
            let rules = byKind.get(traits.kind);
            if (!rules) byKind.set(traits.kind, rules = this.rules.filter(rule => rule.on === traits.kind && rule.stride && categoryApplies(traits, rule.stride)));
            for (const rule of rules) {
                const match = evaluator.evaluate(rule, element);
                if (!match.holds) continue;
                this.add({ rule, element, because: match.because }, !answered(rule, element));
            }
        }
    }

    private takeOver(reused: RuleOutcomes): void {
        reused.forEach((outcomes, i) => {
            const element = this.facts.elements[i]!;
            for (const { rule, because, unanswered } of outcomes) this.add({ rule: this.rules[rule]!, element, because }, unanswered);
        });
    }

    /** The suggestions by position (of the element in the model, of the rule in force), holding no node: what a later build with the same inputs takes over. */
    outcomes(): RuleOutcomes {
        const ruleAt = new Map(this.rules.map((rule, i) => [rule, i]));
        return this.facts.elements.map(element => {
            const unanswered = new Set(this.suggestionsFor(element));
            return this.matchesFor(element).map(s => ({ rule: ruleAt.get(s.rule)!, because: s.because, unanswered: unanswered.has(s) }));
        });
    }

    private add(suggestion: Suggestion, unanswered: boolean): void {
        push(this.matches, suggestion.element, suggestion);
        this.counts.set(suggestion.rule, (this.counts.get(suggestion.rule) ?? 0) + 1);
        if (unanswered) push(this.unanswered, suggestion.element, suggestion);
    }

    /** The suggestions for `element` that the model does not answer yet, in rule order. */
    suggestionsFor(element: DfdElement): readonly Suggestion[] {
        return this.unanswered.get(element) ?? [];
    }

    /** Every rule in force that holds for `element`, answered or not. */
    matchesFor(element: DfdElement): readonly Suggestion[] {
        return this.matches.get(element) ?? [];
    }

    /** Whether `rule` holds for `element` (whatever answers it), and why. */
    evaluate(rule: Rule, element: DfdElement): RuleMatch {
        this.evaluator ??= new RuleEvaluator(this.facts);
        return this.evaluator.evaluate(rule, element);
    }

    /** How many elements `rule` holds for. */
    holdCount(rule: Rule): number {
        return this.counts.get(rule) ?? 0;
    }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/**
 * Whether something in the models answers rule R on element E: a threat naming R on E, a dismiss of R on E, an exclude of R's category on E.
 * The answers are gathered at the first question: most builds have few suggestions, some none.
 */
function answeredSuggestions(models: readonly Model[]): (rule: Rule, element: DfdElement) => boolean {
    let answers: Map<Rule, Set<DfdElement>> | undefined;
    let excluded: Map<DfdElement, Set<string>> | undefined;
    const gather = (): void => {
        answers = new Map();
        excluded = new Map();
        for (const declaration of allDeclarations(models)) {
            if (isThreat(declaration) && declaration.rule?.ref) {
                for (const target of declaration.targets) if (target.ref) add(answers, declaration.rule.ref, target.ref);
            } else if (isDismiss(declaration) && declaration.rule?.ref) {
                for (const element of declaration.elements) if (element.ref) add(answers, declaration.rule.ref, element.ref);
            } else if (isExclude(declaration)) {
                for (const element of declaration.elements) {
                    if (element.ref) for (const category of declaration.categories) add(excluded, element.ref, category);
                }
            }
        }
    };
    return (rule, element) => {
        if (!answers) gather();
        return answers!.get(rule)?.has(element) === true || (rule.stride !== undefined && excluded!.get(element)?.has(rule.stride) === true);
    };
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
    const set = map.get(key);
    if (set) set.add(value);
    else map.set(key, new Set([value]));
}
