import type { LangiumDocument, URI } from 'langium';
import { isAstNode } from 'langium';
import { answerOf } from '../../../language-server/src/workspace/answer-hash.js';
import type { RecordedArguments, Round, Source } from '../../../language-server/src/workspace/read-steps.js';
import { placeOf, replay } from '../../../language-server/src/workspace/read-steps.js';
import { IndexReads } from '../../../language-server/src/workspace/index-reads.js';

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
 * The recording of index reads as workspace/index-reads.ts made it before its steps were found
 * again without text (one identity string per question, built as asked): the reference the
 * property test (test/unit/perf/index-reads-equal.test.ts) compares the current one with.
 *
 * What the checks of each document read from the workspace index (workspace/model-index.ts), so
 * that when another document changes, a document is validated again exactly when something it read
 * would now be answered differently. Nothing is listed by hand: the index the checks are given is
 * {@link recording}'s view of it, and every answer it gives while a document is validated (a
 * number, a name, whether a set holds an element, the coverage of one element, and so on) is
 * kept with the way to ask again, once per question however often it is asked. Asking again
 * asks each question once.
 */
export class ReferenceIndexReads extends IndexReads {
    /** Per document URI: what its checks read, by question. */
    private readonly oldRecords = new Map<string, Map<string, Read>>();
    private oldCurrent: Recording | undefined;
    private oldSources = 0;
    /** Reads whose answer is a list not hashed yet ({@link settle}). */
    private oldUnsettled: Read[] = [];

    /**
     * A view of `index` that records what is read through it while a document is validated
     * ({@link during}); the rest of the time it is `index` itself. `argumentsOf` names questions
     * that other arguments answer the same ({@link RecordedArguments}).
     */
    override recording<T extends object>(index: T, argumentsOf?: RecordedArguments): T {
        return this.oldView({ index, number: this.oldSources++, argumentsOf }, index, undefined);
    }

    /**
     * Runs the validation of `document`, recording what its checks read: the record replaces the
     * previous one, or joins it when the validation took over findings ({@link reusing}).
     */
    override async during(document: LangiumDocument, validate: () => Promise<void>): Promise<void> {
        const outer = this.oldCurrent;
        const uri = document.uri.toString();
        const recording: Recording = { uri, reads: new Map(), steps: new Map(), partial: false };
        this.oldCurrent = recording;
        try {
            await validate();
        } finally {
            this.oldCurrent = outer;
            // At once: the reference need not wait for the diagnostics.
            this.settle();
            const previous = this.oldRecords.get(uri);
            if (recording.partial && previous) {
                // The newest answer to each question; the previous reads ask about places, not nodes, so they hold no earlier tree.
                for (const [identity, read] of recording.reads) previous.set(identity, read);
            } else {
                this.oldRecords.set(uri, recording.reads);
            }
        }
    }

    /**
     * The validation of `document` under way takes over the findings of some nodes from the
     * previous one (incremental/reuse-service.ts): the checks that run record only their own reads,
     * so its record keeps the previous one's reads too (one per question asked: it does not grow
     * with each keystroke).
     */
    override reusing(document: LangiumDocument): void {
        if (this.oldCurrent?.uri === document.uri.toString()) this.oldCurrent.partial = true;
    }

    /**
     * Whether something the checks of `document` read is answered differently now (true when
     * nothing was recorded). A node is asked about as the node at its place in its document now.
     */
    override changed(document: LangiumDocument): boolean {
        this.settle();
        const recorded = this.oldRecords.get(document.uri.toString());
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

    /** Runs `f` recording nothing (the compared recording asks again through this one's view). */
    paused<T>(f: () => T): T {
        const current = this.oldCurrent;
        this.oldCurrent = undefined;
        try {
            return f();
        } finally {
            this.oldCurrent = current;
        }
    }

    /** How many questions are recorded for `document`. */
    override size(document: LangiumDocument): number {
        return this.oldRecords.get(document.uri.toString())?.size ?? 0;
    }

    override forget(uri: URI): void {
        this.oldRecords.delete(uri.toString());
    }

    private oldView<T extends object>(source: Source, target: T, at: Step | undefined): T {
        // Inside the handler, `this` is the handler.
        const reads = this;
        // What was read of this object already (a check that looks twice asks once); the index itself keeps nothing, it outlives a validation.
        const known = at ? new Map<PropertyKey, unknown>() : undefined;
        return new Proxy(target, {
            get(object, key) {
                const member: unknown = Reflect.get(object, key, object);
                if (reads.oldCurrent === undefined) return member;
                if (typeof key === 'symbol' || ((object instanceof Set || object instanceof Map) && !LOOKUPS.has(key))) {
                    // Iterated or counted: what was read is the whole collection.
                    if (at) reads.oldRecord(source, at, object);
                    return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(object) : member;
                }
                if (typeof member === 'function') {
                    return (...args: unknown[]) => {
                        const answer = (member as (...a: unknown[]) => unknown).apply(object, args);
                        return reads.oldCurrent ? reads.oldAnswer(source, answer, reads.oldStep(reads.oldCurrent, source, at, key, args)) : answer;
                    };
                }
                if (known?.has(key)) return known.get(key);
                const answer = reads.oldAnswer(source, member, reads.oldStep(reads.oldCurrent, source, at, key, undefined), object);
                known?.set(key, answer);
                return answer;
            },
        });
    }

    /** The step `key` (with `args`, for a method) after `from`, one object per identity in a validation. */
    private oldStep(recording: Recording, source: Source, from: Step | undefined, key: PropertyKey, args: readonly unknown[] | undefined): Step {
        const asked = args && from === undefined && source.argumentsOf ? source.argumentsOf(key, [...args]) : args;
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
    private oldAnswer(source: Source, value: unknown, at: Step, holder?: object): unknown {
        if (typeof value === 'object' && value !== null && !isAstNode(value) && !Array.isArray(value) && !(holder && fixed(holder, at.key))) {
            return this.oldView(source, value, at);
        }
        return this.oldRecord(source, at, value);
    }

    private oldRecord(source: Source, at: Step, value: unknown): unknown {
        const reads = this.oldCurrent?.reads;
        // Asked before in this validation: the index answers the same until the next build.
        if (reads && !reads.has(at.identity)) {
            // An empty list's hash is known already.
            const later = Array.isArray(value) && value.length > 0;
            const read: Read = { source, at, answer: later ? value : answerOf(value) };
            if (later) this.oldUnsettled.push(read);
            reads.set(at.identity, read);
        }
        return value;
    }

    /**
     * Hashes the lists recorded as answers ({@link answerOf}). They are needed only when asked
     * again, at a later build, so a build hashes them once its diagnostics are out
     * (the reference at once): the lists the checks read (the coverage of each element, the rules'
     * suggestions…) are made for the question and not changed after, and the document builder
     * settles before a build changes anything (workspace/document-builder.ts), as does {@link changed}.
     */
    protected override settleReads(): void {
        const reads = this.oldUnsettled;
        if (reads.length === 0) return;
        this.oldUnsettled = [];
        for (const read of reads) read.answer = answerOf(read.answer);
    }
}

/** A property a proxy must hand out as it is (a proxy's invariant): it is recorded whole. */
function fixed(holder: object, key: PropertyKey): boolean {
    const descriptor = Reflect.getOwnPropertyDescriptor(holder, key);
    return descriptor !== undefined && !descriptor.configurable && !descriptor.writable;
}
