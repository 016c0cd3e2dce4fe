import type { PlanElement, PlanRule } from './grammar-plan.js';
import type { TokenSet } from './token-set.js';
import { addAll, emptySet, fromBytes, toBytes } from './token-set.js';

/** What the parser does at an optional or repeated element, given the next token. */
export const LEAVE = 0;
export const ENTER = 1;
/** The token can start the element and also what follows it: Langium's parser looks further ahead there, so the fast parser gives up. */
export const UNSURE = 2;

/**
 * Per optional or repeated element, per token type: whether to enter it ({@link ENTER}), leave it
 * ({@link LEAVE}) or give up ({@link UNSURE}). Entering whenever the token can start the element is
 * what an LL(1) parser does; it is only sure where the token cannot also follow the element, which
 * the follow-sets computed here tell (to a fixed point, as rules call each other). tml's grammar has
 * no such token; a grammar change that adds one makes the parser give up there, not guess.
 */
export function computeDecisions(rules: Iterable<PlanRule>, elements: readonly PlanElement[], endOfInput: number): void {
    const size = endOfInput + 1;
    const follow = followSets(rules, elements, endOfInput);
    for (const element of elements) {
        if (element.cardinality === undefined) continue;
        const after = toBytes(follow.get(element)!, size);
        const decide = new Uint8Array(size);
        for (let t = 0; t < size; t++) decide[t] = !element.first[t] ? LEAVE : after[t] ? UNSURE : ENTER;
        element.decide = decide;
    }
}

/** Per element, the token types that can come right after it (to a fixed point, as rules call each other). */
export function followSets(rules: Iterable<PlanRule>, elements: readonly PlanElement[], endOfInput: number): Map<PlanElement, TokenSet> {
    const size = endOfInput + 1;
    const first = new Map<PlanElement, TokenSet>(elements.map(element => [element, fromBytes(element.first)]));
    const follow = new Map<PlanElement, TokenSet>(elements.map(element => [element, emptySet(size)]));
    const ruleFollow = new Map<PlanRule, TokenSet>();
    for (const rule of rules) {
        // Any rule can be where a parse starts (ParserOptions.rule): then the end of the input follows it.
        const set = emptySet(size);
        set[endOfInput >>> 5] = (1 << (endOfInput & 31)) >>> 0;
        ruleFollow.set(rule, set);
    }
    let changed = true;
    const walk = (element: PlanElement, after: TokenSet): void => {
        if (addAll(follow.get(element)!, after)) changed = true;
        // Inside a repetition, the element itself can come next.
        let inner = after;
        if (element.cardinality === '*' || element.cardinality === '+') {
            inner = after.slice();
            addAll(inner, first.get(element)!);
        }
        switch (element.kind) {
            case 'rule':
                if (addAll(ruleFollow.get(element.rule)!, inner)) changed = true;
                return;
            case 'alternatives':
                for (const alternative of element.elements) walk(alternative, inner);
                return;
            case 'group': {
                let next = inner;
                for (let i = element.elements.length - 1; i >= 0; i--) {
                    const part = element.elements[i]!;
                    walk(part, next);
                    const before = part.nullable ? next.slice() : emptySet(size);
                    addAll(before, first.get(part)!);
                    next = before;
                }
            }
        }
    };
    while (changed) {
        changed = false;
        for (const [rule, after] of ruleFollow) walk(rule.body, after);
    }
    return follow;
}
