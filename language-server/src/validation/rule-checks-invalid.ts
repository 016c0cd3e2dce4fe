import type { AstNode, ValidationAcceptor } from 'langium';
import type { Condition, FactTest, Quantifier, Rule } from '../generated/ast.js';
import { isAndCondition, isFactTest, isNotCondition, isOrCondition, isQuantifier } from '../generated/ast.js';
import type { FactDefinition, Subject } from '../model/rule-vocabulary.js';
import { describeSubject, isPathError, memberSubject, resolvePath } from '../model/rule-vocabulary.js';
import { applicableCategories, categoryApplies } from '../model/stride.js';
import type { ElementKind } from '../model/stride.js';
import { TECHNOLOGY_TRAITS } from '../model/technology-catalogue.js';
import { IssueCodes } from './issue-codes.js';
import { quote } from './quote.js';
import { diagnose } from './diagnose.js';
import { listInProse } from '../shared/prose.js';

/**
 * `tm/rule-invalid` (docs/language.md#rules): a rule that could not work as written. It says nothing to
 * evaluate on, its category does not apply to that kind of element (docs/language.md#stride-per-element), it has the name of a
 * built-in rule, or its condition reads an unknown fact, tests a fact the wrong way or compares
 * it with a value it cannot have. Each finding is on the offending part.
 */
export function checkRule(rule: Rule, accept: ValidationAcceptor, builtinRuleNames: () => ReadonlySet<string>): void {
    const invalid = (message: string, node: AstNode, property?: string, index?: number): void => {
        const target = property === undefined ? { node, property: 'name' } : { node, property, index };
        diagnose(accept, IssueCodes.RuleInvalid, message, target as never);
    };
    if (rule.name && builtinRuleNames().has(rule.name)) {
        invalid(`Rule ${quote(rule.name)} has the name of a built-in rule. Give it a name of its own.`, rule);
    }
    if (!rule.on) {
        invalid(`Rule ${quote(rule.name)} does not say what it is about. Add 'on external', 'on process', 'on datastore' or 'on flow'.`, rule);
        return;
    }
    const kind = rule.on as ElementKind;
    if (!rule.stride) {
        invalid(`Rule ${quote(rule.name)} has no STRIDE category. Add 'stride' with one of ${listInProse([...applicableCategories({ kind, logs: true })], 'or')}.`, rule);
    } else if (!categoryApplies({ kind, logs: true }, rule.stride)) {
        invalid(`${rule.stride} does not apply to ${describeSubject(kind)} (STRIDE per element), so rule ${quote(rule.name)} could never suggest it. ` +
            `Choose ${listInProse([...applicableCategories({ kind, logs: true })], 'or')}.`, rule, 'stride');
    }
    for (const condition of [rule.when, rule.unless]) {
        if (condition) checkCondition(condition, kind, invalid);
    }
}

type Invalid = (message: string, node: AstNode, property?: string, index?: number) => void;

function checkCondition(condition: Condition, subject: Subject, invalid: Invalid): void {
    if (isOrCondition(condition) || isAndCondition(condition)) {
        for (const operand of condition.operands) checkCondition(operand, subject, invalid);
    } else if (isNotCondition(condition)) {
        if (condition.operand) checkCondition(condition.operand, subject, invalid);
    } else if (isQuantifier(condition)) {
        checkQuantifier(condition, subject, invalid);
    } else if (isFactTest(condition)) {
        checkTest(condition, subject, invalid);
    }
}

/** The fact a path leads to, or undefined after reporting the segment at fault. */
function resolve(path: { segments: string[] } & AstNode, subject: Subject, invalid: Invalid): FactDefinition | undefined {
    const resolved = resolvePath(subject, path.segments);
    if (!isPathError(resolved)) return resolved.fact;
    invalid(resolved.message, path, 'segments', Math.min(resolved.segment, path.segments.length - 1));
    return undefined;
}

function checkQuantifier(quantifier: Quantifier, subject: Subject, invalid: Invalid): void {
    if (!quantifier.list) return;
    const fact = resolve(quantifier.list, subject, invalid);
    if (!fact) return;
    const members = memberSubject(fact.type);
    if (!members) {
        invalid(`${quote(fact.name)} is not a list of flows or assets, so '${quantifier.quantifier}' cannot range over it. ` +
            `Lists are: flowsIn, flowsOut, stores, carries.`, quantifier.list, 'segments', quantifier.list.segments.length - 1);
        return;
    }
    if (quantifier.condition) checkCondition(quantifier.condition, members, invalid);
}

function checkTest(test: FactTest, subject: Subject, invalid: Invalid): void {
    if (!test.path) return;
    const fact = resolve(test.path, subject, invalid);
    if (!fact) return;
    const type = fact.type;
    const name = quote(fact.name);
    const last = test.path.segments.length - 1;
    if (test.value !== undefined || test.values.length > 0) {
        if (type.kind === 'enum') {
            const values = test.value !== undefined ? [test.value] : test.values;
            values.forEach((value, index) => {
                if (type.values.includes(value)) return;
                invalid(`${quote(value)} is not a value of ${name}; it is one of ${listInProse([...type.values], 'or')}.`,
                    test, test.value !== undefined ? 'value' : 'values', test.value !== undefined ? undefined : index);
            });
        } else if (type.kind !== 'text') {
            invalid(`${name} cannot be compared with 'is' or 'in': ${HOW_TO_TEST[type.kind]}.`, test.path, 'segments', last);
        }
    } else if (test.text !== undefined) {
        if (type.kind !== 'texts') {
            invalid(`${name} cannot be tested with 'has': ${HOW_TO_TEST[type.kind]}.`, test.path, 'segments', last);
        } else if (fact.name === 'tech' && !(test.text in TECHNOLOGY_TRAITS)) {
            invalid(`${quote(test.text)} is not a trait of the technology catalogue (docs/technology.md); the traits are ${Object.keys(TECHNOLOGY_TRAITS).join(', ')}.`, test, 'text');
        }
    } else if (type.kind !== 'boolean') {
        invalid(`${name} is not a yes/no fact: ${HOW_TO_TEST[type.kind]}.`, test.path, 'segments', last);
    }
}

/** How a fact of each type is tested, for messages. */
const HOW_TO_TEST: Readonly<Record<FactDefinition['type']['kind'], string>> = {
    boolean: "write it alone, or after 'not'",
    enum: "test it with 'is', 'is not' or 'in'",
    text: "test it with 'is', 'is not' or 'in'",
    texts: "it is a list of words: test it with 'has \"…\"'",
    node: "it is a node: read one of its facts, such as 'source.type'",
    list: "it is a list: read it with 'any' or 'no'",
};
