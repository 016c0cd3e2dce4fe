import type { PlanElement, PlanRule } from './grammar-plan.js';

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
    const follow = new Map<PlanElement, Uint8Array>(elements.map(element => [element, new Uint8Array(size)]));
    const ruleFollow = new Map<PlanRule, Uint8Array>();
    for (const rule of rules) {
        const set = new Uint8Array(size);
        // Any rule can be where a parse starts (ParserOptions.rule): then the end of the input follows it.
        set[endOfInput] = 1;
        ruleFollow.set(rule, set);
    }
    let changed = true;
    const add = (into: Uint8Array, from: Uint8Array): void => {
        for (let i = 0; i < size; i++) {
            if (from[i] && !into[i]) {
                into[i] = 1;
                changed = true;
            }
        }
    };
    const walk = (element: PlanElement, after: Uint8Array): void => {
        add(follow.get(element)!, after);
        // Inside a repetition, the element itself can come next.
        let inner = after;
        if (element.cardinality === '*' || element.cardinality === '+') {
            inner = after.slice();
            for (let i = 0; i < size; i++) if (element.first[i]) inner[i] = 1;
        }
        switch (element.kind) {
            case 'rule':
                add(ruleFollow.get(element.rule)!, inner);
                return;
            case 'alternatives':
                for (const alternative of element.elements) walk(alternative, inner);
                return;
            case 'group': {
                let next = inner;
                for (let i = element.elements.length - 1; i >= 0; i--) {
                    const part = element.elements[i]!;
                    walk(part, next);
                    const before = part.nullable ? next.slice() : new Uint8Array(size);
                    for (let t = 0; t < size; t++) if (part.first[t]) before[t] = 1;
                    next = before;
                }
            }
        }
    };
    while (changed) {
        changed = false;
        for (const [rule, after] of ruleFollow) walk(rule.body, after);
    }
    for (const element of elements) {
        if (element.cardinality === undefined) continue;
        const after = follow.get(element)!;
        const decide = new Uint8Array(size);
        for (let t = 0; t < size; t++) decide[t] = !element.first[t] ? LEAVE : after[t] ? UNSURE : ENTER;
        element.decide = decide;
    }
}
