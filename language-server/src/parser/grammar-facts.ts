import type { Grammar } from 'langium';
import { AstUtils, GrammarAST, GrammarUtils } from 'langium';

/**
 * What syntax error messages say about the language, read off the grammar so that a clause or a
 * declaration added to it later is listed too: which keywords start a declaration, which clauses
 * a declaration's `{ }` holds, and which words a choice (`response`, `status`, STRIDE category)
 * accepts.
 */
export interface GrammarFacts {
    /** Every keyword that is a word (`process`, `fix`, `Spoofing`), not punctuation. */
    readonly keywords: ReadonlySet<string>;
    /** The keywords that start a declaration at the top level of a file, in grammar order. */
    readonly declarations: readonly string[];
    /** Per parser rule with a `{ }` body: the first keywords of what the body may hold, in grammar order. */
    readonly clauses: ReadonlyMap<string, readonly string[]>;
    /** Per data type rule made of keywords only (`Response`): the keywords, in grammar order. */
    readonly choices: ReadonlyMap<string, readonly string[]>;
    /** Per parser rule: the keyword it starts with (`Datastore` → `datastore`), when it starts with one. */
    readonly leadingKeyword: ReadonlyMap<string, string>;
}

const WORD = /^\w+$/;

/** Reads the {@link GrammarFacts} of a grammar. */
export function grammarFacts(grammar: Grammar): GrammarFacts {
    const keywords = new Set(AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => WORD.test(v)));
    const clauses = new Map<string, readonly string[]>();
    const choices = new Map<string, readonly string[]>();
    const leadingKeyword = new Map<string, string>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule)) continue;
        if (GrammarUtils.isDataTypeRule(rule)) {
            const alternatives = GrammarAST.isAlternatives(rule.definition) ? rule.definition.elements : [rule.definition];
            if (alternatives.every(GrammarAST.isKeyword)) choices.set(rule.name, alternatives.map(k => k.value));
            continue;
        }
        const first = firstKeywords(rule.definition, new Set());
        if (first.length === 1 && GrammarAST.isGroup(rule.definition) && GrammarAST.isKeyword(rule.definition.elements[0])) {
            leadingKeyword.set(rule.name, first[0]!);
        }
        const body = bodyOf(rule);
        if (body) clauses.set(rule.name, firstKeywords(body, new Set()));
    }
    const entry = GrammarUtils.getEntryRule(grammar);
    const declarations = entry ? firstKeywords(entry.definition, new Set()) : [];
    return { keywords, declarations, clauses, choices, leadingKeyword };
}

/** The repeated part of a rule's `{ … }` body: the element after its first `{`, when that one repeats. */
function bodyOf(rule: GrammarAST.ParserRule): GrammarAST.AbstractElement | undefined {
    const open = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).find(k => k.value === '{');
    const group: unknown = open?.$container;
    if (!open || !GrammarAST.isGroup(group)) return undefined;
    const next = group.elements[group.elements.indexOf(open) + 1];
    return next && GrammarUtils.isArrayCardinality(next.cardinality) ? next : undefined;
}

/** The word keywords an element can start with, in grammar order, without duplicates. */
function firstKeywords(element: GrammarAST.AbstractElement, visiting: Set<GrammarAST.ParserRule>): string[] {
    const found: string[] = [];
    const add = (words: readonly string[]): void => {
        for (const w of words) if (!found.includes(w)) found.push(w);
    };
    if (GrammarAST.isKeyword(element)) {
        if (WORD.test(element.value)) add([element.value]);
    } else if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
        for (const e of element.elements) add(firstKeywords(e, visiting));
    } else if (GrammarAST.isGroup(element)) {
        for (const e of element.elements) {
            add(firstKeywords(e, visiting));
            if (!GrammarUtils.isOptionalCardinality(e.cardinality, e)) break;
        }
    } else if (GrammarAST.isAssignment(element)) {
        add(firstKeywords(element.terminal, visiting));
    } else if (GrammarAST.isRuleCall(element)) {
        const rule = element.rule.ref;
        if (GrammarAST.isParserRule(rule) && !visiting.has(rule)) {
            visiting.add(rule);
            add(firstKeywords(rule.definition, visiting));
            visiting.delete(rule);
        }
    }
    return found;
}
