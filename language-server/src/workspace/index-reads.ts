import type { AstNode, LangiumDocument, URI } from 'langium';
import { AstUtils, isAstNode } from 'langium';

/** One step from the index to what a check read: a property, or a method called with these arguments. */
interface Step {
    readonly key: PropertyKey;
    readonly args?: readonly unknown[];
}

/** What a check read from the index, and what it was told. */
interface Read {
    /** The index it was read from. */
    readonly root: object;
    readonly path: readonly Step[];
    readonly answer: string;
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
    private readonly reads = new Map<string, Read[]>();
    private current: Read[] | undefined;

    /**
     * A view of `index` that records what is read through it while a document is validated
     * ({@link during}); the rest of the time it is `index` itself.
     */
    recording<T extends object>(index: T): T {
        return this.view(index, index, []);
    }

    /** Runs the validation of `document`, recording what its checks read. */
    async during(document: LangiumDocument, validate: () => Promise<void>): Promise<void> {
        const outer = this.current;
        const reads: Read[] = [];
        this.current = reads;
        try {
            await validate();
        } finally {
            this.current = outer;
            this.reads.set(document.uri.toString(), reads);
        }
    }

    /** Whether something the checks of `document` read is answered differently now (true when nothing was recorded). */
    changed(document: LangiumDocument): boolean {
        const reads = this.reads.get(document.uri.toString());
        if (reads === undefined) return true;
        try {
            return reads.some(read => fingerprint(replay(read.root, read.path)) !== read.answer);
        } catch {
            // A question that cannot be asked again any more: validating again answers it.
            return true;
        }
    }

    forget(uri: URI): void {
        this.reads.delete(uri.toString());
    }

    private view<T extends object>(root: object, target: T, path: readonly Step[]): T {
        // Inside the handler, `this` is the handler.
        const reads = this;
        return new Proxy(target, {
            get(object, key) {
                const member: unknown = Reflect.get(object, key, object);
                if (reads.current === undefined) return member;
                const collection = object instanceof Set || object instanceof Map || Array.isArray(object);
                if (typeof key === 'symbol' || (collection && !LOOKUPS.has(key))) {
                    // Iterated or counted: what was read is the whole collection.
                    reads.record(root, path, object);
                    return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(object) : member;
                }
                if (typeof member === 'function') {
                    return (...args: unknown[]) => reads.answer(root, (member as (...a: unknown[]) => unknown).apply(object, args), [...path, { key, args }]);
                }
                const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
                if (descriptor && !descriptor.configurable && !descriptor.writable) return reads.record(root, [...path, { key }], member);
                return reads.answer(root, member, [...path, { key }]);
            },
        });
    }

    /** Objects that hold more facts are followed; anything else is an answer, recorded as read. */
    private answer(root: object, value: unknown, path: readonly Step[]): unknown {
        if (typeof value === 'object' && value !== null && !isAstNode(value) && !Array.isArray(value)) return this.view(root, value, path);
        return this.record(root, path, value);
    }

    private record(root: object, path: readonly Step[], value: unknown): unknown {
        this.current?.push({ root, path, answer: fingerprint(value) });
        return value;
    }
}

/** Asks `root` again what `path` asked it. */
function replay(root: object, path: readonly Step[]): unknown {
    let value: unknown = root;
    for (const { key, args } of path) {
        const holder = value as Record<PropertyKey, unknown>;
        const member = Reflect.get(holder, key, holder);
        value = args ? (member as (...a: unknown[]) => unknown).apply(holder, args as unknown[]) : member;
    }
    return value;
}

/**
 * A value as text, equal for equal answers. A node stands for itself by its type, name, document
 * and place in it: a node of another file is another object after that file is rebuilt.
 */
export function fingerprint(value: unknown, seen = new Set<object>()): string {
    if (typeof value !== 'object' || value === null) return typeof value === 'function' ? 'function' : `${typeof value}:${String(value)}`;
    if (isAstNode(value)) return nodeId(value);
    if (seen.has(value)) return 'cycle';
    seen.add(value);
    if (value instanceof Map) return `{${[...value].map(([k, v]) => `${fingerprint(k, seen)}=>${fingerprint(v, seen)}`).join(',')}}`;
    if (value instanceof Set || Array.isArray(value)) return `[${[...(value as Iterable<unknown>)].map(v => fingerprint(v, seen)).join(',')}]`;
    return `{${Object.entries(value).map(([k, v]) => `${k}:${fingerprint(v, seen)}`).join(',')}}`;
}

function nodeId(node: AstNode): string {
    const steps: string[] = [];
    for (let at: AstNode | undefined = node; at?.$container; at = at.$container) steps.push(`${at.$containerProperty ?? ''}.${at.$containerIndex ?? ''}`);
    const name = (node as { name?: unknown }).name;
    let uri = '';
    try {
        uri = AstUtils.getDocument(node).uri.toString();
    } catch {
        // A node outside any document (built by hand) is known by its type, name and place only.
    }
    return `${node.$type}:${typeof name === 'string' ? name : ''}@${uri}#${steps.reverse().join('/')}`;
}
