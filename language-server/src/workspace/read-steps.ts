import type { AstNode, LangiumDocument } from 'langium';
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
export interface Source {
    readonly index: object;
    readonly number: number;
    readonly argumentsOf: RecordedArguments | undefined;
}

/**
 * A node asked about, by its place: its document and the path from the root, so that the record
 * holds no tree (asking again asks about the node at the same place in the document's tree now).
 * A node outside any document (built by hand) is held as it is.
 */
export class NodePlace {
    constructor(
        readonly document: LangiumDocument | undefined,
        readonly node: AstNode | undefined,
        /** From the root down: the property, index and type of each node. */
        readonly path: readonly (readonly [string, number | undefined, string])[],
    ) {}
}

/** The calls of one method after one step, by their arguments one at a time (a trie keyed by the values given). */
class Calls {
    /** The call that ends with the arguments up to here. */
    step: Step | undefined;
    next: Map<unknown, Calls> | undefined;
}

/**
 * One step from the index to what a check read: a property, or a method called with these
 * arguments, after the step before it (none: the index itself). Within a validation a step is
 * found again by the values asked about (a node by the node object), without building text: its
 * identity, the text that names the question across validations, is made only when needed
 * ({@link identity}), from the arguments' hash taken before the next build ({@link settle}).
 */
export class Step {
    /**
     * The arguments asked with: a node as the node until {@link settle}, then by its
     * {@link NodePlace}, so that the record holds no tree.
     */
    args: unknown[] | undefined;
    /** The arguments as {@link answerOf} writes them (set by {@link settle}). */
    private argumentsText: string | undefined;
    private text: string | undefined;
    /** The steps after this one in the validation under way (dropped when it ends). */
    properties: Map<PropertyKey, Step> | undefined;
    calls: Map<PropertyKey, Calls> | undefined;
    /** The view handed out for the object this step answered, and that object (the validation under way only). */
    view: object | undefined;
    viewed: object | undefined;
    /** The record of the validation that recorded this step's answer (one read per question and validation). */
    recordedIn: object | undefined;

    constructor(
        readonly source: Source,
        readonly from: Step | undefined,
        readonly key: PropertyKey,
        args: unknown[] | undefined,
    ) {
        this.args = args;
        // An argument that is an object but not a node is hashed as it is now (nodes by their place, which {@link settle} takes).
        if (args?.some(arg => typeof arg === 'object' && arg !== null && !isAstNode(arg))) this.argumentsText = answerOf(args) as string;
    }

    /** Whether {@link settle} has work to do. */
    get unsettled(): boolean {
        return this.args !== undefined && this.argumentsText === undefined;
    }

    /** Hashes the arguments and keeps each node as its place. Run before anything changes the trees. */
    settle(): void {
        const args = this.args;
        if (args === undefined || this.argumentsText !== undefined) return;
        this.argumentsText = answerOf(args) as string;
        for (let i = 0; i < args.length; i++) {
            const arg = args[i];
            if (isAstNode(arg)) args[i] = placeOf(arg);
        }
    }

    /** What the steps up to this one ask, as text: the index, then each key and arguments (a node by its place and name). */
    get identity(): string {
        if (this.text === undefined) {
            const key = this.key;
            const name = typeof key === 'symbol' ? `@${key.description ?? ''}` : String(key);
            if (this.args !== undefined && this.argumentsText === undefined) throw new Error('a step is named before it is settled');
            this.text = `${this.from ? this.from.identity : this.source.number}/${name}${this.args ? `(${this.argumentsText!})` : ''}`;
        }
        return this.text;
    }

    /** Forgets what served only the validation under way (the views hold the index's objects of this build). */
    close(): void {
        this.properties = undefined;
        this.calls = undefined;
        this.view = undefined;
        this.viewed = undefined;
        this.recordedIn = undefined;
    }
}

/** The steps of a validation after `from` (or from the index, for a `from` of undefined): a property, or a call with `args`. */
export class StepTable {
    private readonly properties = new Map<PropertyKey, Step>();
    private readonly calls = new Map<PropertyKey, Calls>();

    constructor(private readonly made: Step[]) {}

    /** The step reading `key` after `from`, one per validation. */
    property(source: Source, from: Step | undefined, key: PropertyKey): Step {
        const properties = from ? (from.properties ??= new Map()) : this.properties;
        let step = properties.get(key);
        if (step === undefined) {
            step = new Step(source, from, key, undefined);
            properties.set(key, step);
            this.made.push(step);
        }
        return step;
    }

    /** The step calling `key` with `args` after `from`, one per validation and values given. */
    call(source: Source, from: Step | undefined, key: PropertyKey, args: readonly unknown[]): Step {
        const calls = from ? (from.calls ??= new Map()) : this.calls;
        let at = calls.get(key);
        if (at === undefined) calls.set(key, at = new Calls());
        for (let i = 0; i < args.length; i++) {
            const next = at.next ??= new Map();
            let found = next.get(args[i]);
            if (found === undefined) next.set(args[i], found = new Calls());
            at = found;
        }
        let step = at.step;
        if (step === undefined) {
            step = at.step = new Step(source, from, key, [...args]);
            this.made.push(step);
        }
        return step;
    }
}

/** Per node object, its place (computed once: a rebuilt file has new nodes). */
const places = new WeakMap<AstNode, NodePlace>();

export function placeOf(node: AstNode): NodePlace {
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

/** A question as asked again: the step before it, the property or method, and the arguments (a node by its place). */
export interface Asked {
    readonly from: Asked | undefined;
    readonly key: PropertyKey;
    readonly args: readonly unknown[] | undefined;
}

/** What one round of asking again found: per step, its answer (the reads of one validation share steps); per place, the node there now. */
export interface Round {
    readonly answers: Map<Asked, unknown>;
    readonly nodes: Map<NodePlace, AstNode>;
}

/** Asks the index again what the steps up to `at` asked it, a node as {@link nodeAt} finds it. */
export function replay(source: Source, at: Asked | undefined, round: Round): unknown {
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
