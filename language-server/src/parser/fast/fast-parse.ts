import type { TokenType } from 'chevrotain';
import type { AstNode, AstReflection, CompositeCstNode, CstNode, GrammarAST, LexingReport, Linker, ParseResult, ValueType } from 'langium';
import { DatatypeSymbol, isAstNode } from 'langium';
import type { LinearCstNodeBuilder } from '../cst-node-builder.js';
import { TokenLeafCstNode } from '../cst-nodes.js';
import type { ReadTokens, TokenColumns } from './fast-lexer.js';
import type { ActionElement, Assigned, GrammarPlan, PlanElement, PlanRule, RuleCallElement, TokenElement } from './grammar-plan.js';
import { copyDefault, defaultsOf } from './mandatory-properties.js';
import { ENTER, UNSURE } from './repetition-decisions.js';

/** What a parse uses of the language's services. */
export interface FastParseServices {
    readonly plan: GrammarPlan;
    readonly builder: LinearCstNodeBuilder;
    /** The value converter's value of `input`, the text of `node`, which `rule` (a terminal or data type rule) matched. */
    readonly convert: (input: string, node: CstNode, rule: GrammarAST.AbstractRule) => ValueType;
    readonly linker: Linker;
    readonly reflection: AstReflection;
    /** Per token type number: the type, and a keyword's text (the image of each of its tokens). */
    readonly tokenTypes: readonly TokenType[];
    readonly keywords: readonly (string | undefined)[];
}

/** Thrown where the input is not what the grammar expects there: the caller gives the parse to Langium's parser. */
export const GIVE_UP: unique symbol = Symbol('give up');

/** An object under construction, as Langium's parser keeps it on its stack. */
type Building = Record<string, unknown> & { $type: string | symbol; $cstNode?: CstNode; value?: string };

/**
 * Parses the tokens `read` of `text` from `rule`, making exactly what Langium 4.2.1's
 * LangiumParser makes for input without syntax errors: the same steps on the CST builder, in the
 * same order, with the same grammar elements, the same value conversions and references. It takes
 * the one alternative its next token starts (the grammar is LL(1)), and throws {@link GIVE_UP}
 * wherever no alternative does or tokens are left over: there Langium's parser would report an
 * error or choose by looking further ahead.
 */
export function fastParse<T extends AstNode>(services: FastParseServices, text: string, read: ReadTokens, rule: PlanRule, lexerReport: LexingReport | undefined): ParseResult<T> {
    const builder = services.builder;
    builder.buildRootNode(text);
    const run = new FastParse(services, text, read);
    const value = run.rule(rule) as T;
    if (run.position < read.tokens.count) throw GIVE_UP;
    run.restOfHidden();
    return { value, lexerErrors: [], lexerReport, parserErrors: [] };
}

class FastParse {
    position = 0;
    private hiddenAt = 0;
    private readonly stack: Building[] = [];
    private readonly tokens: TokenColumns;
    private readonly hidden: TokenColumns;
    /** The type number of each token, then the end of the input's: read where the parser decides, several times per token. */
    private readonly types: Uint16Array;

    constructor(private readonly services: FastParseServices, private readonly text: string, read: ReadTokens) {
        this.tokens = read.tokens;
        this.hidden = read.hidden;
        this.types = read.tokens.types;
        this.types[read.tokens.count] = services.plan.endOfInput;
    }

    /** Runs a rule: the object it builds (or a data type rule's value), as Langium's rule method returns it. */
    rule(rule: PlanRule): unknown {
        this.stack.push(rule.type === DatatypeSymbol ? { $type: DatatypeSymbol, value: '' } : { $type: rule.type });
        this.element(rule.body);
        return this.construct(rule);
    }

    /** Adds the comments after the last token, as Langium's parser does once the entry rule is done. */
    restOfHidden(): void {
        this.addHidden(this.hidden.count);
    }

    /** Adds the comments from the next one to `end` (exclusive) to the syntax tree. */
    private addHidden(end: number): void {
        const { hidden, services } = this;
        if (this.hiddenAt >= end) return;
        const leaves: TokenLeafCstNode[] = [];
        for (; this.hiddenAt < end; this.hiddenAt++) {
            const type = hidden.types[this.hiddenAt]!;
            leaves.push(new TokenLeafCstNode(hidden.offsets[this.hiddenAt]!, hidden.lengths[this.hiddenAt]!, services.tokenTypes[type]!, undefined));
        }
        services.builder.addHiddenLeaves(leaves);
    }

    /** The text of the token at `index`. */
    private image(index: number): string {
        const offset = this.tokens.offsets[index]!;
        return this.services.keywords[this.types[index]!] ?? this.text.substring(offset, offset + this.tokens.lengths[index]!);
    }

    /** The type number of the next token. */
    private next(): number {
        return this.types[this.position]!;
    }

    private element(element: PlanElement): void {
        switch (element.cardinality) {
            case undefined:
                this.once(element);
                return;
            case '?':
                if (this.enter(element)) this.once(element);
                return;
            case '*':
                while (this.enter(element)) this.once(element);
                return;
            case '+':
                do this.once(element); while (this.enter(element));
        }
    }

    /** Whether to enter an optional or repeated element (once more): see repetition-decisions.ts. */
    private enter(element: PlanElement): boolean {
        const decision = element.decide[this.next()];
        if (decision === UNSURE) throw GIVE_UP;
        return decision === ENTER;
    }

    private once(element: PlanElement): void {
        switch (element.kind) {
            case 'token': {
                if (!element.first[this.next()] || this.position >= this.tokens.count) throw GIVE_UP;
                this.consume(this.position++, element);
                return;
            }
            case 'rule':
                this.subrule(element);
                return;
            case 'group':
                for (const part of element.elements) this.element(part);
                return;
            case 'alternatives': {
                const choice = element.choice[this.next()]!;
                if (choice < 0) throw GIVE_UP;
                this.element(element.elements[choice]!);
                return;
            }
            case 'action':
                this.action(element);
        }
    }

    private get current(): Building {
        return this.stack[this.stack.length - 1]!;
    }

    private consume(index: number, element: TokenElement): void {
        const { builder, convert, tokenTypes } = this.services;
        const { offsets, lengths } = this.tokens;
        const offset = offsets[index]!;
        // The comments before the token go into the CST first, as in Langium's parser.
        let end = this.hiddenAt;
        while (end < this.hidden.count && this.hidden.offsets[end]! <= offset) end++;
        this.addHidden(end);
        const leaf = builder.buildTokenLeaf(offset, lengths[index]!, tokenTypes[this.types[index]!]!, element.source);
        const current = this.stack[this.stack.length - 1]!;
        if (element.assignment) {
            const image = this.image(index);
            this.assign(element.assignment, element.terminal ? convert(image, leaf, element.terminal) : image, leaf);
        } else if (current.$type === DatatypeSymbol) {
            const image = this.image(index);
            current.value += element.terminal ? convert(image, leaf, element.terminal)!.toString() : image;
        }
    }

    private subrule(element: RuleCallElement): void {
        const node = this.services.builder.buildCompositeNode(element.source);
        const start = this.position;
        const result = this.rule(element.rule);
        // Langium assigns the result when its node has a length: it does when the rule read a token (no token is empty).
        if (result === undefined || (this.position === start && !(node.length > 0))) return;
        const current = this.stack[this.stack.length - 1]!;
        if (element.assignment) {
            this.assign(element.assignment, result, node);
        } else if (current.$type === DatatypeSymbol) {
            current.value += String(result);
        } else if (typeof result === 'object' && result) {
            // An unassigned rule call: its object takes the place of the caller's, with what the caller had.
            this.stack[this.stack.length - 1] = takeOver(result as Building, current);
        }
    }

    private action(element: ActionElement): void {
        const action = element.source;
        if (!action.feature || !action.operator) {
            this.current.$type = element.type;
            return;
        }
        // `{Type.feature+=current}`: the object so far is complete, and becomes the new object's first child.
        const builder = this.services.builder;
        const last = this.construct(undefined) as Building;
        builder.removeNode(last.$cstNode!);
        const node: CompositeCstNode = builder.buildCompositeNode(action);
        node.content.push(last.$cstNode!);
        this.stack.push({ $type: element.type });
        this.assign({ feature: action.feature, operator: action.operator, crossReference: false }, last, last.$cstNode!);
    }

    /** Completes the object on top of the stack, made by `rule` (undefined: the object before an action, never a data type rule's). */
    private construct(rule: PlanRule | undefined): unknown {
        const { builder, convert, reflection } = this.services;
        const built = this.stack.pop()!;
        builder.construct(built as Building & { $cstNode: CstNode });
        if (built.$type === DatatypeSymbol) {
            if (!rule) throw GIVE_UP;
            return convert(built.value!, built.$cstNode!, rule.source);
        }
        const defaults = defaultsOf(reflection, built.$type as string);
        for (let i = 0; i < defaults.length; i++) {
            const [name, value] = defaults[i]!;
            if (built[name] === undefined) built[name] = copyDefault(value);
        }
        return built;
    }

    private assign({ feature, operator, crossReference }: Assigned, value: unknown, node: CstNode): void {
        const target = this.current;
        const item = crossReference && typeof value === 'string'
            ? this.services.linker.buildReference(target as unknown as AstNode, feature, node, value)
            : value;
        if (operator === '=') {
            const replaced = target[feature];
            // A clause given twice: the first node is left out of the tree, and Langium links only what is in it.
            if (isNode(replaced)) unlink(replaced);
            target[feature] = item;
            if (isNode(item)) link(item, target, feature, undefined);
        } else if (operator === '?=') {
            target[feature] = true;
        } else {
            const had = target[feature];
            const list: unknown[] = Array.isArray(had) ? had : [];
            if (list !== had) target[feature] = list;
            if (isNode(item)) link(item, target, feature, list.length);
            list.push(item);
        }
    }
}

/**
 * Links a complete node to its container, as Langium's parser does for the whole tree once it is
 * built (linkContentToContainer): the same three properties, after all of the node's own. A node
 * gets nothing after it is assigned to its container, so its properties come in the same order.
 */
function link(node: Building, container: Building, property: string, index: number | undefined): void {
    node['$container'] = container;
    node['$containerProperty'] = property;
    if (index !== undefined) node['$containerIndex'] = index;
}

/** Undoes {@link link} for a node left out of the tree, and for every node under it: Langium links none of them. */
function unlink(node: Building): void {
    delete node['$container'];
    delete node['$containerProperty'];
    delete node['$containerIndex'];
    for (const name in node) {
        if (name.startsWith('$')) continue;
        const value = node[name];
        if (isNode(value)) unlink(value);
        else if (Array.isArray(value)) for (const item of value) if (isNode(item)) unlink(item);
    }
}

/** Langium's test of an AST node, for the objects under construction here. */
const isNode = isAstNode as (value: unknown) => value is Building;

/**
 * The object of an unassigned rule call, which takes the place of its caller's (Langium's
 * assignWithoutOverride), with no syntax node yet: the caller's node will be its node. The
 * caller's object has only its `$type` in tml's grammar; were it to have more (to be given to the
 * callee's object, and linked to it), the fast parser gives up.
 */
function takeOver(target: Building, source: Building): Building {
    for (const name in source) if (name !== '$type') throw GIVE_UP;
    const node = target.$cstNode;
    if (node) {
        (node as { astNode: AstNode | undefined }).astNode = undefined;
        target.$cstNode = undefined;
    }
    return target;
}
