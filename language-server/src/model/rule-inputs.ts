import type { AstNode } from 'langium';
import type { Model, Rule } from '../generated/ast.js';
import { isDismiss, isExclude, isThreat } from '../generated/ast.js';
import type { FactSubject, FactValue, RuleFacts } from './rule-facts.js';
import { allDeclarations } from './rule-facts.js';
import { FACTS } from './rule-vocabulary.js';

/**
 * Everything {@link RuleSuggestions} (model/rule-suggestions.ts) reads, as a list of primitive
 * tokens: two builds with equal lists ({@link sameRuleInputs}) have the same suggestions, element
 * for element and rule for rule (by their positions in {@link RuleFacts.elements} and in the rules
 * in force), with the same words.
 *
 * It lists every subject rules can reach (the elements, then each node or asset a fact points to,
 * in the order first reached) with its kind, its name and the value of every fact of the
 * vocabulary (model/rule-vocabulary.ts); subjects are written by their number in that list, so a
 * flow that moves to another source changes the list. Then what answers a suggestion (threats
 * naming a rule, dismisses, excludes) and the rules in force themselves, text and tree.
 *
 * A list rather than one text: a text of every fact of 5,000 elements (750,000 characters) cost
 * as much to build as the rest of a keystroke's rule work. Every token is a string, a number, a
 * boolean, `undefined` or one of the marks below, and each value writes its own end, so equal
 * lists are equal inputs. Reading every fact of every element costs a fraction of evaluating
 * every rule on it (test/unit/perf/rule-reuse.test.ts checks that reuse gives what a fresh
 * evaluation gives).
 */
export function ruleInputs(facts: RuleFacts, models: readonly Model[], rules: readonly Rule[]): RuleInputs {
    const subjects = new Map<AstNode, number>();
    const queue: FactSubject[] = [];
    const idOf = (subject: FactSubject): number => {
        let id = subjects.get(subject);
        if (id === undefined) {
            subjects.set(subject, id = queue.length);
            queue.push(subject);
        }
        return id;
    };
    for (const element of facts.elements) idOf(element);
    const tokens: unknown[] = [];
    const write = (value: FactValue): void => {
        if (typeof value !== 'object') {
            tokens.push(value);
        } else if (!Array.isArray(value)) {
            tokens.push(Mark.Subject, idOf(value as FactSubject));
        } else {
            tokens.push(Mark.List);
            for (const item of value as readonly (string | FactSubject)[]) {
                if (typeof item === 'string') tokens.push(item);
                else tokens.push(Mark.Subject, idOf(item));
            }
            tokens.push(Mark.End);
        }
    };
    // The queue grows while it is read: a node or asset first reached through a fact is listed after the others.
    for (let i = 0; i < queue.length; i++) {
        const subject = queue[i]!;
        tokens.push(Mark.Subject, subject.$type, subject.name);
        for (const fact of FACTS) write(facts.valueOf(subject, fact.name));
    }
    const rulesInForce = new Map(rules.map((rule, i) => [rule as AstNode, i]));
    const ruleRef = (rule: Rule | undefined): number => (rule && rulesInForce.has(rule) ? rulesInForce.get(rule)! : -1);
    // Answers name elements by their number; an answer about anything else answers no suggestion.
    const elementRefs = (nodes: readonly { readonly ref?: AstNode }[]): void => {
        tokens.push(Mark.List);
        for (const { ref } of nodes) tokens.push(ref && subjects.has(ref) ? subjects.get(ref)! : -1);
        tokens.push(Mark.End);
    };
    for (const declaration of allDeclarations(models)) {
        if (isThreat(declaration)) {
            tokens.push(Mark.Threat, ruleRef(declaration.rule?.ref));
            elementRefs(declaration.targets);
        } else if (isDismiss(declaration)) {
            tokens.push(Mark.Dismiss, ruleRef(declaration.rule?.ref));
            elementRefs(declaration.elements);
        } else if (isExclude(declaration)) {
            tokens.push(Mark.Exclude, ...declaration.categories, Mark.End);
            elementRefs(declaration.elements);
        }
    }
    for (const rule of rules) tokens.push(Mark.Rule, ruleText(rule));
    return tokens;
}

/** What the rules read in one build ({@link ruleInputs}). */
export type RuleInputs = readonly unknown[];

/** Whether two builds' rules read the same. */
export function sameRuleInputs(a: RuleInputs, b: RuleInputs): boolean {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
}

/** Tokens no fact value is: where a subject, a list, a declaration or a rule starts, and where a list ends. */
const Mark = {
    Subject: Symbol('subject'),
    List: Symbol('list'),
    End: Symbol('end'),
    Threat: Symbol('threat'),
    Dismiss: Symbol('dismiss'),
    Exclude: Symbol('exclude'),
    Rule: Symbol('rule'),
} as const;

/** A rule never changes once parsed (it has no references), and the built-in ones are the same nodes in every build. */
const ruleTexts = new WeakMap<Rule, string>();

function ruleText(rule: Rule): string {
    let text = ruleTexts.get(rule);
    if (text === undefined) ruleTexts.set(rule, text = treeText(rule));
    return text;
}

/** A node's type, source text and properties, its children's recursively (references by their text): equal strings, equal trees. */
function treeText(node: AstNode): string {
    const parts: string[] = [node.$type, JSON.stringify(node.$cstNode?.text ?? null)];
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        parts.push(`${key}=${valueText(value)}`);
    }
    return `(${parts.join(' ')})`;
}

function valueText(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(valueText).join(',')}]`;
    if (isAstNode(value)) return treeText(value);
    if (typeof value === 'object' && value !== null && '$refText' in value) return `@${JSON.stringify((value as { $refText: string }).$refText)}`;
    return JSON.stringify(value) ?? 'undefined';
}

function isAstNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}
