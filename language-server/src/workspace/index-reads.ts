import type { LangiumDocument, URI } from 'langium';
import { isAstNode } from 'langium';
import { answerOf } from './answer-hash.js';
import type { RecordedArguments, Round, Source } from './read-steps.js';
import { replay, Step, StepTable } from './read-steps.js';

export type { RecordedArguments } from './read-steps.js';

/** The reads of a validation under way, one per step, and its steps. */
interface Recording {
    /** Numbered from 1 ({@link Step.recordedIn}). */
    readonly number: number;
    readonly uri: string;
    /** The steps read, each once. */
    readonly reads: Step[];
    readonly steps: StepTable;
    /** Every step made, to settle and close once the validation ends. */
    readonly made: Step[];
    /** Whether the validation takes over findings of the previous one ({@link IndexReads.reusing}). */
    partial: boolean;
}

/**
 * The reads of one document: as recorded (one per step, in the order asked), and by question once
 * named ({@link byQuestion}): one read per question, the first asked. Naming waits until the
 * diagnostics are out, or until something compares or joins the reads.
 */
class DocumentReads {
    private recorded: readonly Step[] | undefined;
    private named: Map<string, Step> | undefined;

    constructor(recorded: readonly Step[]) {
        this.recorded = recorded;
    }

    /** Per question, its read (the steps must be settled: their identities hash the nodes asked about). */
    byQuestion(): Map<string, Step> {
        if (this.named === undefined) {
            const named = new Map<string, Step>();
            for (const read of this.recorded!) {
                const identity = read.identity;
                if (!named.has(identity)) named.set(identity, read);
            }
            this.named = named;
            this.recorded = undefined;
        }
        return this.named;
    }
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
    /** Per document URI: what its checks read. */
    private readonly records = new Map<string, DocumentReads>();
    private current: Recording | undefined;
    private sources = 0;
    /** Reads whose answer is a list not hashed yet ({@link settle}). */
    private unsettled: Step[] = [];
    private recordings = 0;
    /** Steps of finished validations whose arguments are not hashed yet, per validation ({@link settle}). */
    private unsettledSteps: Step[][] = [];
    /** Records not named by question yet ({@link settleSoon}). */
    private unnamed: DocumentReads[] = [];
    /** Work for later builds, not for the diagnostics of this one ({@link afterDiagnostics}). */
    private later: (() => void)[] = [];
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
        const made: Step[] = [];
        const recording: Recording = { number: ++this.recordings, uri, reads: [], steps: new StepTable(made), made, partial: false };
        this.current = recording;
        try {
            await validate();
        } finally {
            this.current = outer;
            for (const step of made) step.close();
            this.unsettledSteps.push(made);
            const previous = this.records.get(uri);
            if (recording.partial && previous) {
                // The newest answer to each question; the previous reads ask about places, not nodes, so they hold no earlier tree.
                this.settle();
                const named = previous.byQuestion();
                for (const [identity, read] of new DocumentReads(recording.reads).byQuestion()) named.set(identity, read);
            } else {
                const record = new DocumentReads(recording.reads);
                this.records.set(uri, record);
                this.unnamed.push(record);
            }
            this.settleSoon();
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
            for (const read of recorded.byQuestion().values()) {
                if (!Object.is(answerOf(replay(read.source, read, round)), read.answer)) return true;
            }
            return false;
        } catch {
            // A question that cannot be asked again any more: validating again answers it.
            return true;
        }
    }

    /** How many questions are recorded for `document`. */
    size(document: LangiumDocument): number {
        this.settle();
        return this.records.get(document.uri.toString())?.byQuestion().size ?? 0;
    }

    forget(uri: URI): void {
        this.records.delete(uri.toString());
    }

    private view<T extends object>(source: Source, target: T, at: Step | undefined): T {
        // Inside the handler, `this` is the handler.
        const reads = this;
        // What was read of this object already (a check that looks twice asks once); the index itself keeps nothing, it outlives a validation.
        const known = at ? new Map<PropertyKey, unknown>() : undefined;
        // Per method, the function handed out for it (made once, not per call).
        const calls = new Map<PropertyKey, { readonly member: unknown; readonly call: (...args: unknown[]) => unknown }>();
        const collection = target instanceof Set || target instanceof Map;
        // Outside a validation, a method runs on the object itself, not through this view: the linker asks the index for every reference.
        const bound = new Map<PropertyKey, { readonly member: unknown; readonly call: (...args: unknown[]) => unknown }>();
        const direct = (key: PropertyKey, member: (...a: unknown[]) => unknown): ((...args: unknown[]) => unknown) => {
            let handed = bound.get(key);
            if (handed?.member !== member) bound.set(key, handed = { member, call: member.bind(target) });
            return handed.call;
        };
        return new Proxy(target, {
            get(object, key) {
                const member: unknown = Reflect.get(object, key, object);
                const recording = reads.current;
                if (recording === undefined) return typeof member === 'function' && !collection ? direct(key, member as (...a: unknown[]) => unknown) : member;
                if (typeof key === 'symbol' || (collection && !LOOKUPS.has(key))) {
                    // Iterated or counted: what was read is the whole collection.
                    if (at) reads.record(at, object);
                    return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(object) : member;
                }
                if (typeof member === 'function') {
                    let handed = calls.get(key);
                    if (handed?.member !== member) {
                        const method = member as (...a: unknown[]) => unknown;
                        handed = {
                            member,
                            call: (...args: unknown[]) => {
                                const answer = method.apply(object, args);
                                const now = reads.current;
                                if (now === undefined) return answer;
                                // A new list each call, which the step keeps (the method is done with it).
                                const asked = at === undefined && source.argumentsOf ? source.argumentsOf(key, args) : args;
                                return reads.answer(source, answer, now.steps.call(source, at, key, asked));
                            },
                        };
                        calls.set(key, handed);
                    }
                    return handed.call;
                }
                if (known?.has(key)) return known.get(key);
                const answer = reads.answer(source, member, recording.steps.property(source, at, key), object);
                known?.set(key, answer);
                return answer;
            },
        });
    }

    /** Objects that hold more facts are followed (one view per step and object); anything else is an answer, recorded as read. */
    private answer(source: Source, value: unknown, at: Step, holder?: object): unknown {
        if (typeof value === 'object' && value !== null && !isAstNode(value) && !Array.isArray(value) && !(holder && fixed(holder, at.key))) {
            const links = at.linked();
            if (links.viewed === value) return links.view;
            const view = this.view(source, value, at);
            links.view = view;
            links.viewed = value;
            return view;
        }
        return this.record(at, value);
    }

    private record(at: Step, value: unknown): unknown {
        const recording = this.current;
        // Asked before in this validation: the index answers the same until the next build.
        if (recording && at.recordedIn !== recording.number) {
            // Read by an earlier validation (through a view kept from it): that one keeps its answer.
            const read = at.recordedIn === 0 ? at : at.copy();
            read.recordedIn = recording.number;
            // An empty list's hash is known already.
            const later = Array.isArray(value) && value.length > 0;
            read.answer = later ? value : answerOf(value);
            if (later) this.unsettled.push(read);
            recording.reads.push(read);
        }
        return value;
    }

    /**
     * Runs the work kept for later builds ({@link afterDiagnostics}), then hashes the lists recorded
     * as answers ({@link answerOf}) and the nodes the steps asked about (keeping each as its
     * place). They are needed only when asked again, at a later build, so a build hashes them
     * once its diagnostics are out ({@link settleSoon}): the lists the checks read
     * (the coverage of each element, the rules' suggestions…) are made for the question and not
     * changed after, and the document builder settles before a build changes anything
     * (workspace/document-builder.ts), as does {@link changed}.
     */
    settle(): void {
        const later = this.later;
        if (later.length > 0) {
            this.later = [];
            for (const task of later) task();
        }
        this.settleReads();
    }

    /** Hashes what {@link settle} hashes. */
    protected settleReads(): void {
        const steps = this.unsettledSteps;
        if (steps.length > 0) {
            this.unsettledSteps = [];
            for (const made of steps) for (const step of made) step.settle();
        }
        const reads = this.unsettled;
        if (reads.length === 0) return;
        this.unsettled = [];
        for (const read of reads) read.answer = answerOf(read.answer);
    }

    /**
     * Runs `task` when the reads are settled ({@link settle}): once the diagnostics of the build
     * under way are written, or earlier when a build is about to change something or the reads are
     * compared. For work that a later build needs and the diagnostics do not, made from the trees
     * as this build leaves them.
     */
    afterDiagnostics(task: () => void): void {
        this.later.push(task);
        this.settleSoon();
    }

    /**
     * {@link settle} once the diagnostics of the build under way are written, and names the new
     * records by question: vscode-jsonrpc writes a message in an immediate queued when it is sent,
     * after this validation; an immediate queued from an immediate runs after those (Node runs the
     * immediates queued while it runs immediates at the next turn of the event loop).
     */
    private settleSoon(): void {
        if (this.settling) return;
        this.settling = true;
        setImmediate(() => setImmediate(() => {
            this.settling = false;
            this.settle();
            const records = this.unnamed;
            this.unnamed = [];
            for (const record of records) record.byQuestion();
        }));
    }
}

/** A property a proxy must hand out as it is (a proxy's invariant): it is recorded whole. */
function fixed(holder: object, key: PropertyKey): boolean {
    const descriptor = Reflect.getOwnPropertyDescriptor(holder, key);
    return descriptor !== undefined && !descriptor.configurable && !descriptor.writable;
}
