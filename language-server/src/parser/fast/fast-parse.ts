import type { IToken } from 'chevrotain';
import type { AstNode, AstReflection, CompositeCstNode, CstNode, LexerResult, Linker, ParseResult, ValueConverter } from 'langium';
import { AstUtils, DatatypeSymbol } from 'langium';
import type { LinearCstNodeBuilder } from '../cst-node-builder.js';
import type { ActionElement, Assigned, GrammarPlan, PlanElement, PlanRule, RuleCallElement, TokenElement } from './grammar-plan.js';

/** What a parse uses of the language's services. */
export interface FastParseServices {
    readonly plan: GrammarPlan;
    readonly builder: LinearCstNodeBuilder;
    readonly converter: ValueConverter;
    readonly linker: Linker;
    readonly reflection: AstReflection;
}

/** Thrown where the input is not what the grammar expects there: the caller gives the parse to Langium's parser. */
export const GIVE_UP: unique symbol = Symbol('give up');

/** An object under construction, as Langium's parser keeps it on its stack. */
type Building = Record<string, unknown> & { $type: string | symbol; $cstNode?: CstNode; value?: string };

/**
 * Parses the tokens of `lexed` (no errors) from `rule`, making exactly what Langium 4.2.1's
 * LangiumParser makes for input without syntax errors: the same steps on the CST builder, in the
 * same order, with the same grammar elements, the same value conversions and references. It takes
 * the one alternative its next token starts (the grammar is LL(1)), and throws {@link GIVE_UP}
 * wherever no alternative does or tokens are left over: there Langium's parser would report an
 * error or choose by looking further ahead.
 */
export function fastParse<T extends AstNode>(services: FastParseServices, text: string, lexed: LexerResult, rule: PlanRule): ParseResult<T> {
    const builder = services.builder;
    builder.buildRootNode(text);
    const run = new FastParse(services, lexed);
    const value = run.rule(rule) as T;
    if (run.position < lexed.tokens.length) throw GIVE_UP;
    run.restOfHidden();
    AstUtils.linkContentToContainer(value, { deep: true });
    return { value, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: [] };
}

class FastParse {
    position = 0;
    private hiddenAt = 0;
    private readonly stack: Building[] = [];
    private readonly tokens: readonly IToken[];
    private readonly hidden: readonly IToken[];
    private readonly endOfInput: number;

    constructor(private readonly services: FastParseServices, lexed: LexerResult) {
        this.tokens = lexed.tokens;
        this.hidden = lexed.hidden;
        this.endOfInput = services.plan.endOfInput;
    }

    /** Runs a rule: the object it builds (or a data type rule's value), as Langium's rule method returns it. */
    rule(rule: PlanRule): unknown {
        this.stack.push(rule.type === DatatypeSymbol ? { $type: DatatypeSymbol, value: '' } : { $type: rule.type });
        this.element(rule.body);
        return this.construct();
    }

    /** Adds the comments after the last token, as Langium's parser does once the entry rule is done. */
    restOfHidden(): void {
        if (this.hiddenAt < this.hidden.length) this.services.builder.addHiddenNodes(this.hidden.slice(this.hiddenAt));
    }

    private get next(): number {
        return this.tokens[this.position]?.tokenTypeIdx ?? this.endOfInput;
    }

    private element(element: PlanElement): void {
        switch (element.cardinality) {
            case undefined:
                this.once(element);
                return;
            case '?':
                if (element.first[this.next]) this.once(element);
                return;
            case '*':
                while (element.first[this.next]) this.once(element);
                return;
            case '+':
                do this.once(element); while (element.first[this.next]);
        }
    }

    private once(element: PlanElement): void {
        switch (element.kind) {
            case 'token': {
                const token = this.tokens[this.position];
                if (!token || !element.first[token.tokenTypeIdx]) throw GIVE_UP;
                this.position++;
                this.consume(token, element);
                return;
            }
            case 'rule':
                this.subrule(element);
                return;
            case 'group':
                for (const part of element.elements) this.element(part);
                return;
            case 'alternatives': {
                const choice = element.choice[this.next]!;
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

    private consume(token: IToken, element: TokenElement): void {
        const { builder, converter } = this.services;
        // The comments before the token go into the CST first, as in Langium's parser.
        const from = this.hiddenAt;
        while (this.hiddenAt < this.hidden.length && this.hidden[this.hiddenAt]!.startOffset <= token.startOffset) this.hiddenAt++;
        if (this.hiddenAt > from) builder.addHiddenNodes(this.hidden.slice(from, this.hiddenAt));
        const leaf = builder.buildLeafNode(token, element.source);
        if (element.assignment) {
            this.assign(element.assignment, element.keyword ? token.image : converter.convert(token.image, leaf), leaf);
        } else if (this.current.$type === DatatypeSymbol) {
            this.current.value += element.keyword ? token.image : converter.convert(token.image, leaf)!.toString();
        }
    }

    private subrule(element: RuleCallElement): void {
        const node = this.services.builder.buildCompositeNode(element.source);
        const result = this.rule(element.rule);
        if (result === undefined || !(node.length > 0)) return;
        if (element.assignment) {
            this.assign(element.assignment, result, node);
        } else if (this.current.$type === DatatypeSymbol) {
            this.current.value += String(result);
        } else if (typeof result === 'object' && result) {
            // An unassigned rule call: its object takes the place of the caller's, with what the caller had.
            this.stack[this.stack.length - 1] = takeOver(result as Building, this.current);
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
        const last = this.construct() as Building;
        builder.removeNode(last.$cstNode!);
        const node: CompositeCstNode = builder.buildCompositeNode(action);
        node.content.push(last.$cstNode!);
        this.stack.push({ $type: element.type });
        this.assign({ feature: action.feature, operator: action.operator, crossReference: false }, last, last.$cstNode!);
    }

    private construct(): unknown {
        const { builder, converter, reflection } = this.services;
        const built = this.stack.pop()!;
        builder.construct(built as Building & { $cstNode: CstNode });
        if (built.$type === DatatypeSymbol) return converter.convert(built.value!, built.$cstNode!);
        AstUtils.assignMandatoryProperties(reflection, built as unknown as AstNode);
        return built;
    }

    private assign({ feature, operator, crossReference }: Assigned, value: unknown, node: CstNode): void {
        const target = this.current;
        const item = crossReference && typeof value === 'string'
            ? this.services.linker.buildReference(target as unknown as AstNode, feature, node, value)
            : value;
        if (operator === '=') {
            target[feature] = item;
        } else if (operator === '?=') {
            target[feature] = true;
        } else {
            const list = target[feature];
            if (Array.isArray(list)) list.push(item);
            else target[feature] = [item];
        }
    }
}

/**
 * The object of an unassigned rule call, given what its caller's object had (Langium's
 * assignWithoutOverride): the caller's properties it lacks, the caller's lists in front of its
 * own; and no syntax node yet, as the caller's node will be its node.
 */
function takeOver(target: Building, source: Building): Building {
    for (const [name, had] of Object.entries(source)) {
        const own = target[name];
        if (own === undefined) {
            target[name] = had;
        } else if (Array.isArray(own) && Array.isArray(had)) {
            had.push(...(own as unknown[]));
            target[name] = had;
        }
    }
    const node = target.$cstNode;
    if (node) {
        (node as { astNode: AstNode | undefined }).astNode = undefined;
        target.$cstNode = undefined;
    }
    return target;
}
