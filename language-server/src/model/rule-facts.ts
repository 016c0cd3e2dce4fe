import type { Asset, Boundary, Declaration, DfdElement, Flow, Model, Node } from '../generated/ast.js';
import { isBoundary } from '../generated/ast.js';
import { enclosingBoundaries } from './boundaries.js';
import { TECHNOLOGY_CATALOGUE } from './technology-catalogue.js';
import { TRUST_LEVELS } from './rule-vocabulary.js';

/** What a rule's path can read off the model: an element or asset a condition is evaluated on. */
export type FactSubject = DfdElement | Asset;

/** A fact's value; `undefined` is unknown (the attribute is not written), which no test treats as false. */
export type FactValue = boolean | string | readonly string[] | Node | readonly FactSubject[] | undefined;

/**
 * The derived facts of rules (docs/language.md#rules) that need the whole model: which flows enter and leave each node.
 * Built once per build from every model, in one pass; everything else is read off the element.
 */
export class RuleFacts {
    private readonly flowsIn = new Map<Node, Flow[]>();
    private readonly flowsOut = new Map<Node, Flow[]>();
    private readonly traits = new Map<string, readonly string[] | undefined>();
    /** Every DFD element of the models, in declaration order: what rules are evaluated on. */
    readonly elements: readonly DfdElement[];

    constructor(models: readonly Model[]) {
        const elements: DfdElement[] = [];
        for (const declaration of allDeclarations(models)) {
            // By $type rather than the generated guards: these are leaf types.
            const type = declaration.$type;
            if (type === 'External' || type === 'Process' || type === 'Datastore') elements.push(declaration);
            if (type !== 'Flow') continue;
            elements.push(declaration);
            const source = declaration.source?.ref;
            const target = declaration.target?.ref;
            if (source) append(this.flowsOut, source, declaration);
            if (target) append(this.flowsIn, target, declaration);
        }
        this.elements = elements;
    }

    /** The value of `fact` on `subject`, or `undefined` when it is unknown. */
    valueOf(subject: FactSubject, fact: string): FactValue {
        const reader = READERS.get(fact);
        return reader ? reader(subject, this) : undefined;
    }

    /**
     * How to read `fact` on any subject: {@link valueOf} with the fact looked up once, for reading
     * the same fact of many subjects (model/rule-compiled.ts).
     */
    reader(fact: string): (subject: FactSubject) => FactValue {
        const reader = READERS.get(fact);
        if (!reader) return () => undefined;
        // Most readers read the subject alone: those are handed over as they are, with no call around them.
        return reader.length < 2 ? reader as (subject: FactSubject) => FactValue : subject => reader(subject, this);
    }

    /** The flows that end at `node`. */
    flowsInto(node: Node): readonly Flow[] {
        return this.flowsIn.get(node) ?? [];
    }

    /** The flows that start at `node`. */
    flowsOutOf(node: Node): readonly Flow[] {
        return this.flowsOut.get(node) ?? [];
    }

    /** {@link technologyTraits}, once per technology string: a model names a handful, on many elements. */
    traitsOf(technology: string | undefined): readonly string[] | undefined {
        if (technology === undefined) return undefined;
        if (!this.traits.has(technology)) this.traits.set(technology, technologyTraits(technology));
        return this.traits.get(technology);
    }
}

/** Reads one fact of a subject; `undefined` where the subject does not have it. */
type Reader = (subject: FactSubject, facts: RuleFacts) => FactValue;

/**
 * Each fact of the vocabulary (model/rule-vocabulary.ts), by name: one function per fact, each
 * deciding by `$type` (the subjects are leaf types; the generated guards' subtype lookup was a
 * large part of reading facts) whether the subject has it. A table rather than one switch over
 * the names: a rule reads the same fact of many subjects, and looks it up once.
 */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
    ['kind', s => (s.$type === 'Asset' ? undefined : kindOf(s))],
    ['tags', s => (s.$type === 'Asset' ? undefined : s.tags)],
    ['boundaries', s => (s.$type === 'Asset' ? undefined : enclosingBoundaries(s).map(b => b.name))],
    ['trust', s => (s.$type === 'Asset' ? undefined : trustOf(s))],
    ['flowsIn', (s, facts) => (s.$type === 'Asset' || s.$type === 'Flow' ? undefined : facts.flowsInto(s))],
    ['flowsOut', (s, facts) => (s.$type === 'Asset' || s.$type === 'Flow' ? undefined : facts.flowsOutOf(s))],
    ['stores', s => (s.$type === 'Datastore' ? s.stores.map(a => a.ref).filter((a): a is Asset => a !== undefined) : s.$type === 'Asset' || s.$type === 'Flow' ? undefined : [])],
    ['technology', s => (s.$type === 'Process' || s.$type === 'Datastore' ? s.technology : undefined)],
    ['tech', (s, facts) => (s.$type === 'Process' || s.$type === 'Datastore' ? facts.traitsOf(s.technology) : undefined)],
    ['entrypoint', s => (s.$type === 'Process' ? s.entrypoint : undefined)],
    ['privileged', s => (s.$type === 'Process' ? s.privileged : undefined)],
    ['logs', s => (s.$type === 'Datastore' ? s.logs : undefined)],
    ['encrypted', s => (s.$type === 'Datastore' || s.$type === 'Flow' ? s.encrypted : undefined)],
    ['type', s => (s.$type === 'External' || s.$type === 'Asset' ? s.type : undefined)],
    ['source', s => (s.$type === 'Flow' ? s.source?.ref : undefined)],
    ['target', s => (s.$type === 'Flow' ? s.target?.ref : undefined)],
    ['protocol', s => (s.$type === 'Flow' ? s.protocol : undefined)],
    ['authenticated', s => (s.$type === 'Flow' ? s.authenticated : undefined)],
    ['bidirectional', s => (s.$type === 'Flow' ? s.bidirectional : undefined)],
    ['crossesBoundary', s => (s.$type === 'Flow' ? crossesBoundary(s) : undefined)],
    ['fromLessTrusted', s => (s.$type === 'Flow' ? fromLessTrusted(s) : undefined)],
    ['carries', s => (s.$type === 'Flow' ? carriedAssets(s) : undefined)],
    ['classification', s => (s.$type === 'Asset' ? s.classification : undefined)],
    ['name', s => (s.$type === 'Asset' ? s.name : undefined)],
]);

/** The assets a flow carries that its references lead to, in order: one list, read by every rule about them. */
function carriedAssets(flow: Flow): Asset[] {
    const assets: Asset[] = [];
    for (const reference of flow.carries) {
        const asset = reference.ref;
        if (asset !== undefined) assets.push(asset);
    }
    return assets;
}

/** Every declaration of the models, those inside boundaries included, in document order. */
export function* allDeclarations(models: readonly Model[]): Generator<Declaration> {
    const stack: Declaration[] = [];
    for (const model of models) {
        stack.push(...[...model.declarations].reverse());
        while (stack.length > 0) {
            const declaration = stack.pop()!;
            yield declaration;
            if (isBoundary(declaration)) stack.push(...[...declaration.members].reverse());
        }
    }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

function kindOf(element: DfdElement): string {
    return element.$type.toLowerCase();
}

/**
 * Whether `crossedBoundaries` (model/boundaries.ts) lists any: whether the ends are not inside the same boundaries.
 * A node is a member of its innermost boundary (or of none), and the boundaries around it are that
 * one's chain of containers, so the ends are inside the same boundaries exactly when they have the
 * same innermost one; this compares that, without listing both chains.
 */
function crossesBoundary(flow: Flow): boolean | undefined {
    const source = flow.source?.ref;
    const target = flow.target?.ref;
    return source && target ? innermostBoundary(source) !== innermostBoundary(target) : undefined;
}

/** The boundary a node is a member of, if any. */
function innermostBoundary(element: DfdElement): Boundary | undefined {
    const container = element.$container;
    return container?.$type === 'Boundary' ? container as Boundary : undefined;
}

/** The `trust` of the innermost boundary around a node; unknown for a flow and outside every boundary. */
export function trustOf(element: DfdElement): string | undefined {
    return innermostBoundary(element)?.trust;
}

function fromLessTrusted(flow: Flow): boolean | undefined {
    const source = flow.source?.ref;
    const target = flow.target?.ref;
    const from = source ? trustOf(source) : undefined;
    const to = target ? trustOf(target) : undefined;
    if (from === undefined || to === undefined) return undefined;
    return TRUST_LEVELS.indexOf(from) < TRUST_LEVELS.indexOf(to);
}

/** The traits the catalogue gives a technology string; unknown when it is not written or matches no entry. */
export function technologyTraits(technology: string | undefined): readonly string[] | undefined {
    if (technology === undefined) return undefined;
    const text = technology.toLowerCase();
    const traits = new Set<string>();
    for (const entry of TECHNOLOGY_CATALOGUE) {
        if (entry.patterns.some(pattern => containsWord(text, pattern))) entry.traits.forEach(t => traits.add(t));
    }
    return traits.size > 0 ? [...traits] : undefined;
}

/** Whether `pattern` occurs in `text` with no letter or digit right before or after it. */
function containsWord(text: string, pattern: string): boolean {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) {
        const before = text[at - 1];
        const after = text[at + pattern.length];
        if (!isWordCharacter(before) && !isWordCharacter(after)) return true;
    }
    return false;
}

function isWordCharacter(character: string | undefined): boolean {
    return character !== undefined && /[\p{L}\p{N}]/u.test(character);
}
