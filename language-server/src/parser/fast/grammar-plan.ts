import type { TokenType } from 'chevrotain';
import type { Grammar, GrammarAST } from 'langium';
import { AstUtils, DatatypeSymbol, GrammarAST as Ast, GrammarUtils } from 'langium';
import { computeDecisions } from './repetition-decisions.js';
import type { TokenSet } from './token-set.js';
import { addAll, emptySet, toBytes } from './token-set.js';

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

    // The first sets of the elements while the plan is made (as bytes on the elements once complete).
    const firsts = new Map<PlanElement, TokenSet>();
    const noDecisions = new Uint8Array(size);

    const tokenSet = (type: TokenType | undefined): TokenSet => {
        if (type?.tokenTypeIdx === undefined) throw new UnplannableGrammar('a token type without a number');
        const set = emptySet(size);
        // Chevrotain's token matching also accepts the types in a type's category.
        for (const idx of [type.tokenTypeIdx, ...(type as { categoryMatches?: number[] }).categoryMatches ?? []]) set[idx >>> 5] = (set[idx >>> 5]! | (1 << (idx & 31))) >>> 0;
        return set;
    };
    // `first` is set once every element is planned (analyse); `decide` by computeDecisions, for an optional or repeated element.
    /**
     * An element of the plan, with every field of every kind in one order (those not of its kind
     * undefined): the parser reads the fields of all kinds of element at the same places, which V8
     * does faster for objects of one shape than of five. `first` is set once every element is
     * planned (analyse); `decide` by computeDecisions, for an optional or repeated element.
     */
    const common = <E extends PlanElement>(element: GrammarAST.AbstractElement, fields: Omit<E, keyof Common>): E => {
        const own = fields as Partial<Record<string, unknown>>;
        return {
            kind: own['kind'], cardinality: element.cardinality as Cardinality, first: noDecisions, nullable: false, decide: noDecisions,
            source: own['source'], terminal: own['terminal'], assignment: own['assignment'], rule: own['rule'],
            elements: own['elements'], choice: own['choice'], type: own['type'],
        } as unknown as E;
    };
    const token = (element: GrammarAST.AbstractElement, source: GrammarAST.AbstractElement, type: TokenType | undefined, terminal?: GrammarAST.TerminalRule): TokenElement => {
        const planned = common<TokenElement>(element, { kind: 'token', source, terminal, assignment: assignmentOf(source) });
        firsts.set(planned, tokenSet(type));
        return planned;
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
            return common<GroupElement>(node, { kind: 'group', elements: [element(node.terminal)] });
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
            return common<RuleCallElement>(cardinality, { kind: 'rule', source: node, rule: rule(called), assignment: assignmentOf(node) });
        }
        if (Ast.isAction(node)) return common<ActionElement>(cardinality, { kind: 'action', source: node, type: GrammarUtils.getTypeName(node) });
        if (Ast.isAlternatives(node)) {
            return common<AlternativesElement>(cardinality, { kind: 'alternatives', elements: node.elements.map(alternative => element(alternative)), choice: new Int16Array(0) });
        }
        if (Ast.isGroup(node) && !node.guardCondition && !Ast.isUnorderedGroup(node)) {
            return common<GroupElement>(cardinality, { kind: 'group', elements: node.elements.map(part => element(part)) });
        }
        throw new UnplannableGrammar(`a grammar element of type ${node.$type}`);
    };

    for (const parserRule of grammar.rules) {
        if (Ast.isInfixRule(parserRule)) throw new UnplannableGrammar(`the infix rule ${parserRule.name}`);
        if (Ast.isParserRule(parserRule)) rule(parserRule);
    }
    const entry = [...rules.values()].find(planned => grammar.rules.find(r => r.name === planned.name && Ast.isParserRule(r) && r.entry));
    if (!entry) throw new UnplannableGrammar('no entry rule');
    const analysed = new Set<PlanElement>();
    for (const planned of all) analyse(planned, firsts, analysed, size);
    for (const planned of all) planned.first = toBytes(firsts.get(planned)!, size);
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

/**
 * Computes the first set (into `firsts`) and nullability of `element`, and of the elements it
 * starts with, once each: tml's grammar, like any grammar Chevrotain accepts, has no left
 * recursion, so no element's first set depends on itself.
 */
function analyse(element: PlanElement, firsts: Map<PlanElement, TokenSet>, analysed: Set<PlanElement>, size: number): TokenSet {
    const known = firsts.get(element);
    if (known && analysed.has(element)) return known;
    if (analysed.has(element)) throw new UnplannableGrammar('a left-recursive rule');
    analysed.add(element);
    const first = known ?? emptySet(size);
    const optional = element.cardinality === '?' || element.cardinality === '*';
    switch (element.kind) {
        case 'token':
            element.nullable = optional;
            break;
        case 'action':
            element.nullable = true;
            break;
        case 'rule':
            addAll(first, analyse(element.rule.body, firsts, analysed, size));
            element.nullable = optional || element.rule.body.nullable;
            break;
        case 'alternatives':
            for (const alternative of element.elements) addAll(first, analyse(alternative, firsts, analysed, size));
            element.nullable = optional || element.elements.some(alternative => alternative.nullable);
            break;
        case 'group': {
            let nullable = true;
            for (const part of element.elements) {
                addAll(first, analyse(part, firsts, analysed, size));
                if (!part.nullable) {
                    nullable = false;
                    break;
                }
            }
            element.nullable = optional || nullable;
        }
    }
    firsts.set(element, first);
    return first;
}

/** Per token type: the one alternative that can start with it, or -1. */
function choices(alternatives: AlternativesElement, size: number): Int16Array {
    const choice = new Int16Array(size).fill(-1);
    const taken = new Uint8Array(size);
    alternatives.elements.forEach((alternative, index) => {
        for (let idx = 0; idx < size; idx++) {
            if (!alternative.first[idx]) continue;
            // A second alternative starting with the token: none is sure.
            choice[idx] = taken[idx] ? -1 : index;
            taken[idx] = 1;
        }
    });
    return choice;
}
