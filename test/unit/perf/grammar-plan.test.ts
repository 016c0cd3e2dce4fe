import * as assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import type { PlanElement, PlanRule } from '../../../language-server/src/parser/fast/grammar-plan.js';
import { planGrammar } from '../../../language-server/src/parser/fast/grammar-plan.js';
import { ENTER, LEAVE, UNSURE, followSets } from '../../../language-server/src/parser/fast/repetition-decisions.js';
import { toBytes } from '../../../language-server/src/parser/fast/token-set.js';
import { createThreatModelServices } from '../../../language-server/src/threat-model-module.js';

/**
 * The grammar plan (parser/fast/grammar-plan.ts, repetition-decisions.ts) unites its first and
 * follow sets as bits of words, each first set computed once. Here the same sets are computed the
 * plain way, as sets of token type numbers iterated to a fixed point, and every element's first
 * set, nullability, choice of alternative and decision to enter must be the same.
 */
const { ThreatModel } = createThreatModelServices(EmptyFileSystem);
const plan = planGrammar(ThreatModel.Grammar, ThreatModel.parser.Lexer.definition);

/** Every element of the plan, each once. */
function elementsOf(rules: Iterable<PlanRule>): PlanElement[] {
    const seen = new Set<PlanElement>();
    const visit = (element: PlanElement): void => {
        if (seen.has(element)) return;
        seen.add(element);
        if (element.kind === 'group' || element.kind === 'alternatives') element.elements.forEach(visit);
    };
    for (const rule of rules) visit(rule.body);
    return [...seen];
}

const elements = elementsOf(plan.rules.values());
const size = plan.endOfInput + 1;
const members = (bytes: Uint8Array): number[] => [...bytes.keys()].filter(idx => bytes[idx]);
const isOptional = (element: PlanElement): boolean => element.cardinality === '?' || element.cardinality === '*';

/** First sets and nullability, to a fixed point; a token's own set is the plan's (its token type and category). */
function plainFirstSets(): { first: Map<PlanElement, Set<number>>; nullable: Map<PlanElement, boolean> } {
    const first = new Map(elements.map(element => [element, new Set(element.kind === 'token' ? members(element.first) : [])]));
    const nullable = new Map(elements.map(element => [element, element.kind === 'action' || isOptional(element)]));
    const sequence = (parts: readonly PlanElement[]): { tokens: number[]; empty: boolean } => {
        const tokens: number[] = [];
        for (const part of parts) {
            tokens.push(...first.get(part)!);
            if (!nullable.get(part)) return { tokens, empty: false };
        }
        return { tokens, empty: true };
    };
    for (let changed = true; changed;) {
        changed = false;
        for (const element of elements) {
            const parts = element.kind === 'rule' ? [element.rule.body] : element.kind === 'group' ? element.elements : [];
            const { tokens, empty } = element.kind === 'alternatives'
                ? { tokens: element.elements.flatMap(alternative => [...first.get(alternative)!]), empty: element.elements.some(alternative => nullable.get(alternative)) }
                : element.kind === 'rule' || element.kind === 'group' ? sequence(parts) : { tokens: [], empty: false };
            const set = first.get(element)!;
            const before = set.size;
            for (const token of tokens) set.add(token);
            if (set.size !== before || (empty && !nullable.get(element))) changed = true;
            if (empty) nullable.set(element, true);
        }
    }
    return { first, nullable };
}

/** Follow sets, to a fixed point: what can come after each element (any rule may end the input). */
function plainFollowSets(first: Map<PlanElement, Set<number>>, nullable: Map<PlanElement, boolean>): Map<PlanElement, Set<number>> {
    const follow = new Map(elements.map(element => [element, new Set<number>()]));
    const ruleFollow = new Map([...plan.rules.values()].map(rule => [rule, new Set([plan.endOfInput])]));
    let changed = true;
    const addAll = (into: Set<number>, from: Iterable<number>): void => {
        for (const token of from) {
            if (!into.has(token)) {
                into.add(token);
                changed = true;
            }
        }
    };
    const walk = (element: PlanElement, after: Set<number>): void => {
        addAll(follow.get(element)!, after);
        const inner = element.cardinality === '*' || element.cardinality === '+' ? new Set([...after, ...first.get(element)!]) : after;
        if (element.kind === 'rule') addAll(ruleFollow.get(element.rule)!, inner);
        if (element.kind === 'alternatives') for (const alternative of element.elements) walk(alternative, inner);
        if (element.kind === 'group') {
            element.elements.forEach((part, i) => {
                const rest = new Set(inner);
                for (let j = element.elements.length - 1; j > i; j--) {
                    const later = element.elements[j]!;
                    if (!nullable.get(later)) rest.clear();
                    for (const token of first.get(later)!) rest.add(token);
                }
                walk(part, rest);
            });
        }
    };
    while (changed) {
        changed = false;
        for (const [rule, after] of ruleFollow) walk(rule.body, after);
    }
    return follow;
}

describe('the fast parser\'s grammar plan (parser/fast/grammar-plan.ts)', () => {
    const { first, nullable } = plainFirstSets();

    it('gives every element the first set and nullability of a plain fixed point', () => {
        assert.ok(elements.length > 300, `${elements.length} elements`);
        for (const element of elements) {
            assert.deepEqual([members(element.first), element.nullable], [[...first.get(element)!].sort((a, b) => a - b), nullable.get(element)], `${element.kind} ${element.cardinality ?? ''}`);
        }
    });

    it('chooses the one alternative a token starts, and none where no or several alternatives start with it', () => {
        const alternatives = elements.filter(element => element.kind === 'alternatives');
        assert.ok(alternatives.length > 20);
        for (const element of alternatives) {
            const expected = Array.from({ length: size }, (_, token) => {
                const starting = element.elements.flatMap((alternative, index) => first.get(alternative)!.has(token) ? [index] : []);
                return starting.length === 1 ? starting[0]! : -1;
            });
            assert.deepEqual([...element.choice], expected);
        }
    });

    it('gives every element the follow set of a plain fixed point', () => {
        const follow = plainFollowSets(first, nullable);
        const ours = followSets(plan.rules.values(), elements, plan.endOfInput);
        for (const element of elements) assert.deepEqual(members(toBytes(ours.get(element)!, size)), [...follow.get(element)!].sort((a, b) => a - b), `${element.kind} ${element.cardinality ?? ''}`);
    });

    it('enters an optional or repeated element on a token that starts it and cannot follow it, and gives up where it can', () => {
        const follow = plainFollowSets(first, nullable);
        const repeated = elements.filter(element => element.cardinality !== undefined);
        assert.ok(repeated.length > 40);
        for (const element of repeated) {
            const expected = Array.from({ length: size }, (_, token) => !first.get(element)!.has(token) ? LEAVE : follow.get(element)!.has(token) ? UNSURE : ENTER);
            assert.deepEqual([...element.decide], expected);
        }
    });

    it('is made with the parser service, before its first parse', () => {
        const { ThreatModel: own } = createThreatModelServices(EmptyFileSystem);
        assert.ok((own.parser.LangiumParser as unknown as { plan: unknown }).plan);
    });
});
