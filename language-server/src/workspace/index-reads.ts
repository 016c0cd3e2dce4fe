import type { AstNode, LangiumDocument, URI } from 'langium';
import { AstUtils, isAstNode } from 'langium';

/**
 * One step from the index to what a check read: a property, or a method called with these
 * arguments, after the step before it (none: the index itself). Reads through one object share
 * the steps that led to it.
 */
interface Step {
    readonly from: Step | undefined;
    readonly key: PropertyKey;
    readonly args: readonly unknown[] | undefined;
}

/** What a check read from the index, and what it was told (see {@link answerOf}). */
interface Read {
    /** The index it was read from. */
    readonly root: object;
    readonly at: Step;
    readonly answer: unknown;
}

/** The reads of a validation under way. */
interface Recording {
    readonly uri: string;
    readonly reads: Read[];
    /** Whether the validation takes over findings of the previous one ({@link IndexReads.reusing}). */
    partial: boolean;
}

/** The reads of a document's validations: as read, or once joined, one per identity ({@link identityOf}). */
interface Recorded {
    readonly reads: readonly Read[];
    readonly byIdentity: Map<string, Read> | undefined;
}

/**
 * The previous reads and the new ones, one per question (the newest answer kept). The previous
 * reads ask about the nodes of the file as they are now ({@link currentNode}), so that the record
 * holds no tree of an earlier version; they keep their identity (a node renamed since keeps its
 * old name there: one read more, until asking again finds it changed and a full validation
 * replaces the record).
 */
function joined(previous: Recorded, reads: readonly Read[]): Recorded {
    const moved: Moved = { steps: new Map(), nodes: new Map() };
    const byIdentity = new Map<string, Read>();
    const add = (identity: string, read: Read): void => {
        const at = movedStep(read.at, moved);
        byIdentity.set(identity, at === read.at ? read : { root: read.root, at, answer: read.answer });
    };
    if (previous.byIdentity) {
        for (const [identity, read] of previous.byIdentity) add(identity, read);
    } else {
        for (const read of previous.reads) add(identityOf(read), read);
    }
    for (const read of reads) byIdentity.set(identityOf(read), read);
    return { reads: [], byIdentity };
}

/** Per step, the same question about the nodes as they are now; per node, the node it is now. */
interface Moved {
    readonly steps: Map<Step, Step>;
    readonly nodes: Map<AstNode, AstNode>;
}

/** `step` itself, or the same question asked about the nodes as they are now (as it is when a node is gone: asking again then answers changed). */
function movedStep(step: Step, moved: Moved): Step {
    let known = moved.steps.get(step);
    if (known) return known;
    const from = step.from && movedStep(step.from, moved);
    let args = step.args;
    if (args?.some(isAstNode)) {
        try {
            const now = args.map(arg => isAstNode(arg) ? currentNode(arg, moved.nodes) : arg);
            if (now.some((arg, i) => arg !== args![i])) args = now;
        } catch {
            // Kept as it is.
        }
    }
    known = from === step.from && args === step.args ? step : { from, key: step.key, args };
    moved.steps.set(step, known);
    return known;
}

/** Per index a number, so that a read's identity names its index. */
const rootNumbers = new WeakMap<object, number>();
let nextRootNumber = 0;
/** Per step, its identity: its key and arguments after those of the steps before it. */
const stepIdentities = new WeakMap<Step, string>();

/** What a read asked, as text: which index, then each step's key and arguments (a node by {@link nodeHash}). */
function identityOf(read: Read): string {
    let root = rootNumbers.get(read.root);
    if (root === undefined) {
        root = nextRootNumber++;
        rootNumbers.set(read.root, root);
    }
    return `${root}${stepIdentity(read.at)}`;
}

function stepIdentity(step: Step): string {
    let known = stepIdentities.get(step);
    if (known === undefined) {
        const key = typeof step.key === 'symbol' ? `@${step.key.description ?? ''}` : String(step.key);
        known = `${step.from ? stepIdentity(step.from) : ''}/${key}${step.args ? `(${answerOf(step.args) as string})` : ''}`;
        stepIdentities.set(step, known);
    }
    return known;
}

/** Methods of a collection that ask about one key: anything else reads the whole collection. */
const LOOKUPS: ReadonlySet<PropertyKey> = new Set(['has', 'get']);

/**
 * What the checks of each document read from the workspace index (workspace/model-index.ts), so
 * that when another document changes, a document is validated again exactly when something it read
 * would now be answered differently. Nothing is listed by hand: the index the checks are given is
 * {@link recording}'s view of it, and every answer it gives while a document is validated (a
 * number, a name, whether a set holds an element, the coverage of one element, and so on) is
 * kept with the way to ask again. Asking again costs what the checks cost to ask.
 */
export class IndexReads {
    /** Per document URI: what its checks read. */
    private readonly records = new Map<string, Recorded>();
    private current: Recording | undefined;

    /**
     * A view of `index` that records what is read through it while a document is validated
     * ({@link during}); the rest of the time it is `index` itself.
     */
    recording<T extends object>(index: T): T {
        return this.view(index, index, undefined);
    }

    /**
     * Runs the validation of `document`, recording what its checks read: the record replaces the
     * previous one, or joins it when the validation took over findings ({@link reusing}).
     */
    async during(document: LangiumDocument, validate: () => Promise<void>): Promise<void> {
        const outer = this.current;
        const uri = document.uri.toString();
        const recording: Recording = { uri, reads: [], partial: false };
        this.current = recording;
        try {
            await validate();
        } finally {
            this.current = outer;
            const previous = this.records.get(uri);
            this.records.set(uri, recording.partial && previous ? joined(previous, recording.reads) : { reads: recording.reads, byIdentity: undefined });
        }
    }

    /**
     * The validation of `document` under way takes over the findings of some nodes from the
     * previous one (incremental/reuse-service.ts): the checks that run record only their own reads,
     * so its record keeps the previous one's reads too (one per question asked: it does not grow
     * with each keystroke).
     */
    reusing(document: LangiumDocument): void {
        if (this.current?.uri === document.uri.toString()) this.current.partial = true;
    }

    /**
     * Whether something the checks of `document` read is answered differently now (true when
     * nothing was recorded). A node of a file parsed again since is asked about as the node at
     * the same place in its new tree.
     */
    changed(document: LangiumDocument): boolean {
        const recorded = this.records.get(document.uri.toString());
        if (recorded === undefined) return true;
        const replayed: Replayed = { answers: new Map(), nodes: new Map() };
        try {
            for (const read of recorded.byIdentity?.values() ?? recorded.reads) {
                if (!Object.is(answerOf(replay(read.root, read.at, replayed)), read.answer)) return true;
            }
            return false;
        } catch {
            // A question that cannot be asked again any more: validating again answers it.
            return true;
        }
    }

    /** How many reads are recorded for `document`. */
    size(document: LangiumDocument): number {
        const recorded = this.records.get(document.uri.toString());
        return recorded ? recorded.byIdentity?.size ?? recorded.reads.length : 0;
    }

    forget(uri: URI): void {
        this.records.delete(uri.toString());
    }

    private view<T extends object>(root: object, target: T, at: Step | undefined): T {
        // Inside the handler, `this` is the handler.
        const reads = this;
        // What was read of this object already (a check that looks twice records once); the index itself keeps nothing, it outlives a validation.
        const known = at ? new Map<PropertyKey, unknown>() : undefined;
        return new Proxy(target, {
            get(object, key) {
                const member: unknown = Reflect.get(object, key, object);
                if (reads.current === undefined) return member;
                if (typeof key === 'symbol' || ((object instanceof Set || object instanceof Map) && !LOOKUPS.has(key))) {
                    // Iterated or counted: what was read is the whole collection.
                    if (at) reads.record(root, at, object);
                    return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(object) : member;
                }
                if (typeof member === 'function') {
                    return (...args: unknown[]) => reads.answer(root, (member as (...a: unknown[]) => unknown).apply(object, args), { from: at, key, args });
                }
                if (known?.has(key)) return known.get(key);
                const answer = reads.answer(root, member, { from: at, key, args: undefined }, object);
                known?.set(key, answer);
                return answer;
            },
        });
    }

    /** Objects that hold more facts are followed; anything else is an answer, recorded as read. */
    private answer(root: object, value: unknown, at: Step, holder?: object): unknown {
        if (typeof value === 'object' && value !== null && !isAstNode(value) && !Array.isArray(value) && !(holder && fixed(holder, at.key))) {
            return this.view(root, value, at);
        }
        return this.record(root, at, value);
    }

    private record(root: object, at: Step, value: unknown): unknown {
        this.current?.reads.push({ root, at, answer: answerOf(value) });
        return value;
    }
}

/** A property a proxy must hand out as it is (a proxy's invariant): it is recorded whole. */
function fixed(holder: object, key: PropertyKey): boolean {
    const descriptor = Reflect.getOwnPropertyDescriptor(holder, key);
    return descriptor !== undefined && !descriptor.configurable && !descriptor.writable;
}

/** What one round of asking again found: per step, its answer (reads through one object share steps); per node, the one it stands for now. */
interface Replayed {
    readonly answers: Map<Step, unknown>;
    readonly nodes: Map<AstNode, AstNode>;
}

/** Asks `root` again what the steps up to `at` asked it, a node as {@link currentNode} finds it. */
function replay(root: object, at: Step | undefined, replayed: Replayed): unknown {
    if (at === undefined) return root;
    if (replayed.answers.has(at)) return replayed.answers.get(at);
    const holder = replay(root, at.from, replayed) as Record<PropertyKey, unknown>;
    const member = Reflect.get(holder, at.key, holder);
    const answer = at.args
        ? (member as (...a: unknown[]) => unknown).apply(holder, at.args.map(arg => isAstNode(arg) ? currentNode(arg, replayed.nodes) : arg))
        : member;
    replayed.answers.set(at, answer);
    return answer;
}

/**
 * `node` itself, or, when its file was parsed again since, the node at the same place in the new
 * tree (the validation of the next version asks about that one); throws when there is none of
 * its type there.
 */
function currentNode(node: AstNode, nodes: Map<AstNode, AstNode>): AstNode {
    let found = nodes.get(node);
    if (found) return found;
    const path: AstNode[] = [];
    let top = node;
    while (top.$container) {
        path.push(top);
        top = top.$container;
    }
    const now = top.$document?.parseResult.value;
    found = node;
    if (now && now !== top) {
        found = now;
        for (let i = path.length - 1; i >= 0; i--) {
            const step = path[i]!;
            const value = (found as unknown as Record<string, unknown>)[step.$containerProperty ?? ''];
            const next: unknown = step.$containerIndex === undefined ? value : (value as unknown[] | undefined)?.[step.$containerIndex];
            if (!isAstNode(next) || next.$type !== step.$type) throw new Error(`${node.$type} is not in the new version of its file`);
            found = next;
        }
    }
    nodes.set(node, found);
    return found;
}

/**
 * A primitive answer as it is; an object (a node, a list, a coverage) as a 53-bit hash of what
 * it holds, as text that no string answer equals (a hash keeps the record small: a coverage
 * lists every threat of its element).
 */
function answerOf(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    const hash = new Hash();
    hashInto(hash, value, 0);
    return `\u0000${hash.digest().toString(36)}`;
}

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

function nodeHash(node: AstNode): number {
    let known = nodeHashes.get(node);
    if (known === undefined) {
        const hash = new Hash();
        hash.text(node.$type);
        const name = (node as { name?: unknown }).name;
        hash.text(typeof name === 'string' ? name : '');
        try {
            hash.text(AstUtils.getDocument(node).uri.toString());
        } catch {
            // A node outside any document (built by hand) counts by its type, name and place only.
        }
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
