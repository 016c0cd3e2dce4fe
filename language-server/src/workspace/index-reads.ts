import type { AstNode, LangiumDocument, URI } from 'langium';
import { isAstNode } from 'langium';
import { answerOf } from './answer-hash.js';

/**
 * How the checks' questions to an index are recorded: per method of the index, the arguments to
 * record in place of those given, when both are answered the same by construction (the model
 * index answers about a node's model, so any node of a file stands for its root: one question
 * per model rather than one per element).
 */
export type RecordedArguments = (key: PropertyKey, args: readonly unknown[]) => readonly unknown[];

/** An index the checks read, with its number (a question's identity names its index). */
interface Source {
    readonly index: object;
    readonly number: number;
    readonly argumentsOf: RecordedArguments | undefined;
}

/**
 * A node asked about, by its place: its document and the path from the root, so that the record
 * holds no tree (asking again asks about the node at the same place in the document's tree now).
 * A node outside any document (built by hand) is held as it is.
 */
class NodePlace {
    constructor(
        readonly document: LangiumDocument | undefined,
        readonly node: AstNode | undefined,
        /** From the root down: the property, index and type of each node. */
        readonly path: readonly (readonly [string, number | undefined, string])[],
    ) {}
}

/**
 * One step from the index to what a check read: a property, or a method called with these
 * arguments (a node by its {@link NodePlace}), after the step before it (none: the index itself).
 * Steps with one identity are one object within a validation, so reads through one object
 * share the steps that led to it.
 */
interface Step {
    readonly from: Step | undefined;
    readonly key: PropertyKey;
    readonly args: readonly unknown[] | undefined;
    /** What the steps up to this one ask, as text: the index, then each key and arguments (a node by its place and name). */
    readonly identity: string;
}

/** What a check read from the index, and what it was told ({@link answerOf}; a list as it is until {@link IndexReads.settle}). */
interface Read {
    readonly source: Source;
    readonly at: Step;
    answer: unknown;
}

/** The reads of a validation under way, one per question, and its steps by identity. */
interface Recording {
    readonly uri: string;
    readonly reads: Map<string, Read>;
    readonly steps: Map<string, Step>;
    /** Whether the validation takes over findings of the previous one ({@link IndexReads.reusing}). */
    partial: boolean;
}

/** Methods of a collection that ask about one key: anything else reads the whole collection. */
const LOOKUPS: ReadonlySet<PropertyKey> = new Set(['has', 'get']);

/**
 * What the checks of each document read from the workspace index (workspace/model-index.ts), so
 * that when another document changes, a document is validated again exactly when something it read
 * would now be answered differently. Nothing is listed by hand: the index the checks are given is
 * {@link recording}'s view of it, and every answer it gives while a document is validated (a
 * number, a name, whether a set holds an element, the coverage of one element, and so on) is
 * kept with the way to ask again, once per question however often it is asked. Asking again
 * asks each question once.
 */
export class IndexReads {
    /** Per document URI: what its checks read, by question. */
    private readonly records = new Map<string, Map<string, Read>>();
    private current: Recording | undefined;
    private sources = 0;
    /** Reads whose answer is a list not hashed yet ({@link settle}). */
    private unsettled: Read[] = [];
    private settling = false;

    /**
     * A view of `index` that records what is read through it while a document is validated
     * ({@link during}); the rest of the time it is `index` itself. `argumentsOf` names questions
     * that other arguments answer the same ({@link RecordedArguments}).
     */
    recording<T extends object>(index: T, argumentsOf?: RecordedArguments): T {
        return this.view({ index, number: this.sources++, argumentsOf }, index, undefined);
    }

    /**
     * Runs the validation of `document`, recording what its checks read: the record replaces the
     * previous one, or joins it when the validation took over findings ({@link reusing}).
     */
    async during(document: LangiumDocument, validate: () => Promise<void>): Promise<void> {
        const outer = this.current;
        const uri = document.uri.toString();
        const recording: Recording = { uri, reads: new Map(), steps: new Map(), partial: false };
        this.current = recording;
        try {
            await validate();
        } finally {
            this.current = outer;
            this.settleSoon();
            const previous = this.records.get(uri);
            if (recording.partial && previous) {
                // The newest answer to each question; the previous reads ask about places, not nodes, so they hold no earlier tree.
                for (const [identity, read] of recording.reads) previous.set(identity, read);
            } else {
                this.records.set(uri, recording.reads);
            }
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
     * nothing was recorded). A node is asked about as the node at its place in its document now.
     */
    changed(document: LangiumDocument): boolean {
        this.settle();
        const recorded = this.records.get(document.uri.toString());
        if (recorded === undefined) return true;
        const round: Round = { answers: new Map(), nodes: new Map() };
        try {
            for (const read of recorded.values()) {
                if (!Object.is(answerOf(replay(read.source, read.at, round)), read.answer)) return true;
            }
            return false;
        } catch {
            // A question that cannot be asked again any more: validating again answers it.
            return true;
        }
    }

    /** How many questions are recorded for `document`. */
    size(document: LangiumDocument): number {
        return this.records.get(document.uri.toString())?.size ?? 0;
    }

    forget(uri: URI): void {
        this.records.delete(uri.toString());
    }

    private view<T extends object>(source: Source, target: T, at: Step | undefined): T {
        // Inside the handler, `this` is the handler.
        const reads = this;
        // What was read of this object already (a check that looks twice asks once); the index itself keeps nothing, it outlives a validation.
        const known = at ? new Map<PropertyKey, unknown>() : undefined;
        return new Proxy(target, {
            get(object, key) {
                const member: unknown = Reflect.get(object, key, object);
                if (reads.current === undefined) return member;
                if (typeof key === 'symbol' || ((object instanceof Set || object instanceof Map) && !LOOKUPS.has(key))) {
                    // Iterated or counted: what was read is the whole collection.
                    if (at) reads.record(source, at, object);
                    return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(object) : member;
                }
                if (typeof member === 'function') {
                    return (...args: unknown[]) => {
                        const answer = (member as (...a: unknown[]) => unknown).apply(object, args);
                        return reads.current ? reads.answer(source, answer, reads.step(reads.current, source, at, key, args)) : answer;
                    };
                }
                if (known?.has(key)) return known.get(key);
                const answer = reads.answer(source, member, reads.step(reads.current, source, at, key, undefined), object);
                known?.set(key, answer);
                return answer;
            },
        });
    }

    /** The step `key` (with `args`, for a method) after `from`, one object per identity in a validation. */
    private step(recording: Recording, source: Source, from: Step | undefined, key: PropertyKey, args: readonly unknown[] | undefined): Step {
        const asked = args && from === undefined && source.argumentsOf ? source.argumentsOf(key, args) : args;
        const name = typeof key === 'symbol' ? `@${key.description ?? ''}` : String(key);
        const identity = `${from ? from.identity : source.number}/${name}${asked ? `(${answerOf(asked) as string})` : ''}`;
        const steps = recording.steps;
        let step = steps.get(identity);
        if (step === undefined) {
            step = { from, key, args: asked?.map(arg => isAstNode(arg) ? placeOf(arg) : arg), identity };
            steps.set(identity, step);
        }
        return step;
    }

    /** Objects that hold more facts are followed; anything else is an answer, recorded as read. */
    private answer(source: Source, value: unknown, at: Step, holder?: object): unknown {
        if (typeof value === 'object' && value !== null && !isAstNode(value) && !Array.isArray(value) && !(holder && fixed(holder, at.key))) {
            return this.view(source, value, at);
        }
        return this.record(source, at, value);
    }

    private record(source: Source, at: Step, value: unknown): unknown {
        const reads = this.current?.reads;
        // Asked before in this validation: the index answers the same until the next build.
        if (reads && !reads.has(at.identity)) {
            // An empty list's hash is known already.
            const later = Array.isArray(value) && value.length > 0;
            const read: Read = { source, at, answer: later ? value : answerOf(value) };
            if (later) this.unsettled.push(read);
            reads.set(at.identity, read);
        }
        return value;
    }

    /**
     * Hashes the lists recorded as answers ({@link answerOf}). They are needed only when asked
     * again, at a later build, so a build hashes them once its diagnostics are out
     * ({@link settleSoon}): the lists the checks read (the coverage of each element, the rules'
     * suggestions…) are made for the question and not changed after, and the document builder
     * settles before a build changes anything (workspace/document-builder.ts), as does {@link changed}.
     */
    settle(): void {
        const reads = this.unsettled;
        if (reads.length === 0) return;
        this.unsettled = [];
        for (const read of reads) read.answer = answerOf(read.answer);
    }

    /**
     * {@link settle} once the diagnostics of the build under way are written: vscode-jsonrpc writes
     * a message in an immediate queued when it is sent, after this validation; an immediate queued
     * from an immediate runs after those (Node runs the immediates queued while it runs immediates
     * at the next turn of the event loop).
     */
    private settleSoon(): void {
        if (this.settling) return;
        this.settling = true;
        setImmediate(() => setImmediate(() => {
            this.settling = false;
            this.settle();
        }));
    }
}

/** A property a proxy must hand out as it is (a proxy's invariant): it is recorded whole. */
function fixed(holder: object, key: PropertyKey): boolean {
    const descriptor = Reflect.getOwnPropertyDescriptor(holder, key);
    return descriptor !== undefined && !descriptor.configurable && !descriptor.writable;
}

/** Per node object, its place (computed once: a rebuilt file has new nodes). */
const places = new WeakMap<AstNode, NodePlace>();

function placeOf(node: AstNode): NodePlace {
    let place = places.get(node);
    if (place === undefined) {
        const path: [string, number | undefined, string][] = [];
        let top = node;
        for (; top.$container; top = top.$container) path.push([top.$containerProperty ?? '', top.$containerIndex, top.$type]);
        const document = top.$document;
        place = new NodePlace(document, document ? undefined : node, path.reverse());
        places.set(node, place);
    }
    return place;
}

/** What one round of asking again found: per step, its answer (the reads of one validation share steps); per place, the node there now. */
interface Round {
    readonly answers: Map<Step, unknown>;
    readonly nodes: Map<NodePlace, AstNode>;
}

/** Asks the index again what the steps up to `at` asked it, a node as {@link nodeAt} finds it. */
function replay(source: Source, at: Step | undefined, round: Round): unknown {
    if (at === undefined) return source.index;
    const known = round.answers.get(at);
    if (known !== undefined) return known;
    const holder = replay(source, at.from, round) as Record<PropertyKey, unknown>;
    const member = Reflect.get(holder, at.key, holder);
    const answer = at.args
        ? (member as (...a: unknown[]) => unknown).apply(holder, at.args.map(arg => arg instanceof NodePlace ? nodeAt(arg, round) : arg))
        : member;
    // Kept for the reads through the same object; a primitive answer leads nowhere further.
    if (typeof answer === 'object' && answer !== null) round.answers.set(at, answer);
    return answer;
}

/** The node at `place` in its document's tree now; throws when there is none of its type there. */
function nodeAt(place: NodePlace, round: Round): AstNode {
    if (place.node) return place.node;
    let found = round.nodes.get(place);
    if (found) return found;
    found = place.document!.parseResult.value;
    for (const [property, index, type] of place.path) {
        const value = (found as unknown as Record<string, unknown>)[property];
        const next: unknown = index === undefined ? value : (value as unknown[] | undefined)?.[index];
        if (!isAstNode(next) || next.$type !== type) throw new Error(`${type} is not in the new version of its file`);
        found = next;
    }
    round.nodes.set(place, found);
    return found;
}
