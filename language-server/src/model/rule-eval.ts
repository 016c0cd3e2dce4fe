import type { Condition, DfdElement, FactTest, Quantifier, Rule } from '../generated/ast.js';
import { isAsset } from '../generated/ast.js';
import { capText, quote } from '../validation/quote.js';
import { CompiledRules } from './rule-compiled.js';
import type { FactSubject, FactValue, RuleFacts } from './rule-facts.js';
import type { FactDefinition, ResolvedPath, Subject } from './rule-vocabulary.js';
import { isPathError, resolvePath } from './rule-vocabulary.js';

/** Three-valued: `undefined` is unknown, which is neither true nor false ("unknown is never false"). */
type Truth = boolean | undefined;

/** A condition's value on one subject, and the facts that decided it, in the language's words. */
interface Outcome {
    readonly value: Truth;
    readonly because: readonly string[];
}

/** Whether a rule holds for an element, and the facts that made it hold ("carries 'Passwords' (credentials)", "is not encrypted"). */
export interface RuleMatch {
    readonly holds: boolean;
    readonly because: readonly string[];
}

const NO_WORDS: readonly string[] = [];
const UNKNOWN: Outcome = { value: undefined, because: NO_WORDS };
const TRUE: Outcome = { value: true, because: NO_WORDS };
const FALSE: Outcome = { value: false, because: NO_WORDS };
const NO_MATCH: RuleMatch = { holds: false, because: [] };
const MATCH: RuleMatch = { holds: true, because: NO_WORDS };

/**
 * An outcome; one without words is one of three shared objects. Outcomes are kept per
 * (quantifier, subject), and most have no words (every one of the quiet evaluation's): at 20,000
 * elements that were 160,000 objects alive until the end of a `tml check`.
 */
function outcome(value: Truth, because: readonly string[]): Outcome {
    if (because.length > 0) return { value, because };
    return value === undefined ? UNKNOWN : value ? TRUE : FALSE;
}

/** How a yes/no fact reads when it holds, and when it does not. */
const BOOLEAN_WORDS: Readonly<Record<string, readonly [string, string]>> = {
    entrypoint: ['is an entry point', 'is not an entry point'],
    privileged: ['is privileged', 'is not privileged'],
    logs: ['holds logs', 'holds no logs'],
    encrypted: ['is encrypted', 'is not encrypted'],
    authenticated: ['is authenticated', 'is not authenticated'],
    bidirectional: ['carries data both ways', 'carries data one way'],
    crossesBoundary: ['crosses a trust boundary', 'crosses no trust boundary'],
    fromLessTrusted: ['comes from a less trusted zone', 'does not come from a less trusted zone'],
};

/** How a list reads for one member, and when no member qualifies. */
const LIST_WORDS: Readonly<Record<string, readonly [string, string]>> = {
    flowsIn: ['receives flow', 'receives no flow'],
    flowsOut: ['sends flow', 'sends no flow'],
    carries: ['carries', 'carries no asset'],
    stores: ['stores', 'stores no asset'],
};

/**
 * Evaluates rules (docs/language.md#rules) on the {@link RuleFacts} of a build. Conditions have no loops
 * and quantifiers range over a node's flows or a flow's assets; a quantifier's outcome is kept
 * per subject, so nested quantifiers cost at most once per (quantifier, subject): the work is
 * linear in the size of the model times the size of the rules.
 *
 * Most rules do not hold for most elements, and the words that explain an outcome were most of
 * the cost of evaluating them (on every keystroke, for every element): a rule is evaluated
 * without words first, compiled (model/rule-compiled.ts), and again with words, walking its tree,
 * only when it holds. The values are the same either way (test/unit/perf/rule-eval-quiet.test.ts,
 * test/unit/perf/rule-compiled.test.ts).
 */
export class RuleEvaluator {
    private readonly quiet: CompiledRules;
    private explained: ConditionEvaluator | undefined;

    constructor(private readonly facts: RuleFacts) {
        this.quiet = new CompiledRules(facts);
    }

    /** Whether `rule` holds for `element`: of its kind, `when` true (or absent) and `unless` false (or absent). */
    evaluate(rule: Rule, element: DfdElement): RuleMatch {
        if (!this.quiet.holds(rule, element)) return NO_MATCH;
        this.explained ??= new ConditionEvaluator(this.facts, true);
        return this.explained.evaluate(rule, element);
    }
}

/**
 * The three-valued evaluation of conditions, with the words that explain each outcome when
 * `explain` is set, and with none otherwise ({@link RuleEvaluator} uses both).
 */
export class ConditionEvaluator {
    private readonly memo = new Map<Quantifier, Map<FactSubject, Outcome>>();
    /** Each path of the rules resolved once per kind of subject, not once per element. */
    private readonly paths = new Map<readonly string[], Map<Subject, ResolvedPath | undefined>>();

    constructor(private readonly facts: RuleFacts, private readonly explain: boolean) {}

    /** Whether `rule` holds for `element`: of its kind, `when` true (or absent) and `unless` false (or absent). */
    evaluate(rule: Rule, element: DfdElement): RuleMatch {
        if (!rule.on || subjectOf(element) !== rule.on) return NO_MATCH;
        const when = rule.when ? this.condition(rule.when, element) : TRUE;
        if (when.value !== true) return NO_MATCH;
        if (rule.unless && this.condition(rule.unless, element).value !== false) return NO_MATCH;
        return when.because.length > 0 ? { holds: true, because: when.because } : MATCH;
    }

    private condition(condition: Condition, subject: FactSubject): Outcome {
        // By $type rather than the generated isOrCondition()…: a Condition is exactly one of these
        // five, and the type guards' subtype lookup was a fifth of evaluating rules.
        switch (condition.$type) {
            case 'OrCondition':
                return this.or(condition.operands, subject);
            case 'AndCondition':
                return this.and(condition.operands, subject);
            case 'NotCondition': {
                if (!condition.operand) return UNKNOWN;
                const inner = this.condition(condition.operand, subject);
                return outcome(inner.value === undefined ? undefined : !inner.value, inner.because);
            }
            case 'Quantifier':
                return this.quantifier(condition, subject);
            case 'FactTest':
                return this.test(condition, subject);
        }
        return UNKNOWN;
    }

    private and(operands: readonly Condition[], subject: FactSubject): Outcome {
        const outcomes = operands.map(o => this.condition(o, subject));
        const failed = outcomes.find(o => o.value === false);
        if (failed) return failed;
        if (outcomes.some(o => o.value === undefined)) return UNKNOWN;
        return outcome(true, this.explain ? outcomes.flatMap(o => o.because) : NO_WORDS);
    }

    private or(operands: readonly Condition[], subject: FactSubject): Outcome {
        const outcomes = operands.map(o => this.condition(o, subject));
        const held = outcomes.find(o => o.value === true);
        if (held) return held;
        if (outcomes.some(o => o.value === undefined)) return UNKNOWN;
        return outcome(false, this.explain ? outcomes.flatMap(o => o.because) : NO_WORDS);
    }

    private quantifier(quantifier: Quantifier, subject: FactSubject): Outcome {
        let bySubject = this.memo.get(quantifier);
        if (!bySubject) this.memo.set(quantifier, bySubject = new Map());
        let outcome = bySubject.get(subject);
        if (!outcome) bySubject.set(subject, outcome = this.quantify(quantifier, subject));
        return outcome;
    }

    private quantify(quantifier: Quantifier, subject: FactSubject): Outcome {
        const read = this.read(quantifier.list?.segments ?? [], subject);
        if (!read || read.fact.type.kind !== 'list' || !Array.isArray(read.value)) return UNKNOWN;
        const [some, none] = LIST_WORDS[read.fact.name] ?? ['has', 'has none'];
        const members = read.value as readonly FactSubject[];
        let unknown = false;
        for (const member of members) {
            const inner = quantifier.condition ? this.condition(quantifier.condition, member) : TRUE;
            if (inner.value === undefined) unknown = true;
            if (inner.value !== true) continue;
            if (!this.explain) return outcome(quantifier.quantifier === 'any', NO_WORDS);
            const detail = inner.because.length > 0 ? ` (${inner.because.join(', ')})` : '';
            return outcome(quantifier.quantifier === 'any', [`${read.prefix}${some} ${quote(member.name)}${detail}`]);
        }
        if (unknown) return UNKNOWN;
        if (!this.explain) return outcome(quantifier.quantifier === 'no', NO_WORDS);
        const text = quantifier.condition?.$cstNode?.text;
        const matching = text === undefined ? '' : ` matching (${capText(text)})`;
        return outcome(quantifier.quantifier === 'no', [`${read.prefix}${none}${matching}`]);
    }

    private test(test: FactTest, subject: FactSubject): Outcome {
        const read = this.read(test.path?.segments ?? [], subject);
        if (!read || read.value === undefined) return UNKNOWN;
        const { fact, value, prefix, owner } = read;
        const type = fact.type.kind;
        if (test.value !== undefined || test.values.length > 0) {
            if ((type !== 'enum' && type !== 'text') || typeof value !== 'string') return UNKNOWN;
            const wanted = test.value !== undefined ? [test.value] : test.values;
            const found = wanted.some(w => w.toLowerCase() === value.toLowerCase());
            return outcome(test.negated ? !found : found, this.explain ? [prefix + valueWords(fact, value, isAsset(owner))] : NO_WORDS);
        }
        if (test.text !== undefined) {
            if (type !== 'texts' || !Array.isArray(value)) return UNKNOWN;
            const found = (value as readonly string[]).some(v => v.toLowerCase() === test.text!.toLowerCase());
            return outcome(found, this.explain ? [prefix + hasWords(fact.name, test.text, found, owner)] : NO_WORDS);
        }
        if (type !== 'boolean' || typeof value !== 'boolean') return UNKNOWN;
        const [yes, no] = BOOLEAN_WORDS[fact.name] ?? [`is ${fact.name}`, `is not ${fact.name}`];
        return outcome(value, this.explain ? [prefix + (value ? yes : no)] : NO_WORDS);
    }

    private resolve(segments: readonly string[], subject: Subject): ResolvedPath | undefined {
        let bySubject = this.paths.get(segments);
        if (!bySubject) this.paths.set(segments, bySubject = new Map());
        if (!bySubject.has(subject)) bySubject.set(subject, asResolved(resolvePath(subject, segments)));
        return bySubject.get(subject);
    }

    /** Follows a path from `subject`: its last fact, that fact's value, and words for the nodes passed on the way. */
    private read(segments: readonly string[], subject: FactSubject): PathReading | undefined {
        const resolved = segments.length > 0 ? this.resolve(segments, subjectOf(subject)) : undefined;
        if (!resolved) return undefined;
        let current: FactSubject = subject;
        let prefix = '';
        for (const segment of segments.slice(0, -1)) {
            const next = this.facts.valueOf(current, segment);
            if (!next || typeof next !== 'object' || Array.isArray(next)) return undefined;
            current = next as FactSubject;
            if (this.explain) prefix += `${segment} ${quote(current.name)} `;
        }
        return { fact: resolved.fact, value: this.facts.valueOf(current, resolved.fact.name), prefix, owner: current };
    }
}

/** What a path read: its last fact and that fact's value, on `owner` (reached through `prefix`, "source 'Partner' "). */
interface PathReading {
    readonly fact: FactDefinition;
    readonly value: FactValue;
    readonly prefix: string;
    readonly owner: FactSubject;
}

function asResolved(result: ReturnType<typeof resolvePath>): ResolvedPath | undefined {
    return isPathError(result) ? undefined : result;
}

/** The subject kind of an element or asset, as the vocabulary knows it. */
export function subjectOf(subject: FactSubject): Subject {
    return subject.$type === 'Asset' ? 'asset' : subject.$type.toLowerCase() as Subject;
}

/** "has trust untrusted", "has protocol 'HTTP'", "is a process"; for an asset only the value ("credentials"). */
function valueWords(fact: FactDefinition, value: string, ofAsset: boolean): string {
    const shown = fact.type.kind === 'text' ? quote(value) : value;
    if (ofAsset) return fact.name === 'name' ? `named ${shown}` : shown;
    if (fact.name === 'kind') return `is a ${value}`;
    return `has ${fact.name} ${shown}`;
}

function hasWords(fact: string, text: string, found: boolean, subject: FactSubject): string {
    switch (fact) {
        case 'tags': return found ? `is tagged ${quote(text)}` : `is not tagged ${quote(text)}`;
        case 'boundaries': return found ? `is inside ${quote(text)}` : `is not inside ${quote(text)}`;
        case 'tech': {
            const technology = isAsset(subject) || subject.$type === 'Flow' || subject.$type === 'External' ? undefined : subject.technology;
            const is = found ? 'is' : 'is not';
            return technology === undefined ? `${is} ${text}` : `runs ${quote(technology)}, which ${is} ${text}`;
        }
    }
    return found ? `${fact} has ${quote(text)}` : `${fact} does not have ${quote(text)}`;
}
