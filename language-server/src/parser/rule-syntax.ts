import type { Grammar } from 'langium';
import { GrammarAST, GrammarUtils } from 'langium';

/**
 * How each declaration is written, read off the grammar: `flow Name: Source -> Target "title" { … }`.
 * Keywords as they are, names and references as the capitalised property (`Name`, `Source`), strings
 * as `"property"`, a repeated list as `, …`, and a `{ }` body as `{ … }`.
 */
export function ruleSyntaxes(grammar: Grammar): ReadonlyMap<string, string> {
    const syntaxes = new Map<string, string>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || GrammarUtils.isDataTypeRule(rule) || !GrammarAST.isGroup(rule.definition)) continue;
        const first = rule.definition.elements[0];
        if (!GrammarAST.isKeyword(first) && !GrammarAST.isAssignment(first)) continue;
        syntaxes.set(rule.name, join(rule.definition.elements.map(render)));
    }
    return syntaxes;
}

function join(parts: readonly string[]): string {
    return parts.filter(p => p !== '').join(' ').replace(/ ([:,])/g, '$1');
}

function render(element: GrammarAST.AbstractElement): string {
    if (GrammarUtils.isArrayCardinality(element.cardinality) && GrammarAST.isGroup(element) && GrammarAST.isKeyword(element.elements[0])) {
        return `${element.elements[0].value} …`;
    }
    if (GrammarAST.isKeyword(element)) return element.value === '{' ? '{' : element.value;
    if (GrammarAST.isAssignment(element)) return renderAssignment(element);
    if (GrammarAST.isGroup(element)) {
        const open = element.elements[0];
        if (GrammarAST.isKeyword(open) && open.value === '{') return '{ … }';
        return join(element.elements.map(render));
    }
    if (GrammarAST.isAlternatives(element)) return element.elements.every(GrammarAST.isKeyword) ? element.elements.map(k => k.value).join('|') : '…';
    return '…';
}

function renderAssignment(assignment: GrammarAST.Assignment): string {
    const terminal = assignment.terminal;
    const capitalised = assignment.feature.charAt(0).toUpperCase() + assignment.feature.slice(1);
    if (GrammarAST.isCrossReference(terminal)) return capitalised;
    if (GrammarAST.isRuleCall(terminal)) {
        return terminal.rule.ref?.name === 'STRING' ? `"${assignment.feature}"` : capitalised;
    }
    if (GrammarAST.isKeyword(terminal)) return terminal.value;
    return capitalised;
}
