import type { Grammar, GrammarAST } from 'langium';
import { GrammarAST as Ast, GrammarUtils } from 'langium';

/**
 * Random sentences of a grammar (valid files), made by walking its rules: every alternative,
 * every optional part and repetition is taken at random, with random white space and comments of
 * both kinds between tokens, LF or CRLF line ends. Past `maxDepth` nested rule calls it takes no
 * optional part and the last alternative, which in tml's grammar is the one that does not nest
 * (a node, a leaf, a fact test).
 */
export interface SentenceOptions {
    readonly maxDepth: number;
    /** Names for ID tokens: few, so that references often name something. */
    readonly names: readonly string[];
}

const STRINGS = ['""', '"a title"', '"with \\"quotes\\" and \\\\"', '"tab\\tnew\\nline"', '"é ü 日本"', '"pci"'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\n', '\n    ', '\r\n', ' // a comment\n', ' /* a block\n comment */ ', '/**/', '\n// c\r\n'];

export function randomSentence(grammar: Grammar, random: () => number, options: SentenceOptions): string {
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const tokens: string[] = [];
    const terminal = (name: string): string => {
        switch (name) {
            case 'ID': return pick(options.names);
            case 'STRING': return pick(STRINGS);
            case 'INT': return String(pick([0, 1, 7, 10, 79, 1234]));
            default: throw new Error(`no sample for terminal ${name}`);
        }
    };
    const rule = (parserRule: GrammarAST.ParserRule, depth: number): void => element(parserRule.definition, depth + 1);
    const times = (cardinality: string | undefined, depth: number): number => {
        const deep = depth > options.maxDepth;
        switch (cardinality) {
            case '?': return !deep && random() < 0.7 ? 1 : 0;
            case '*': return deep ? 0 : Math.floor(random() * (depth < 2 ? 12 : depth < 4 ? 8 : 3));
            case '+': return deep ? 1 : 1 + Math.floor(random() * random() * 3);
            default: return 1;
        }
    };
    const element = (node: GrammarAST.AbstractElement, depth: number): void => {
        for (let n = times(node.cardinality, depth); n > 0; n--) once(node, depth);
    };
    const once = (node: GrammarAST.AbstractElement, depth: number): void => {
        if (Ast.isKeyword(node)) tokens.push(node.value);
        else if (Ast.isAssignment(node)) element(node.terminal, depth);
        else if (Ast.isCrossReference(node)) tokens.push(terminal('ID'));
        else if (Ast.isRuleCall(node)) {
            const called = node.rule.ref!;
            if (Ast.isTerminalRule(called)) tokens.push(terminal(called.name));
            else rule(called as GrammarAST.ParserRule, depth);
        } else if (Ast.isAlternatives(node)) {
            element(depth > options.maxDepth ? node.elements[node.elements.length - 1]! : pick(node.elements), depth);
        } else if (Ast.isGroup(node)) {
            for (const part of node.elements) element(part, depth);
        } else if (!Ast.isAction(node)) {
            throw new Error(`no sentences for ${node.$type}`);
        }
    };
    const entry = grammar.rules.find(r => Ast.isParserRule(r) && r.entry) as GrammarAST.ParserRule;
    rule(entry, 0);
    const crlf = random() < 0.3;
    const text = tokens.map(token => token + pick(SPACES)).join('');
    return (random() < 0.5 ? pick(SPACES) : '') + (crlf ? text.replace(/\r?\n/g, '\r\n') : text);
}

/** The keywords of a grammar, for mutations that insert one. */
export function keywordsOf(grammar: Grammar): string[] {
    return [...new Set([...GrammarUtils.getAllReachableRules(grammar, false)].flatMap(r => Ast.isParserRule(r) ? [...streamKeywords(r.definition)] : []))];
}

function* streamKeywords(node: GrammarAST.AbstractElement): Generator<string> {
    if (Ast.isKeyword(node)) yield node.value;
    for (const key of ['elements', 'terminal'] as const) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) for (const item of child) yield* streamKeywords(item as GrammarAST.AbstractElement);
        else if (child && typeof child === 'object' && '$type' in child) yield* streamKeywords(child as GrammarAST.AbstractElement);
    }
}
