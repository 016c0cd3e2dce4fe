import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Quantifier } from '../generated/ast.js';
import { isQuantifier, isRule } from '../generated/ast.js';
import type { FactDefinition, Subject } from '../model/rule-vocabulary.js';
import { isPathError, memberSubject, resolvePath } from '../model/rule-vocabulary.js';

/**
 * What a condition is evaluated on at `node`: the rule's `on` kind, or, inside `any L (…)` /
 * `no L (…)`, the members of `L` (flows or assets). Undefined outside a rule, or where a
 * quantifier's list does not resolve.
 */
export function subjectAt(node: AstNode): Subject | undefined {
    const rule = AstUtils.getContainerOfType(node, isRule);
    if (!rule?.on) return undefined;
    const quantifiers: Quantifier[] = [];
    for (let current: AstNode | undefined = node; current && current !== rule; current = current.$container) {
        // A quantifier's own list is read on the outer subject; only its condition ranges over the members.
        if (isQuantifier(current) && current.condition && isInside(node, current.condition)) quantifiers.unshift(current);
    }
    let subject: Subject | undefined = rule.on as Subject;
    for (const quantifier of quantifiers) {
        const resolved = resolvePath(subject, quantifier.list?.segments ?? []);
        subject = isPathError(resolved) ? undefined : memberSubject(resolved.fact.type);
        if (!subject) return undefined;
    }
    return subject;
}

/** What a quantifier's condition is evaluated on: the members of its list (flows or assets). */
export function membersOf(quantifier: Quantifier): Subject | undefined {
    const outer = subjectAt(quantifier);
    const resolved = outer && resolvePath(outer, quantifier.list?.segments ?? []);
    return resolved && !isPathError(resolved) ? memberSubject(resolved.fact.type) : undefined;
}

/** The subject that the segment after `segments` is read on (`source.` leads to a node's facts). */
export function subjectAfter(subject: Subject, segments: readonly string[]): Subject | undefined {
    if (segments.length === 0) return subject;
    const resolved = resolvePath(subject, segments);
    return !isPathError(resolved) && resolved.fact.type.kind === 'node' ? 'node' : undefined;
}

/** The fact segment `index` of a path names, read from `subject`. */
export function factAt(subject: Subject, segments: readonly string[], index: number): FactDefinition | undefined {
    const resolved = resolvePath(subject, segments.slice(0, index + 1));
    return isPathError(resolved) ? undefined : resolved.fact;
}

function isInside(node: AstNode, container: AstNode): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) if (current === container) return true;
    return false;
}

/** Hover text of a fact: its name, what it is read on, its type and its meaning. */
export function factHover(fact: FactDefinition): string {
    const type = fact.type;
    const kind = type.kind === 'enum' ? `one of ${type.values.map(v => `\`${v}\``).join(', ')}`
        : type.kind === 'list' ? `a list of ${type.of === 'flow' ? 'flows' : 'assets'} (\`any\`/\`no\`)`
        : type.kind === 'node' ? 'a node (read its facts with `.`)'
        : type.kind === 'texts' ? 'a list of words (`has "…"`)'
        : type.kind === 'text' ? 'text (`is "…"`)' : 'yes/no';
    return `**fact** \`${fact.name}\`: ${kind}\n\n${fact.doc}`;
}
