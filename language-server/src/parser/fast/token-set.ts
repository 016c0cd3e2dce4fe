/**
 * A set of token type numbers, as bits of 32-bit words: the grammar plan (grammar-plan.ts,
 * repetition-decisions.ts) unites first and follow sets of hundreds of elements over about 120
 * token types in every process, which a byte per token type made cost 40–80 ms.
 */
export type TokenSet = Uint32Array;

/** An empty set for token type numbers below `size`. */
export function emptySet(size: number): TokenSet {
    return new Uint32Array((size + 31) >>> 5);
}

/** Adds the members of `from` to `into`; whether that added any. */
export function addAll(into: TokenSet, from: TokenSet): boolean {
    let changed = false;
    for (let i = 0; i < into.length; i++) {
        const merged = (into[i]! | from[i]!) >>> 0;
        if (merged !== into[i]) {
            into[i] = merged;
            changed = true;
        }
    }
    return changed;
}

/** The set of the token types marked in `bytes` (one byte per token type, as the plan's elements keep them). */
export function fromBytes(bytes: Uint8Array): TokenSet {
    const set = emptySet(bytes.length);
    for (let idx = 0; idx < bytes.length; idx++) if (bytes[idx]) set[idx >>> 5] = (set[idx >>> 5]! | (1 << (idx & 31))) >>> 0;
    return set;
}

/** `set` as one byte per token type below `size`: 1 for a member. */
export function toBytes(set: TokenSet, size: number): Uint8Array {
    const bytes = new Uint8Array(size);
    for (let idx = 0; idx < size; idx++) bytes[idx] = (set[idx >>> 5]! >>> (idx & 31)) & 1;
    return bytes;
}
