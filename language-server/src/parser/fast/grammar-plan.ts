import type { TokenType } from 'chevrotain';
import type { Grammar, GrammarAST } from 'langium';
import { AstUtils, DatatypeSymbol, GrammarAST as Ast, GrammarUtils } from 'langium';
import { computeDecisions } from './repetition-decisions.js';

/**
 * The grammar, read once into the form the fast parser walks (fast-parse.ts): each element with
 * the token types it can start with, by Chevrotain's token type number. The grammar stays the one
 * source of the language: nothing of it is written again here.
 */
export type PlanElement = TokenElement | RuleCallElement | GroupElement | AlternativesElement | ActionElement;

/** How often an element occurs, as the grammar says (`?`, `*`, `+`), or once. */
export type Cardinality = '?' | '*' | '+' | undefined;

interface Common {
    readonly cardinality: Cardinality;
    /** Per token type number: whether the element can start with it. */
    first: Uint8Array;
    /** Whether the element can match no token. */
    nullable: boolean;
    /** For an optional or repeated element, per token type number: enter, leave or give up (repetition-decisions.ts). */
    decide: Uint8Array;
}

/** A keyword, a terminal rule call or a cross-reference: one token. */
export interface TokenElement extends Common {
    readonly kind: 'token';
    /** What Langium's parser passes to the CST builder and looks the assignment up by: the keyword, rule call or cross-reference. */
    readonly source: GrammarAST.AbstractElement;
    /** The terminal rule whose value converter gives the token's value; none for a keyword, whose value is its text. */
    readonly terminal: GrammarAST.TerminalRule | undefined;
    readonly assignment: Assigned | undefined;
}

/** A call of a parser rule. */
export interface RuleCallElement extends Common {
    readonly kind: 'rule';
    readonly source: GrammarAST.AbstractElement;
    readonly rule: PlanRule;
    readonly assignment: Assigned | undefined;
}

export interface GroupElement extends Common {
    readonly kind: 'group';
    readonly elements: readonly PlanElement[];
}

export interface AlternativesElement extends Common {
    readonly kind: 'alternatives';
    readonly elements: readonly PlanElement[];
    /** Per token type number: the alternative that starts with it, or -1 (none, or more than one: the parser gives up). */
    choice: Int16Array;
}

export interface ActionElement extends Common {
    readonly kind: 'action';
    readonly source: GrammarAST.Action;
    readonly type: string;
}

/** The assignment around an element: `feature operator …`, and whether it assigns a cross-reference. */
export interface Assigned {
    readonly feature: string;
    readonly operator: string;
    readonly crossReference: boolean;
}

export interface PlanRule {
    readonly name: string;
    /** The `$type` of the object the rule starts with, Langium's DatatypeSymbol for a data type rule. */
    readonly type: string | symbol;
    readonly source: GrammarAST.ParserRule;
    body: PlanElement;
}

export interface GrammarPlan {
    readonly rules: ReadonlyMap<string, PlanRule>;
    readonly entry: PlanRule;
    /** The number the first-sets use for the end of the input (no token type has it). */
    readonly endOfInput: number;
}

/** Why a grammar cannot be planned: it uses something the fast parser does not do; then every parse is Langium's. */
export class UnplannableGrammar extends Error {}

/** Reads `grammar` with the lexer's token types (`tokens`: Langium's lexer `definition`). */
export function planGrammar(grammar: Grammar, tokens: Readonly<Record<string, TokenType>>): GrammarPlan {
    const types = Object.values(tokens);
    const endOfInput = Math.max(...types.map(type => type.tokenTypeIdx ?? 0)) + 1;
    const size = endOfInput + 1;
    const rules = new Map<string, PlanRule>();
    const all: PlanElement[] = [];

    const tokenSet = (type: TokenType | undefined): Uint8Array => {
        if (type?.tokenTypeIdx === undefined) throw new UnplannableGrammar('a token type without a number');
        const set = new Uint8Array(size);
        set[type.tokenTypeIdx] = 1;
        // Chevrotain's token matching also accepts the types in a type's category.
        for (const idx of (type as { categoryMatches?: number[] }).categoryMatches ?? []) set[idx] = 1;
        return set;
    };
    const common = (element: GrammarAST.AbstractElement): Common => ({ cardinality: element.cardinality as Cardinality, first: new Uint8Array(size), nullable: false, decide: new Uint8Array(size) });
    const token = (element: GrammarAST.AbstractElement, source: GrammarAST.AbstractElement, type: TokenType | undefined, terminal?: GrammarAST.TerminalRule): TokenElement => {
        const first = tokenSet(type);
        return { ...common(element), kind: 'token', source, terminal, assignment: assignmentOf(source), first };
    };

    const rule = (parserRule: GrammarAST.ParserRule): PlanRule => {
        const known = rules.get(parserRule.name);
        if (known) return known;
        if (parserRule.fragment || parserRule.parameters.length > 0) throw new UnplannableGrammar(`rule ${parserRule.name}`);
        const planned: PlanRule = { name: parserRule.name, source: parserRule, type: GrammarUtils.isDataTypeRule(parserRule) ? DatatypeSymbol : GrammarUtils.getTypeName(parserRule), body: undefined! };
        rules.set(parserRule.name, planned);
        planned.body = element(parserRule.definition);
        return planned;
    };

    const element = (node: GrammarAST.AbstractElement, cardinality: GrammarAST.AbstractElement = node): PlanElement => {
        const planned = elementOnce(node, cardinality);
        all.push(planned);
        return planned;
    };

    // `cardinality` is the element whose `?`, `*` or `+` applies: an assignment's, around its terminal.
    const elementOnce = (node: GrammarAST.AbstractElement, cardinality: GrammarAST.AbstractElement): PlanElement => {
        if (Ast.isAssignment(node)) {
            if (node.terminal.cardinality === undefined) return element(node.terminal, node);
            return { ...common(node), kind: 'group', elements: [element(node.terminal)] };
        }
        if (cardinality !== node && node.cardinality !== undefined) throw new UnplannableGrammar('an assignment and its terminal both repeat');
        if (Ast.isKeyword(node)) return token(cardinality, node, tokens[node.value]);
        if (Ast.isCrossReference(node)) {
            const terminal = node.terminal ?? GrammarUtils.findNameAssignment(node.type.ref!)?.terminal;
            if (!Ast.isRuleCall(terminal) || !Ast.isTerminalRule(terminal.rule.ref)) throw new UnplannableGrammar('a cross-reference that is not one token');
            return token(cardinality, node, tokens[terminal.rule.ref.name], terminal.rule.ref);
        }
        if (Ast.isRuleCall(node)) {
            const called = node.rule.ref;
            if (Ast.isTerminalRule(called)) return token(cardinality, node, tokens[called.name], called);
            if (!Ast.isParserRule(called) || node.arguments.length > 0) throw new UnplannableGrammar('a call of an infix rule or with arguments');
            return { ...common(cardinality), kind: 'rule', source: node, rule: rule(called), assignment: assignmentOf(node) };
        }
        if (Ast.isAction(node)) return { ...common(cardinality), kind: 'action', source: node, type: GrammarUtils.getTypeName(node) };
        if (Ast.isAlternatives(node)) {
            return { ...common(cardinality), kind: 'alternatives', elements: node.elements.map(alternative => element(alternative)), choice: new Int16Array(size) };
        }
        if (Ast.isGroup(node) && !node.guardCondition && !Ast.isUnorderedGroup(node)) {
            return { ...common(cardinality), kind: 'group', elements: node.elements.map(part => element(part)) };
        }
        throw new UnplannableGrammar(`a grammar element of type ${node.$type}`);
    };

    for (const parserRule of grammar.rules) {
        if (Ast.isInfixRule(parserRule)) throw new UnplannableGrammar(`the infix rule ${parserRule.name}`);
        if (Ast.isParserRule(parserRule)) rule(parserRule);
    }
    const entry = [...rules.values()].find(planned => grammar.rules.find(r => r.name === planned.name && Ast.isParserRule(r) && r.entry));
    if (!entry) throw new UnplannableGrammar('no entry rule');
    computeFirstSets(all);
    for (const planned of all) if (planned.kind === 'alternatives') planned.choice = choices(planned, size);
    computeDecisions(rules.values(), all, endOfInput);
    return { rules, entry, endOfInput };
}

/** The assignment `element` is in (Langium's parser looks it up the same way: the nearest container that is one). */
function assignmentOf(element: GrammarAST.AbstractElement): Assigned | undefined {
    const assignment = AstUtils.getContainerOfType(element, Ast.isAssignment);
    if (!assignment) return undefined;
    return { feature: assignment.feature, operator: assignment.operator, crossReference: Ast.isCrossReference(assignment.terminal) };
}

/** First sets and nullability of every element, to a fixed point (rules call each other). */
function computeFirstSets(elements: readonly PlanElement[]): void {
    for (let changed = true; changed;) {
        changed = false;
        for (const element of elements) {
            const before = element.first.reduce((sum, bit) => sum + bit, 0);
            const wasNullable = element.nullable;
            update(element);
            if (element.nullable !== wasNullable || element.first.reduce((sum, bit) => sum + bit, 0) !== before) changed = true;
        }
    }
}

function update(element: PlanElement): void {
    const optional = element.cardinality === '?' || element.cardinality === '*';
    switch (element.kind) {
        case 'token':
            element.nullable = optional;
            return;
        case 'action':
            element.nullable = true;
            return;
        case 'rule':
            union(element.first, element.rule.body.first);
            element.nullable = optional || element.rule.body.nullable;
            return;
        case 'alternatives':
            for (const alternative of element.elements) union(element.first, alternative.first);
            element.nullable = optional || element.elements.some(alternative => alternative.nullable);
            return;
        case 'group': {
            let nullable = true;
            for (const part of element.elements) {
                union(element.first, part.first);
                if (!part.nullable) {
                    nullable = false;
                    break;
                }
            }
            element.nullable = optional || nullable;
        }
    }
}

function union(into: Uint8Array, from: Uint8Array): void {
    for (let i = 0; i < from.length; i++) if (from[i]) into[i] = 1;
}

/** Per token type: the one alternative that can start with it, or -1. */
function choices(alternatives: AlternativesElement, size: number): Int16Array {
    const choice = new Int16Array(size).fill(-1);
    for (let idx = 0; idx < size; idx++) {
        const matching = alternatives.elements.flatMap((alternative, index) => alternative.first[idx] ? [index] : []);
        if (matching.length === 1) choice[idx] = matching[0]!;
    }
    return choice;
}
