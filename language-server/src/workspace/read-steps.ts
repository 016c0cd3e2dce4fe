import type { AstNode, LangiumDocument } from 'langium';
import { isAstNode } from 'langium';
import { answerOf } from './answer-hash.js';

/**
 * How the checks' questions to an index are recorded: per method of the index, the arguments to
 * record in place of those given, when both are answered the same by construction (the model
 * index answers about a node's model, so any node of a file stands for its root: one question
 * per model rather than one per element). `args` is a new list made for the call, which the
 * function may change and return, or it returns another list; the record keeps the list returned.
 */
export type RecordedArguments = (key: PropertyKey, args: unknown[]) => readonly unknown[];

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
    /** The call with no more arguments than those up to here. */
    none: Step | undefined;
    /** The calls with one argument more, by its value. */
    last: Map<unknown, Step> | undefined;
    /** The calls with more than one argument more, by the next one's value. */
    more: Map<unknown, Calls> | undefined;
}

/** What a step leads to in the validation under way: the steps after it, and the view handed out for the object it answered. */
class StepLinks {
    properties: Map<PropertyKey, Step> | undefined;
    calls: Map<PropertyKey, Calls> | undefined;
    view: object | undefined;
    viewed: object | undefined;
}

/**
 * One step from the index to what a check read: a property, or a method called with these
 * arguments, after the step before it (none: the index itself), and what it was told if it is a
 * read ({@link answer}). Within a validation a step is found again by the values asked about (a
 * node by the node object), without building text: its identity, the text that names the question
 * across validations, is made only when needed ({@link identity}), from the arguments' hash taken
 * before the next build ({@link settle}).
 */
export class Step {
    /**
     * The arguments asked with: a node as the node until {@link settle}, then by its
     * {@link NodePlace}, so that the record holds no tree.
     */
    args: unknown[] | undefined;
    /** The arguments as {@link answerOf} writes them (set by {@link settle}, or when made for arguments that are other objects). */
    argumentsText: string | undefined;
    private text: string | undefined;
    /** The validation under way only ({@link close}). */
    links: StepLinks | undefined;
    /** The number of the validation that recorded this step as a read (0: none). */
    recordedIn = 0;
    /** What the read was told ({@link answerOf}; a list as it is until hashed). */
    answer: unknown;

    constructor(
        readonly source: Source,
        readonly from: Step | undefined,
        readonly key: PropertyKey,
        args: unknown[] | undefined,
    ) {
        this.args = args;
    }

    /** The steps after this one and its view, made when first needed. */
    linked(): StepLinks {
        return this.links ??= new StepLinks();
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

    /** The same question as a step of its own (a step read again by a later validation, through a view kept from an earlier one). */
    copy(): Step {
        this.settle();
        const copy = new Step(this.source, this.from, this.key, this.args);
        copy.argumentsText = this.argumentsText;
        return copy;
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
        this.links = undefined;
    }
}

/** The steps of a validation after `from` (or from the index, for a `from` of undefined): a property, or a call with `args`. */
export class StepTable {
    private readonly properties = new Map<PropertyKey, Step>();
    private readonly calls = new Map<PropertyKey, Calls>();

    /** `steps` gets every step made. */
    constructor(private readonly steps: Step[]) {}

    /** The step reading `key` after `from`, one per validation. */
    property(source: Source, from: Step | undefined, key: PropertyKey): Step {
        const properties = from ? (from.linked().properties ??= new Map()) : this.properties;
        let step = properties.get(key);
        if (step === undefined) {
            step = this.made(new Step(source, from, key, undefined));
            properties.set(key, step);
        }
        return step;
    }

    /** The step calling `key` with `args` after `from`, one per validation and values given (a new step keeps `args`). */
    call(source: Source, from: Step | undefined, key: PropertyKey, args: readonly unknown[]): Step {
        const calls = from ? (from.linked().calls ??= new Map()) : this.calls;
        let at = calls.get(key);
        if (at === undefined) calls.set(key, at = new Calls());
        const count = args.length;
        for (let i = 0; i < count - 1; i++) {
            const more = at.more ??= new Map();
            let next = more.get(args[i]);
            if (next === undefined) more.set(args[i], next = new Calls());
            at = next;
        }
        if (count === 0) return at.none ??= this.made(new Step(source, from, key, []));
        const last = at.last ??= new Map();
        let step = last.get(args[count - 1]);
        if (step === undefined) last.set(args[count - 1], step = this.made(new Step(source, from, key, args as unknown[])));
        return step;
    }

    private made(step: Step): Step {
        const args = step.args;
        // An argument that is an object but not a node is hashed as it is now (a node by its place, which settling takes).
        if (args !== undefined && holdsOtherObjects(args)) step.argumentsText = answerOf(args) as string;
        this.steps.push(step);
        return step;
    }
}

function holdsOtherObjects(args: readonly unknown[]): boolean {
    for (const arg of args) {
        if (typeof arg === 'object' && arg !== null && !isAstNode(arg)) return true;
    }
    return false;
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
