import type { AstNode } from 'langium';
import type { Model, Rule } from '../generated/ast.js';
import { isDismiss, isExclude, isThreat } from '../generated/ast.js';
import type { FactSubject, FactValue, RuleFacts } from './rule-facts.js';
import { allDeclarations } from './rule-facts.js';
import { FACTS } from './rule-vocabulary.js';

/**
 * Everything {@link RuleSuggestions} (model/rule-suggestions.ts) reads, as one string: two builds
 * with the same string have the same suggestions, element for element and rule for rule (by their
 * positions in {@link RuleFacts.elements} and in the rules in force), with the same words.
 *
 * It lists every subject rules can reach (the elements, then each node or asset a fact points to,
 * in the order first reached) with its kind, its name and the value of every fact of the
 * vocabulary (model/rule-vocabulary.ts); subjects are written by their number in that list, so a
 * flow that moves to another source changes the string. Then what answers a suggestion (threats
 * naming a rule, dismisses, excludes) and the rules in force themselves, text and tree.
 *
 * Reading every fact of every element costs a fraction of evaluating every rule on it
 * (test/unit/perf/rule-reuse.test.ts checks that reuse gives what a fresh evaluation gives).
 */
export function ruleInputs(facts: RuleFacts, models: readonly Model[], rules: readonly Rule[]): string {
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
    let text = '';
    const written = (value: FactValue): string => {
        if (value === undefined) return '?';
        if (typeof value !== 'object') return JSON.stringify(value);
        if (!Array.isArray(value)) return `#${idOf(value as FactSubject)}`;
        return `[${(value as readonly (string | FactSubject)[]).map(v => (typeof v === 'string' ? JSON.stringify(v) : `#${idOf(v)}`)).join(',')}]`;
    };
    // The queue grows while it is read: a node or asset first reached through a fact is listed after the others.
    for (let i = 0; i < queue.length; i++) {
        const subject = queue[i]!;
        text += `${subject.$type} ${subject.name ?? '?'}`;
        for (const fact of FACTS) text += ` ${written(facts.valueOf(subject, fact.name))}`;
        text += '\n';
    }
    const rulesInForce = new Map(rules.map((rule, i) => [rule as AstNode, i]));
    const ruleRef = (rule: Rule | undefined): string => (rule && rulesInForce.has(rule) ? `r${rulesInForce.get(rule)}` : '-');
    // Answers name elements by their number; an answer about anything else answers no suggestion.
    const elementRef = (node: AstNode | undefined): string => (node && subjects.has(node) ? `#${subjects.get(node)}` : '-');
    for (const declaration of allDeclarations(models)) {
        if (isThreat(declaration)) text += (`threat ${ruleRef(declaration.rule?.ref)} ${declaration.targets.map(t => elementRef(t.ref)).join(',')}\n`);
        else if (isDismiss(declaration)) text += (`dismiss ${ruleRef(declaration.rule?.ref)} ${declaration.elements.map(e => elementRef(e.ref)).join(',')}\n`);
        else if (isExclude(declaration)) text += (`exclude ${declaration.categories.join(',')} ${declaration.elements.map(e => elementRef(e.ref)).join(',')}\n`);
    }
    for (const rule of rules) text += `rule ${ruleText(rule)}\n`;
    return text;
}

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
