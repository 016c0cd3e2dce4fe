/**
 * Deepest `{ }` nesting the parser accepts. Real models nest boundaries a few levels and threat
 * trees perhaps a dozen; the recursive-descent parser overflows the default stack at about 190 levels, and its error
 * recovery, on a file cut short at the limit, at about 100; the limit keeps
 * a margin for callers that start deeper in the stack.
 */
export const MAX_NESTING = 64;

/** What each opening token costs in depth. */
const OPENERS: Readonly<Record<string, number>> = { '{': 1, '(': 2 };
const CLOSERS: ReadonlySet<string> = new Set(['}', ')']);

/**
 * The index of the first token, of `count` whose type names `nameAt` gives, that opens a `{` or `(`
 * nested deeper than {@link MAX_NESTING} (counted together, since a rule's condition sits in a
 * block), or ends a run of `not`s that would nest as deep; -1 if there is none. A condition's
 * parenthesis costs the parser more stack than a block, so it counts twice.
 */
export function tooDeepAt(count: number, nameAt: (index: number) => string): number {
    const open: number[] = [];
    let depth = 0;
    let negations = 0;
    for (let i = 0; i < count; i++) {
        const name = nameAt(i);
        negations = name === 'not' ? negations + 1 : 0;
        if (CLOSERS.has(name)) depth -= open.pop() ?? 0;
        const cost = OPENERS[name] ?? 0;
        if (cost > 0) open.push(cost);
        depth += cost;
        if (depth + negations > MAX_NESTING) return i;
    }
    return -1;
}
