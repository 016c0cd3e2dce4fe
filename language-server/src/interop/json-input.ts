import { capText } from '../validation/quote.js';
import { ImportError } from './imported-model.js';
import { commentText } from './tml-text.js';

export type JsonObject = { readonly [key: string]: unknown };

/**
 * Parses a JSON file's text.
 * @throws ImportError "malformed JSON at line L, column C: …" (the parser's reason, first line).
 */
export function parseJson(text: string): unknown {
    try {
        return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
        const message = error instanceof Error ? error.message.split('\n', 1)[0]! : String(error);
        const position = /at position (\d+)/.exec(message)?.[1];
        const where = position === undefined ? '' : ` at ${lineAndColumn(text, Number(position))}`;
        // V8 quotes a piece of the file after the reason; the reason alone is the message (the file may hold anything).
        throw new ImportError(`malformed JSON${where}: ${capText(commentText(message.replace(/ at position \d+.*$/, '').replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')))}`);
    }
}

function lineAndColumn(text: string, offset: number): string {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

export function isObject(value: unknown): value is JsonObject {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]` when `value` is an object. */
export function field(value: unknown, key: string): unknown {
    return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** A string field, or a number written as text; undefined for anything else, and for blank text. */
export function textField(value: unknown, key: string): string | undefined {
    const found = field(value, key);
    const text = typeof found === 'string' ? found : typeof found === 'number' && Number.isFinite(found) ? String(found) : undefined;
    return text === undefined || text.trim() === '' ? undefined : text;
}

/** A string field as it is, blank included (a title may be empty); a number as text. */
export function stringField(value: unknown, key: string): string | undefined {
    const found = field(value, key);
    return typeof found === 'string' ? found : typeof found === 'number' && Number.isFinite(found) ? String(found) : undefined;
}

export function booleanField(value: unknown, key: string): boolean {
    return field(value, key) === true;
}

export function numberField(value: unknown, key: string): number | undefined {
    const found = field(value, key);
    return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

/** An array field's entries; none when absent or not an array. */
export function arrayField(value: unknown, key: string): readonly unknown[] {
    const found = field(value, key);
    return Array.isArray(found) ? found : [];
}

/** An object field's entries that are strings, numbers or booleans, as text. */
export function scalarEntries(value: unknown): [string, string][] {
    if (!isObject(value)) return [];
    return Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [[k, String(v)] as [string, string]] : []));
}

/** Throws the "does not look like" error of a format when `condition` fails. */
export function expect(condition: boolean, message: string): asserts condition {
    if (!condition) throw new ImportError(message);
}

/** `{ [key]: value }` when value is defined, else `{}`: for optional fields under exactOptionalPropertyTypes. */
export function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
    return value === undefined ? {} : ({ [key]: value } as { [P in K]?: string });
}
