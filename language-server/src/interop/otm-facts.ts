import type { Classification, TrustLevel } from '../generated/ast.js';
import { BUILTIN_RULES_TEXT } from '../rules/builtin-text.js';

/**
 * How OTM's numbers and lists become optional attributes (docs/language.md#optional-attributes) and back (docs/interop.md, "OTM"): a
 * trust zone's `trustRating` (0–100) in three bands, an asset's `confidentiality` (0–100) in four,
 * threat `cwes` as `CWE-N`. Each fact exports as a number inside its own band, so that import reads
 * the same fact back.
 */

/** The trust rating each trust level exports as; import reads 0–33 untrusted, 34–66 partial, 67–100 trusted. */
export const TRUST_RATINGS: Readonly<Record<TrustLevel, number>> = { untrusted: 0, partial: 50, trusted: 100 };

export function trustOfRating(rating: number): TrustLevel {
    return rating <= 33 ? 'untrusted' : rating <= 66 ? 'partial' : 'trusted';
}

/** The confidentiality figure each classification exports as; import reads 0–24 public, 25–49 internal, 50–74 confidential, 75–100 secret. */
export const CONFIDENTIALITY: Readonly<Record<Classification, number>> = { public: 0, internal: 25, confidential: 50, secret: 100 };

export function classificationOfConfidentiality(confidentiality: number): Classification {
    return confidentiality < 25 ? 'public' : confidentiality < 50 ? 'internal' : confidentiality < 75 ? 'confidential' : 'secret';
}

/**
 * A CWE as OTM files write it (`CWE-79`, `cwe 79`, `79`) → its number; undefined for anything
 * else (kept as a comment by the importer).
 */
export function cweNumber(text: string): number | undefined {
    const match = /^\s*(?:cwe\s*[-:\s]?\s*)?(\d{1,9})\s*$/i.exec(text);
    return match ? Number(match[1]) : undefined;
}

export function cweLabel(cwe: number): string {
    return `CWE-${cwe}`;
}

let builtinRules: ReadonlySet<string> | undefined;

/** Whether `name` is a rule of the built-in library (language-server/src/rules/builtin.tm), which every model can name. */
export function isBuiltinRuleName(name: string): boolean {
    builtinRules ??= new Set([...BUILTIN_RULES_TEXT.matchAll(/^rule (\w+)/gm)].map(m => m[1]!));
    return builtinRules.has(name);
}

/** A list of numbers as a `tml.` attribute (`62, 63`) and back; entries that are not numbers are dropped. */
export function numberListAttribute(values: readonly number[]): string | undefined {
    return values.length === 0 ? undefined : values.join(', ');
}

export function parseNumberList(text: string | undefined): number[] {
    return (text ?? '').split(',').map(t => t.trim()).filter(t => /^\d{1,9}$/.test(t)).map(Number);
}

/** Tags as a `tml.tags` attribute (a JSON array: tags may hold commas) and back; malformed text gives none. */
export function tagsAttribute(tags: readonly string[]): string | undefined {
    return tags.length === 0 ? undefined : JSON.stringify(tags);
}

export function parseTagsAttribute(text: string | undefined): string[] {
    if (text === undefined) return [];
    try {
        const parsed: unknown = JSON.parse(text);
        return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
    } catch {
        return [];
    }
}
