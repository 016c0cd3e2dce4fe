import fc from 'fast-check';

/**
 * Random edits of a model text, as a user makes them: a character typed or deleted in a string, in a
 * name, anywhere, an attribute written in or taken out of a body (`encrypted`, `type person`…), or
 * a line replaced by one of `lines` or deleted. Applied to whatever the text is by
 * then, so a sequence stays meaningful after edits that broke the syntax.
 */
export interface RandomEdit {
    readonly kind: 'string' | 'name' | 'anywhere' | 'line' | 'attribute';
    readonly at: number;
    /** What is typed; `undefined` deletes a character (or the line). */
    readonly insert: string | undefined;
}

const SNIPPETS = ['x', 'Z', ' ', 'é', '\n', '"', '{', '}', 'encrypted ', 'logs ', '0', '// note\n'];
const ATTRIBUTES = ['encrypted', 'authenticated', 'logs', 'privileged', 'entrypoint', 'type person', 'type service', 'trust untrusted',
    'tags "mfa"', 'classification secret', 'type credentials', 'technology "MySQL"'];
const WRITTEN = new RegExp(` (${ATTRIBUTES.join('|')})\\b`, 'g');

export function randomEdit(): fc.Arbitrary<RandomEdit> {
    return fc.record({
        kind: fc.constantFrom<RandomEdit['kind']>('string', 'string', 'string', 'name', 'anywhere', 'line', 'attribute', 'attribute'),
        at: fc.nat(),
        insert: fc.option(fc.constantFrom(...SNIPPETS), { nil: undefined, freq: 4 }),
    });
}

export function applyEdit(text: string, { kind, at, insert }: RandomEdit, lines: readonly string[]): string {
    const pick = <T>(items: readonly T[]): T | undefined => (items.length === 0 ? undefined : items[at % items.length]);
    const splice = (offset: number): string => (insert === undefined ? text.slice(0, offset) + text.slice(offset + 1) : text.slice(0, offset) + insert + text.slice(offset));
    switch (kind) {
        case 'string': {
            const literal = pick([...text.matchAll(/"[^"\n]+"/g)]);
            return literal ? splice(literal.index + 1 + (at % (literal[0].length - 2))) : text;
        }
        case 'name': {
            const name = pick([...text.matchAll(/\b[A-Z][A-Za-z]*\d*\b/g)]);
            return name ? splice(name.index + name[0].length - 1) : text;
        }
        case 'attribute': {
            if (insert === undefined) {
                const written = pick([...text.matchAll(WRITTEN)]);
                return written ? text.slice(0, written.index) + text.slice(written.index + written[0].length) : text;
            }
            const body = pick([...text.matchAll(/\{/g)]);
            return body ? `${text.slice(0, body.index + 1)} ${pick(ATTRIBUTES)!}${text.slice(body.index + 1)}` : text;
        }
        case 'anywhere':
            return splice(at % Math.max(1, text.length));
        case 'line': {
            const all = text.split('\n');
            all.splice(at % all.length, 1, ...(insert === undefined ? [] : [pick(lines)!]));
            return all.join('\n');
        }
    }
}
