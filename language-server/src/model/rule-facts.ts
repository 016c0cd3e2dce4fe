import type { Asset, Declaration, DfdElement, Flow, Model, Node } from '../generated/ast.js';
import { isBoundary, isFlow, isNode } from '../generated/ast.js';
import { crossedBoundaries, enclosingBoundaries } from './boundaries.js';
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
            if (isNode(declaration) || isFlow(declaration)) elements.push(declaration);
            if (!isFlow(declaration)) continue;
            const source = declaration.source?.ref;
            const target = declaration.target?.ref;
            if (source) append(this.flowsOut, source, declaration);
            if (target) append(this.flowsIn, target, declaration);
        }
        this.elements = elements;
    }

    /** The value of `fact` on `subject`, or `undefined` when it is unknown. */
    valueOf(subject: FactSubject, fact: string): FactValue {
        // By $type rather than the generated isAsset()…: these are leaf types, and the guards' subtype lookup was a large part of reading facts.
        if (subject.$type === 'Asset') return assetFact(subject, fact);
        switch (fact) {
            case 'kind': return kindOf(subject);
            case 'tags': return subject.tags;
            case 'boundaries': return enclosingBoundaries(subject).map(b => b.name);
            case 'trust': return trustOf(subject);
        }
        if (subject.$type === 'Flow') return flowFact(subject, fact);
        switch (fact) {
            case 'flowsIn': return this.flowsIn.get(subject) ?? [];
            case 'flowsOut': return this.flowsOut.get(subject) ?? [];
            case 'stores': return subject.$type === 'Datastore' ? subject.stores.map(a => a.ref).filter((a): a is Asset => a !== undefined) : [];
            case 'technology': return subject.$type === 'External' ? undefined : subject.technology;
            case 'tech': return subject.$type === 'External' ? undefined : this.traitsOf(subject.technology);
            case 'entrypoint': return subject.$type === 'Process' ? subject.entrypoint : undefined;
            case 'privileged': return subject.$type === 'Process' ? subject.privileged : undefined;
            case 'logs': return subject.$type === 'Datastore' ? subject.logs : undefined;
            case 'encrypted': return subject.$type === 'Datastore' ? subject.encrypted : undefined;
            case 'type': return subject.$type === 'External' ? subject.type : undefined;
        }
        return undefined;
    }

    /** {@link technologyTraits}, once per technology string: a model names a handful, on many elements. */
    private traitsOf(technology: string | undefined): readonly string[] | undefined {
        if (technology === undefined) return undefined;
        if (!this.traits.has(technology)) this.traits.set(technology, technologyTraits(technology));
        return this.traits.get(technology);
    }
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

function flowFact(flow: Flow, fact: string): FactValue {
    switch (fact) {
        case 'source': return flow.source?.ref;
        case 'target': return flow.target?.ref;
        case 'protocol': return flow.protocol;
        case 'encrypted': return flow.encrypted;
        case 'authenticated': return flow.authenticated;
        case 'bidirectional': return flow.bidirectional;
        case 'crossesBoundary': return flow.source?.ref && flow.target?.ref ? crossedBoundaries(flow).length > 0 : undefined;
        case 'fromLessTrusted': return fromLessTrusted(flow);
        case 'carries': return flow.carries.map(a => a.ref).filter((a): a is Asset => a !== undefined);
    }
    return undefined;
}

function assetFact(asset: Asset, fact: string): FactValue {
    switch (fact) {
        case 'classification': return asset.classification;
        case 'type': return asset.type;
        case 'name': return asset.name;
    }
    return undefined;
}

/** The `trust` of the innermost boundary around a node; unknown for a flow and outside every boundary. */
export function trustOf(element: DfdElement): string | undefined {
    const container = element.$container;
    return isBoundary(container) ? container.trust : undefined;
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
