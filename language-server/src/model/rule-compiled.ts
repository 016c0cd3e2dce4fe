import type { Condition, DfdElement, FactTest, Quantifier, Rule } from '../generated/ast.js';
import type { FactSubject, FactValue, RuleFacts } from './rule-facts.js';
import type { FactDefinition, Subject } from './rule-vocabulary.js';
import { isPathError, memberSubject, resolvePath } from './rule-vocabulary.js';

/**
 * One question about a condition, compiled for one kind of subject: whether the condition is true
 * (or, asked the other way, whether it is false) on a subject of that kind. Unknown is neither.
 */
type Test = (subject: FactSubject) => boolean;

const never: Test = () => false;
const always: Test = () => true;

/**
 * Whether rules hold, without the words that explain them (model/rule-eval.ts adds those when a
 * rule holds): each rule's conditions compiled once into closures, for the kind of subject each
 * condition is evaluated on.
 *
 * Evaluating every rule on every element by walking its syntax tree was a tenth of a first build,
 * mostly in V8's interpreter before the JIT: a switch on the node's type per condition, each path
 * looked up in the vocabulary per element, a three-valued outcome per operand. A rule holds when
 * its `when` is true and its `unless` false, so each condition is compiled to answer one of two
 * yes/no questions, "is it true?" or "is it false?", which is all that is asked of it:
 * - `a and b` is true when both are, false when either is; `or` the other way round;
 * - `not a` is true when `a` is false, and false when `a` is true;
 * - `any L (c)` is true when `c` is true for some member, false when it is false for every one;
 *   `no L (c)` the other way round;
 * - a fact test is neither when the fact is unknown.
 * So `and`, `or` and quantifiers stop at the first operand or member that decides the question
 * (an unknown one too), a path is resolved in the vocabulary once, a value list lowered once, and
 * the cheap operands of `and` and `or` are asked before the quantifiers. The answers are those of
 * the three-valued tree walk (`ConditionEvaluator`; test/unit/perf/rule-compiled.test.ts compares
 * them over random rules and models).
 *
 * A quantifier whose subjects can be reached more than once (through a path such as
 * `source.flowsIn`) keeps its answer per subject, so it costs at most once per (quantifier,
 * subject); the memo is dropped with the evaluator. Other quantifiers are asked once per subject:
 * a flow is in one node's `flowsIn` and one node's `flowsOut`.
 */
export class CompiledRules {
    private readonly compiled = new Map<Rule, Test>();

    constructor(private readonly facts: RuleFacts) {}

    /** Whether `rule` holds for `element`: of its kind, `when` true (or absent) and `unless` false (or absent). */
    holds(rule: Rule, element: DfdElement): boolean {
        let test = this.compiled.get(rule);
        if (!test) this.compiled.set(rule, test = this.rule(rule));
        return test(element);
    }

    private rule(rule: Rule): Test {
        const on = rule.on as Subject | undefined;
        const kind = on ? KIND_OF_SUBJECT[on] : undefined;
        if (!on || !kind) return never;
        const when = rule.when ? this.condition(rule.when, on, true, false) : always;
        const unless = rule.unless ? this.condition(rule.unless, on, false, false) : undefined;
        if (!unless) return element => element.$type === kind && when(element);
        return element => element.$type === kind && when(element) && unless(element);
    }

    /**
     * Whether `condition` is `wanted` (true, or false) on a `subject`; `many` when the same subject
     * can be asked about more than once in one evaluation of every rule on every element.
     */
    private condition(condition: Condition, subject: Subject, wanted: boolean, many: boolean): Test {
        switch (condition.$type) {
            case 'OrCondition':
            case 'AndCondition': {
                const operands = byCost(condition.operands).map(o => this.condition(o, subject, wanted, many));
                // `and` is true when every operand is, `or` false when every operand is; else one operand answering decides.
                return (condition.$type === 'AndCondition') === wanted ? every(operands) : some(operands);
            }
            case 'NotCondition':
                return condition.operand ? this.condition(condition.operand, subject, !wanted, many) : never;
            case 'Quantifier':
                return this.quantifier(condition, subject, wanted, many);
            case 'FactTest':
                return this.test(condition, subject, wanted);
        }
        return never;
    }

    private quantifier(quantifier: Quantifier, subject: Subject, wanted: boolean, many: boolean): Test {
        const segments = quantifier.list?.segments ?? [];
        const path = this.path(segments, subject);
        if (!path || path.fact.type.kind !== 'list') return never;
        const member = memberSubject(path.fact.type)!;
        const membersMany = many || segments.length > 1;
        const inner = (answer: boolean): Test => quantifier.condition ? this.condition(quantifier.condition, member, answer, membersMany) : answer ? always : never;
        const { read } = path;
        // Some member true, or every member false (the only two outcomes that are not unknown).
        const someTrue = (): Test => {
            const isTrue = inner(true);
            return s => {
                const members = read(s);
                if (!Array.isArray(members)) return false;
                for (const m of members as readonly FactSubject[]) if (isTrue(m)) return true;
                return false;
            };
        };
        const allFalse = (): Test => {
            const isFalse = inner(false);
            return s => {
                const members = read(s);
                if (!Array.isArray(members)) return false;
                for (const m of members as readonly FactSubject[]) if (!isFalse(m)) return false;
                return true;
            };
        };
        let test: Test;
        switch (quantifier.quantifier) {
            case 'any': test = wanted ? someTrue() : allFalse(); break;
            case 'no': test = wanted ? allFalse() : someTrue(); break;
            // Not written (a syntax error): never true, and false once no member is unknown.
            default: test = wanted ? never : either(someTrue(), allFalse());
        }
        return many ? remembered(test) : test;
    }

    private test(test: FactTest, subject: Subject, wanted: boolean): Test {
        const path = this.path(test.path?.segments ?? [], subject);
        if (!path) return never;
        const { read } = path;
        const type = path.fact.type.kind;
        if (test.value !== undefined || test.values.length > 0) {
            if (type !== 'enum' && type !== 'text') return never;
            const values = (test.value !== undefined ? [test.value] : test.values).map(w => w.toLowerCase());
            // `is not` is true where `is` is false; unknown either way when the fact is.
            const found = test.negated ? !wanted : wanted;
            return s => {
                const value = read(s);
                return typeof value === 'string' && values.includes(value.toLowerCase()) === found;
            };
        }
        if (test.text !== undefined) {
            if (type !== 'texts') return never;
            const text = test.text.toLowerCase();
            return s => {
                const value = read(s);
                if (!Array.isArray(value)) return false;
                for (const v of value as readonly string[]) if (v.toLowerCase() === text) return wanted;
                return !wanted;
            };
        }
        if (type !== 'boolean') return never;
        return s => read(s) === wanted;
    }

    /** A path resolved once for `subject`: its last fact, and how to read that fact's value (`undefined` when a node on the way is missing). */
    private path(segments: readonly string[], subject: Subject): { readonly fact: FactDefinition; readonly read: (s: FactSubject) => FactValue } | undefined {
        if (segments.length === 0) return undefined;
        const resolved = resolvePath(subject, segments);
        if (isPathError(resolved)) return undefined;
        const read = this.facts.reader(resolved.fact.name);
        if (segments.length === 1) return { fact: resolved.fact, read };
        const via = segments.slice(0, -1).map(segment => this.facts.reader(segment));
        return {
            fact: resolved.fact,
            read: s => {
                let current = s;
                for (const readNext of via) {
                    const next = readNext(current);
                    if (!next || typeof next !== 'object' || Array.isArray(next)) return undefined;
                    current = next as FactSubject;
                }
                return read(current);
            },
        };
    }
}

/** The element `$type` a rule's `on` names. */
const KIND_OF_SUBJECT: Readonly<Record<Subject, string | undefined>> = {
    external: 'External', process: 'Process', datastore: 'Datastore', flow: 'Flow', node: undefined, asset: undefined,
};

/** Operands with quantifiers after the others (a stable sort): a fact test read off the subject often answers alone. */
function byCost(operands: readonly Condition[]): readonly Condition[] {
    const cheap = operands.filter(o => !hasQuantifier(o));
    return cheap.length === operands.length || cheap.length === 0 ? operands : [...cheap, ...operands.filter(hasQuantifier)];
}

function hasQuantifier(condition: Condition): boolean {
    switch (condition.$type) {
        case 'Quantifier': return true;
        case 'NotCondition': return condition.operand !== undefined && hasQuantifier(condition.operand);
        case 'OrCondition':
        case 'AndCondition': return condition.operands.some(hasQuantifier);
    }
    return false;
}

function every(tests: readonly Test[]): Test {
    if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return s => a(s) && b(s);
    }
    return s => {
        for (const test of tests) if (!test(s)) return false;
        return true;
    };
}

function some(tests: readonly Test[]): Test {
    if (tests.length === 2) {
        const [a, b] = tests as [Test, Test];
        return s => a(s) || b(s);
    }
    return s => {
        for (const test of tests) if (test(s)) return true;
        return false;
    };
}

function either(a: Test, b: Test): Test {
    return s => a(s) || b(s);
}

function remembered(test: Test): Test {
    const memo = new Map<FactSubject, boolean>();
    return s => {
        let answer = memo.get(s);
        if (answer === undefined) memo.set(s, answer = test(s));
        return answer;
    };
}
