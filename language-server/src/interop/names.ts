import { AstUtils, GrammarAST } from 'langium';
import { ThreatModelLanguageGrammar } from '../generated/grammar.js';

/** The ID terminal of the grammar (threat-model.langium). */
const IDENTIFIER = /^[_a-zA-Z]\w*$/;

/** Names are capped so that a 1 MB title does not become a 1 MB identifier. */
const MAX_NAME_LENGTH = 64;

let keywords: ReadonlySet<string> | undefined;

/** Every keyword of the grammar: a keyword cannot be a name, since the lexer reads it as the keyword. */
export function grammarKeywords(): ReadonlySet<string> {
    keywords ??= new Set(AstUtils.streamAllContents(ThreatModelLanguageGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));
    return keywords;
}

/** Whether `name` can be declared in tml: an identifier that is no keyword. */
export function isDeclarableName(name: string): boolean {
    return IDENTIFIER.test(name) && !grammarKeywords().has(name);
}

/**
 * `"Web application (v2)"` → `WebApplicationV2`: the title's letters and digits in PascalCase,
 * accents dropped (`Élévation` → `Elevation`), other characters skipped; `fallback` (the kind,
 * `Process`) when nothing is left, in front of a leading digit, and after a keyword.
 */
export function nameFromTitle(title: string, fallback: string): string {
    const words = title.normalize('NFKD').replace(/\p{M}/gu, '').split(/[^A-Za-z0-9]+/).filter(w => w.length > 0);
    let name = words.map(w => w[0]!.toUpperCase() + w.slice(1)).join('').slice(0, MAX_NAME_LENGTH);
    if (name === '') return fallback;
    if (/^[0-9]/.test(name)) name = `${fallback}${name}`;
    return grammarKeywords().has(name) ? `${name}${fallback}` : name;
}

/** Hands out names unique across one model: a suggestion when it is free and declarable, else one made from the title. */
export class NameAllocator {
    private readonly taken = new Set<string>();
    /** Per base name, the suffix to try next: every smaller one is taken, so 5,000 threats titled "T" stay linear. */
    private readonly nextSuffix = new Map<string, number>();

    claim(title: string, fallback: string, suggested?: string): string {
        if (suggested !== undefined && isDeclarableName(suggested) && !this.taken.has(suggested)) {
            this.taken.add(suggested);
            return suggested;
        }
        const base = nameFromTitle(title, fallback);
        let name = base;
        let suffix = this.nextSuffix.get(base) ?? 2;
        if (this.taken.has(name) || !isDeclarableName(name)) {
            for (name = `${base}${suffix}`; this.taken.has(name) || !isDeclarableName(name); name = `${base}${++suffix}`);
            this.nextSuffix.set(base, suffix + 1);
        }
        this.taken.add(name);
        return name;
    }
}
