import type { ElementKind } from '../shared/element-kinds.js';
import { ELEMENT_KIND_WORDS } from '../shared/element-kinds.js';

/**
 * The facts a rule's condition can read (docs/language.md#rules), by what they are about. One table serves
 * the checker (tm/rule-invalid), the evaluator, completion and hover.
 */

/** What a path is evaluated on: one of the four element kinds, any DFD node (a flow's `source`), or an asset. */
export type Subject = ElementKind | 'node' | 'asset';

export type FactType =
    /** `encrypted`, `not logs` */
    | { readonly kind: 'boolean' }
    /** `trust is untrusted`, `type in [person, device]` */
    | { readonly kind: 'enum'; readonly values: readonly string[] }
    /** `protocol is "HTTP"` (ignoring case) */
    | { readonly kind: 'text' }
    /** `tags has "pci"` */
    | { readonly kind: 'texts' }
    /** `source.type is person`: a path goes on into the node's facts. */
    | { readonly kind: 'node' }
    /** `any carries (…)`: a list a quantifier ranges over. */
    | { readonly kind: 'list'; readonly of: 'flow' | 'asset' };

export interface FactDefinition {
    readonly name: string;
    readonly type: FactType;
    /** The subjects that have this fact. */
    readonly on: readonly Subject[];
    /** What it means, for hover and completion: a sentence. */
    readonly doc: string;
}

export const ELEMENT_KINDS: readonly ElementKind[] = ['external', 'process', 'datastore', 'flow'];
export const TRUST_LEVELS: readonly string[] = ['untrusted', 'partial', 'trusted'];
export const CLASSIFICATIONS: readonly string[] = ['public', 'internal', 'confidential', 'secret'];
export const ASSET_TYPES: readonly string[] = ['credentials', 'token', 'personal', 'payment', 'key', 'other'];
export const EXTERNAL_TYPES: readonly string[] = ['person', 'service', 'device'];

const ELEMENTS: readonly Subject[] = ['external', 'process', 'datastore', 'flow', 'node'];
const NODES: readonly Subject[] = ['external', 'process', 'datastore', 'node'];
const BOOLEAN: FactType = { kind: 'boolean' };

export const FACTS: readonly FactDefinition[] = [
    { name: 'kind', type: { kind: 'enum', values: ELEMENT_KINDS }, on: ELEMENTS, doc: 'The kind of element: external, process, datastore or flow.' },
    { name: 'tags', type: { kind: 'texts' }, on: ELEMENTS, doc: 'The element\'s `tags "…"`; none written is an empty list.' },
    { name: 'boundaries', type: { kind: 'texts' }, on: ELEMENTS, doc: 'The names of the trust boundaries around the element, innermost first (none for a flow).' },
    { name: 'trust', type: { kind: 'enum', values: TRUST_LEVELS }, on: ELEMENTS, doc: 'The `trust` of the innermost boundary around the element; unknown outside every boundary, or when that boundary states none.' },
    { name: 'technology', type: { kind: 'text' }, on: NODES, doc: 'The `technology "…"` of a process or data store; unknown when not written.' },
    { name: 'tech', type: { kind: 'texts' }, on: NODES, doc: 'The traits the technology catalogue (docs/technology.md) gives the `technology`; unknown when the technology is not written or not in the catalogue.' },
    { name: 'entrypoint', type: BOOLEAN, on: NODES, doc: 'Whether a process is marked `entrypoint`; unknown for other nodes.' },
    { name: 'privileged', type: BOOLEAN, on: NODES, doc: 'Whether a process is marked `privileged`; unknown for other nodes.' },
    { name: 'logs', type: BOOLEAN, on: NODES, doc: 'Whether a data store is marked `logs` (holds audit logs); unknown for other nodes.' },
    { name: 'encrypted', type: BOOLEAN, on: ['datastore', 'flow', 'node'], doc: 'Whether a data store (at rest) or a flow (in transit) is marked `encrypted`; unknown for externals and processes.' },
    { name: 'type', type: { kind: 'enum', values: EXTERNAL_TYPES }, on: NODES, doc: 'The `type` of an external entity: person, service or device; unknown when not written, and for other nodes.' },
    { name: 'stores', type: { kind: 'list', of: 'asset' }, on: NODES, doc: 'The assets a data store `stores`; empty for other nodes.' },
    { name: 'flowsIn', type: { kind: 'list', of: 'flow' }, on: NODES, doc: 'The flows that end at the node.' },
    { name: 'flowsOut', type: { kind: 'list', of: 'flow' }, on: NODES, doc: 'The flows that start at the node.' },
    { name: 'source', type: { kind: 'node' }, on: ['flow'], doc: 'The node the flow starts at, with all its facts (`source.type is person`).' },
    { name: 'target', type: { kind: 'node' }, on: ['flow'], doc: 'The node the flow ends at, with all its facts (`target.logs`).' },
    { name: 'protocol', type: { kind: 'text' }, on: ['flow'], doc: 'The flow\'s `protocol "…"`; unknown when not written.' },
    { name: 'authenticated', type: BOOLEAN, on: ['flow'], doc: 'Whether the flow is marked `authenticated`.' },
    { name: 'bidirectional', type: BOOLEAN, on: ['flow'], doc: 'Whether the flow is marked `bidirectional` (data moves both ways).' },
    { name: 'crossesBoundary', type: BOOLEAN, on: ['flow'], doc: 'Whether the flow\'s source and target are not inside the same trust boundaries.' },
    { name: 'fromLessTrusted', type: BOOLEAN, on: ['flow'], doc: 'Whether the source\'s trust is lower than the target\'s (untrusted < partial < trusted); unknown when either is unknown.' },
    { name: 'carries', type: { kind: 'list', of: 'asset' }, on: ['flow'], doc: 'The assets the flow `carries`.' },
    { name: 'classification', type: { kind: 'enum', values: CLASSIFICATIONS }, on: ['asset'], doc: 'The asset\'s `classification`: public, internal, confidential or secret; unknown when not written.' },
    { name: 'type', type: { kind: 'enum', values: ASSET_TYPES }, on: ['asset'], doc: 'The asset\'s `type`: credentials, token, personal, payment, key or other; unknown when not written.' },
    { name: 'name', type: { kind: 'text' }, on: ['asset'], doc: 'The asset\'s name.' },
];

/** The fact `name` of `subject`, if it has one. */
export function factOf(subject: Subject, name: string): FactDefinition | undefined {
    return FACTS.find(f => f.name === name && f.on.includes(subject));
}

/** Every fact of `subject`, in table order. */
export function factsOf(subject: Subject): FactDefinition[] {
    return FACTS.filter(f => f.on.includes(subject));
}

/** What a path leads to: the subject its last fact is read on, and that fact. */
export interface ResolvedPath {
    readonly subject: Subject;
    readonly fact: FactDefinition;
}

/** Why a path does not resolve: the index of the segment at fault, and a message in the language's words. */
export interface PathError {
    readonly segment: number;
    readonly message: string;
}

const SUBJECT_WORDS: Readonly<Record<Subject, string>> = {
    external: ELEMENT_KIND_WORDS.external.withArticle,
    process: ELEMENT_KIND_WORDS.process.withArticle,
    datastore: ELEMENT_KIND_WORDS.datastore.withArticle,
    flow: ELEMENT_KIND_WORDS.flow.withArticle,
    node: 'a node',
    asset: 'an asset',
};

export function describeSubject(subject: Subject): string {
    return SUBJECT_WORDS[subject];
}

/** Follows `segments` from `subject`: each but the last must be a node fact (`source`, `target`). */
export function resolvePath(subject: Subject, segments: readonly string[]): ResolvedPath | PathError {
    let current = subject;
    for (let i = 0; i < segments.length; i++) {
        const fact = factOf(current, segments[i]!);
        if (!fact) {
            const known = factsOf(current).map(f => f.name).join(', ');
            return { segment: i, message: `'${segments[i]}' is not a fact of ${SUBJECT_WORDS[current]}. The facts of ${SUBJECT_WORDS[current]} are: ${known}.` };
        }
        if (i === segments.length - 1) return { subject: current, fact };
        if (fact.type.kind !== 'node') {
            return { segment: i + 1, message: `'${segments[i]}' has no facts of its own; only 'source' and 'target' of a flow lead on to the facts of a node.` };
        }
        current = 'node';
    }
    return { segment: 0, message: 'A fact is missing here.' };
}

export function isPathError(result: ResolvedPath | PathError): result is PathError {
    return 'message' in result;
}

/** What a quantifier's condition is evaluated on: the members of a list fact. */
export function memberSubject(type: FactType): Subject | undefined {
    return type.kind === 'list' ? type.of : undefined;
}
