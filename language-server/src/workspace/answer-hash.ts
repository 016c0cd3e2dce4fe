import type { AstNode } from 'langium';
import { isAstNode } from 'langium';

/**
 * A primitive answer as it is; an object (a node, a list, a coverage) as a 53-bit hash of what
 * it holds, as text that no string answer equals (a hash keeps the record small: a coverage
 * lists every threat of its element).
 */
export function answerOf(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value) && value.length === 0) return (emptyList ??= digestOf(value));
    return digestOf(value);
}

function digestOf(value: object): string {
    const hash = new Hash();
    hashInto(hash, value, 0);
    return `\u0000${hash.digest().toString(36)}`;
}

/** The answer of an empty list, the most frequent one (an element no rule suggests anything for), computed once. */
let emptyList: string | undefined;

/** Hash marks between the parts of a value, beyond any UTF-16 code unit so no text can make them. */
const enum Mark { Text = 0x10000, Undefined, False, True, Number, Other, Node, Deep, Collection, End, Record }

/** Deeper than this, a value is not followed (nothing the index answers nests so deep; it also stops cycles). */
const MAX_DEPTH = 12;

/** What a value holds, into `hash`. A node counts by its type, name, document and place in it: a node of another file is another object after that file is rebuilt. */
function hashInto(hash: Hash, value: unknown, depth: number): void {
    switch (typeof value) {
        case 'string': hash.text(value); return;
        case 'undefined': hash.code(Mark.Undefined); return;
        case 'boolean': hash.code(value ? Mark.True : Mark.False); return;
        case 'number': hash.code(Mark.Number); hash.number(value); return;
        case 'object': break;
        default: hash.code(Mark.Other); hash.text(String(value)); return;
    }
    if (value === null) {
        hash.code(Mark.Other);
    } else if (isAstNode(value)) {
        hash.code(Mark.Node);
        hash.number(nodeHash(value));
    } else if (depth >= MAX_DEPTH) {
        hash.code(Mark.Deep);
    } else {
        if (Array.isArray(value)) {
            hash.code(Mark.Collection);
            for (let i = 0; i < value.length; i++) hashInto(hash, value[i], depth + 1);
        } else if (value instanceof Map) {
            hash.code(Mark.Collection);
            for (const [key, item] of value as Map<unknown, unknown>) {
                hashInto(hash, key, depth + 1);
                hashInto(hash, item, depth + 1);
            }
        } else if (value instanceof Set) {
            hash.code(Mark.Collection);
            for (const item of value as Set<unknown>) hashInto(hash, item, depth + 1);
        } else {
            // By its values in order: what one question answers has the same keys each time.
            hash.code(Mark.Record);
            for (const key in value) {
                if (Object.hasOwn(value, key)) hashInto(hash, (value as Record<string, unknown>)[key], depth + 1);
            }
        }
        hash.code(Mark.End);
    }
}

/** Per node, the hash of where it is: computed once per node object (a rebuilt file has new ones). */
const nodeHashes = new WeakMap<AstNode, number>();
/** Per root node, the hash state after its document's URI: shared by every node of the tree. */
const documentHashes = new WeakMap<AstNode, Hash>();

function nodeHash(node: AstNode): number {
    let known = nodeHashes.get(node);
    if (known === undefined) {
        let root = node;
        while (root.$container) root = root.$container;
        let start = documentHashes.get(root);
        if (start === undefined) {
            start = new Hash();
            // A node outside any document (built by hand) counts by its type, name and place only.
            const uri = root.$document?.uri.toString();
            if (uri !== undefined) start.text(uri);
            documentHashes.set(root, start);
        }
        const hash = start.copy();
        hash.text(node.$type);
        const name = (node as { name?: unknown }).name;
        hash.text(typeof name === 'string' ? name : '');
        for (let at: AstNode | undefined = node; at?.$container; at = at.$container) {
            hash.text(at.$containerProperty ?? '');
            hash.number(at.$containerIndex ?? -1);
        }
        known = hash.digest();
        nodeHashes.set(node, known);
    }
    return known;
}

/** A 53-bit hash of a sequence of code units (the cyrb53 mixing), fed part by part. */
class Hash {
    private h1 = 0xdeadbeef;
    private h2 = 0x41c6ce57;

    copy(): Hash {
        const copy = new Hash();
        copy.h1 = this.h1;
        copy.h2 = this.h2;
        return copy;
    }

    code(unit: number): void {
        this.h1 = Math.imul(this.h1 ^ unit, 2654435761);
        this.h2 = Math.imul(this.h2 ^ unit, 1597334677);
    }

    text(text: string): void {
        let h1 = Math.imul(this.h1 ^ Mark.Text, 2654435761);
        let h2 = Math.imul(this.h2 ^ Mark.Text, 1597334677);
        for (let i = 0; i < text.length; i++) {
            const unit = text.charCodeAt(i);
            h1 = Math.imul(h1 ^ unit, 2654435761);
            h2 = Math.imul(h2 ^ unit, 1597334677);
        }
        this.h1 = h1;
        this.h2 = h2;
    }

    number(value: number): void {
        if (Number.isSafeInteger(value)) {
            this.code(value | 0);
            this.code(Math.floor(value / 2 ** 32) | 0);
        } else {
            this.text(String(value));
        }
    }

    digest(): number {
        let h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507);
        h1 ^= Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
        let h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507);
        h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
        return 2 ** 32 * (2097151 & h2) + (h1 >>> 0);
    }
}
