import { capText } from '../validation/quote.js';
import { capitalise, withArticle } from '../shared/prose.js';
import { didYouMean } from './did-you-mean.js';
import type { GrammarFacts } from './grammar-facts.js';

/** A token as the messages see it; `start` is NaN at the end of the file. */
export interface SyntaxToken {
    readonly image: string;
    /** `ID`, `STRING`, `INT`, `EOF`, or the keyword itself (`}`, `process`). */
    readonly type: string;
    readonly start: number;
}

/** What the parser met: the rule it was in, what it wanted, what it found. */
export interface SyntaxProblem {
    /** The grammar rule being parsed (`Datastore`, `Response`, `Model` at the top level). */
    readonly rule: string;
    /** The token types the parser would have accepted here. */
    readonly expected: readonly string[];
    readonly actual: SyntaxToken;
    readonly previous?: SyntaxToken;
}

/** A replacement a quick-fix can make: the text from `start` to `end` by one of `texts` (best first). */
export interface SyntaxFix {
    readonly start: number;
    readonly end: number;
    readonly texts: readonly string[];
}

/** A message in tml's words, and the fix it suggests, if any. */
export interface SyntaxMessage {
    readonly message: string;
    readonly fix?: SyntaxFix;
}

/** Everything the messages know about the language. */
export interface SyntaxVocabulary {
    readonly facts: GrammarFacts;
    /** Per rule, how it is written (parser/rule-syntax.ts). */
    readonly syntaxes: ReadonlyMap<string, string>;
}

/** Nouns for rules whose keyword does not read as one, and for the choices (data type rules). */
const RULE_NOUNS: Readonly<Record<string, string>> = {
    Model: 'file',
    Dread: 'dread block',
    ThreatTree: 'threat tree',
    TreeGate: 'and/or node',
    StrideCategory: 'STRIDE category',
    DreadFactorName: 'DREAD factor',
    MitigationStatus: 'mitigation status',
};

/** What the `{ }` of a rule holds, where "clause" does not fit. */
const BODY_NOUNS: Readonly<Record<string, string>> = {
    Boundary: 'member',
    Dread: 'factor',
    ThreatTree: 'node',
    TreeGate: 'node',
};

const NAME_RULE = 'names hold only letters, digits and _, and start with a letter or _';

function nounOf(rule: string, vocabulary: SyntaxVocabulary): string {
    return RULE_NOUNS[rule] ?? vocabulary.facts.leadingKeyword.get(rule) ?? rule.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

function list(words: readonly string[]): string {
    return words.join(', ');
}

function isEnd(token: SyntaxToken): boolean {
    return token.type === 'EOF' || Number.isNaN(token.start);
}

/** How a message names what was found: `'x'`, `the text "x"`, `the number 5`, `the end of the file`. */
export function describeFound(token: SyntaxToken): string {
    if (isEnd(token)) return 'the end of the file';
    if (token.type === 'STRING') return `the text ${capText(token.image)}`;
    if (token.type === 'INT') return `the number ${capText(token.image)}`;
    return `'${capText(token.image)}'`;
}

function describeExpected(expected: string, problem: SyntaxProblem, vocabulary: SyntaxVocabulary): string {
    switch (expected) {
        case 'ID': return 'a name';
        case 'STRING': {
            const before = problem.previous;
            return before && vocabulary.facts.keywords.has(before.image) && before.type !== 'ID' ? `a text in double quotes after '${before.image}'` : 'a title in double quotes';
        }
        case 'INT': return 'a whole number';
        case 'EOF': return 'the end of the file';
        default: return `'${expected}'`;
    }
}

/** The whole word around a `-` written between two words: `api-gateway`. */
function hyphenatedName(actual: SyntaxToken, text: string): SyntaxFix | undefined {
    if (actual.image !== '-' || !/\w/.test(text.charAt(actual.start - 1)) || !/\w/.test(text.charAt(actual.start + 1))) return undefined;
    const start = actual.start - (/\w{1,200}$/.exec(text.slice(Math.max(0, actual.start - 200), actual.start))?.[0].length ?? 0);
    const name = /^\w+(?:-\w+)+/.exec(text.slice(start, start + 400))?.[0];
    if (!name || !/^[_a-zA-Z]/.test(name)) return undefined;
    const parts = name.split('-');
    const camel = parts[0]! + parts.slice(1).map(capitalise).join('');
    return { start, end: start + name.length, texts: [parts.join('_'), camel] };
}

/** "Information Disclosure" for `InformationDisclosure`: a choice written as several words. */
function spacedChoice(actual: SyntaxToken, choices: readonly string[], text: string): SyntaxFix | undefined {
    if (isEnd(actual)) return undefined;
    const after = text.slice(actual.start, actual.start + 80);
    for (let n = 4; n >= 2; n--) {
        const words = new RegExp(`^[A-Za-z]+(?:[ \\t]+[A-Za-z]+){${n - 1}}`).exec(after)?.[0];
        const choice = words && choices.find(c => c.toLowerCase() === words.replace(/[ \t]+/g, '').toLowerCase());
        if (words && choice) return { start: actual.start, end: actual.start + words.length, texts: [choice] };
    }
    return undefined;
}

function replaceActual(actual: SyntaxToken, suggestion: string | undefined): SyntaxFix | undefined {
    return suggestion === undefined ? undefined : { start: actual.start, end: actual.start + actual.image.length, texts: [suggestion] };
}

/** The rules whose `{ }` holds `word`, as nouns ("a flow"). */
function ownersOf(word: string, vocabulary: SyntaxVocabulary): string[] {
    return [...vocabulary.facts.clauses].filter(([, clauses]) => clauses.includes(word)).map(([rule]) => withArticle(nounOf(rule, vocabulary)));
}

function choiceMessage(problem: SyntaxProblem, choices: readonly string[], text: string, vocabulary: SyntaxVocabulary): SyntaxMessage {
    const noun = nounOf(problem.rule, vocabulary);
    const allowed = `${capitalise(withArticle(noun))} is one of: ${list(choices)}.`;
    const { actual } = problem;
    if (isEnd(actual)) return { message: `${capitalise(withArticle(noun))} is missing at the end of the file. ${allowed}` };
    const spaced = spacedChoice(actual, choices, text);
    if (spaced) {
        const written = text.slice(spaced.start, spaced.end);
        return { message: `'${capText(written)}' is not ${withArticle(noun)}: write it as one word, '${spaced.texts[0]}'. ${allowed}`, fix: spaced };
    }
    const word = actual.type === 'ID' || vocabulary.facts.keywords.has(actual.image);
    if (!word) return { message: `${capitalise(withArticle(noun))} is missing before ${describeFound(actual)}. ${allowed}` };
    const suggestion = didYouMean(actual.image, choices);
    const meant = suggestion ? `; did you mean '${suggestion}'?` : '.';
    return { message: `'${capText(actual.image)}' is not ${withArticle(noun)}${meant} ${allowed}`, fix: replaceActual(actual, suggestion) };
}

/** The word right before `offset`, with only white space between, if there is one. */
function wordBefore(text: string, offset: number): string | undefined {
    return /(\w+)\s*$/.exec(text.slice(Math.max(0, offset - 200), offset))?.[1];
}

function clauseMessage(problem: SyntaxProblem, clauses: readonly string[], text: string, vocabulary: SyntaxVocabulary): SyntaxMessage | undefined {
    const { actual, rule } = problem;
    const owner = nounOf(rule, vocabulary);
    const noun = BODY_NOUNS[rule] ?? 'clause';
    const allowed = `${capitalise(withArticle(owner))}'s ${noun}s are: ${list(clauses)}.`;
    if (isEnd(actual)) return { message: `This ${owner} is not closed: add '}' at its end.` };
    if (actual.type === ',') {
        return { message: `',' only separates the names of a list (targets A, B). ${capitalise(noun)}s are written one after another, without ','. ${allowed}`, fix: replaceActual(actual, '') };
    }
    if (actual.type === 'STRING' || actual.type === 'INT') {
        return { message: `${capitalise(describeFound(actual))} needs a ${noun} before it. ${allowed}` };
    }
    const word = actual.type === 'ID' || vocabulary.facts.keywords.has(actual.image);
    if (!word) return { message: `${describeFound(actual)} cannot stand inside ${withArticle(owner)}'s { }. ${allowed}` };
    const holdsDeclarations = clauses.some(c => vocabulary.facts.declarations.includes(c));
    if (vocabulary.facts.declarations.includes(actual.image) && !clauses.includes(actual.image) && holdsDeclarations) {
        return { message: `${capitalise(withArticle(actual.image))} cannot be declared inside ${withArticle(owner)}: declare it outside. ${allowed}` };
    }
    if (vocabulary.facts.declarations.includes(actual.image) && !clauses.includes(actual.image)) {
        return { message: `'${actual.image}' starts a new declaration, but the ${owner} before it is not closed: add '}' before '${actual.image}'.` };
    }
    const before = wordBefore(text, actual.start);
    if (actual.type === 'ID' && before !== undefined && !vocabulary.facts.keywords.has(before)) {
        return { message: `'${capText(actual.image)}' is not a ${noun} of ${withArticle(owner)}: to list several names, separate them with ',' (targets A, B). ${allowed}` };
    }
    const suggestion = didYouMean(actual.image, clauses);
    const owners = ownersOf(actual.image, vocabulary);
    const elsewhere = owners.length > 0 && !suggestion ? ` ('${actual.image}' is a ${noun} of ${owners.join(' and ')}.)` : '';
    const meant = suggestion ? `; did you mean '${suggestion}'?` : '.';
    return { message: `'${capText(actual.image)}' is not a ${noun} of ${withArticle(owner)}${meant}${elsewhere} ${allowed}`, fix: replaceActual(actual, suggestion) };
}

function topLevelMessage(problem: SyntaxProblem, vocabulary: SyntaxVocabulary): SyntaxMessage {
    const { actual } = problem;
    const declarations = vocabulary.facts.declarations;
    const allowed = `A declaration starts with one of: ${list(declarations)}.`;
    if (actual.type === '}') return { message: `This '}' closes nothing: remove it, or add the '{' it should close.` };
    const word = actual.type === 'ID' || vocabulary.facts.keywords.has(actual.image);
    if (!word) return { message: `${capitalise(describeFound(actual))} cannot start a declaration. ${allowed}` };
    const owners = ownersOf(actual.image, vocabulary);
    if (owners.length > 0) {
        return { message: `'${actual.image}' is a clause of ${owners.join(' and ')}: write it inside the { } of the declaration it belongs to.` };
    }
    const suggestion = didYouMean(actual.image, declarations);
    const meant = suggestion ? `; did you mean '${suggestion}'?` : '.';
    return { message: `'${capText(actual.image)}' does not start a declaration${meant} ${allowed}`, fix: replaceActual(actual, suggestion) };
}

/** A clause keyword followed by something other than its value: `technology Node`, `damage High`. */
function valueMessage(problem: SyntaxProblem, vocabulary: SyntaxVocabulary): SyntaxMessage | undefined {
    const { actual, previous } = problem;
    const clause = previous?.image;
    if (!clause || previous.type === 'ID' || !vocabulary.facts.keywords.has(clause) || problem.expected.length !== 1) return undefined;
    if (problem.expected[0] === 'STRING') {
        const word = actual.type === 'ID' || vocabulary.facts.keywords.has(actual.image);
        return {
            message: `'${clause}' is followed by a text in double quotes (${clause} "…"), not ${describeFound(actual)}.`,
            fix: word && !isEnd(actual) ? replaceActual(actual, `"${actual.image}"`) : undefined,
        };
    }
    if (problem.expected[0] === 'INT') return { message: `'${clause}' is followed by a whole number (${clause} 5), not ${describeFound(actual)}.` };
    return undefined;
}

function keywordAsName(problem: SyntaxProblem, vocabulary: SyntaxVocabulary): SyntaxMessage | undefined {
    const { actual } = problem;
    if (!problem.expected.includes('ID') || actual.type === 'ID' || !vocabulary.facts.keywords.has(actual.image)) return undefined;
    const alternative = capitalise(actual.image);
    const other = vocabulary.facts.keywords.has(alternative) ? `${actual.image}_` : alternative;
    return {
        message: `'${actual.image}' is a keyword of tml, so it cannot be a name here; use another name, such as '${other}'.`,
        fix: replaceActual(actual, other),
    };
}

function digitName(problem: SyntaxProblem, text: string): SyntaxMessage | undefined {
    const { actual } = problem;
    if (!problem.expected.includes('ID') || actual.type !== 'INT') return undefined;
    const word = /^\d+\w+/.exec(text.slice(actual.start, actual.start + 200))?.[0];
    if (!word) return undefined;
    return { message: `'${capText(word)}' is not a valid name: ${NAME_RULE}.` };
}

/**
 * The message for a syntax error, in tml's words: what was found, what the language allows there
 * (read from the grammar), and what the user most likely meant. Never Chevrotain's wording.
 */
export function syntaxMessage(problem: SyntaxProblem, text: string, vocabulary: SyntaxVocabulary): SyntaxMessage {
    const hyphen = hyphenatedName(problem.actual, text);
    if (hyphen) {
        const written = text.slice(hyphen.start, hyphen.end);
        return { message: `'${capText(written)}' is not a valid name: ${NAME_RULE}, so '-' cannot be part of one. Write ${hyphen.texts.join(' or ')}.`, fix: hyphen };
    }
    const choices = vocabulary.facts.choices.get(problem.rule);
    if (choices) return choiceMessage(problem, choices, text, vocabulary);
    const special = keywordAsName(problem, vocabulary) ?? digitName(problem, text);
    if (special) return special;
    if (problem.rule === 'Model' || problem.expected.includes('EOF')) return topLevelMessage(problem, vocabulary);
    const clauses = vocabulary.facts.clauses.get(problem.rule);
    if (clauses && problem.expected.includes('}')) {
        const message = clauseMessage(problem, clauses, text, vocabulary);
        if (message) return message;
    }
    const value = valueMessage(problem, vocabulary);
    if (value) return value;
    const wanted = problem.expected.map(e => describeExpected(e, problem, vocabulary));
    const quoted = problem.expected.length === 1 && problem.expected[0] === 'STRING' && problem.actual.type === 'ID' ? replaceActual(problem.actual, `"${problem.actual.image}"`) : undefined;
    const syntax = vocabulary.syntaxes.get(problem.rule);
    const written = syntax ? ` ${capitalise(withArticle(nounOf(problem.rule, vocabulary)))} is written: ${syntax}.` : '';
    return { message: `${capitalise(wanted.join(' or '))} should come here, not ${describeFound(problem.actual)}.${written}`, fix: quoted };
}
