import type { AstNode, CstNode, Grammar, ValidationAcceptor } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Dread } from '../generated/ast.js';
import { isDfdElement } from '../generated/ast.js';
import { describeElement } from '../model/stride.js';
import { IssueCodes } from './issue-codes.js';
import { findNodesOfProperties } from './property-node.js';
import { diagnose } from './diagnose.js';
import { quote } from './quote.js';

/** A clause the grammar lets the user write more than once, although the AST keeps one value. */
export interface SingleValuedClause {
    readonly property: string;
    /** A `?=` flag (`logs`, `encrypted`): writing it twice loses nothing, it only says it twice. */
    readonly flag: boolean;
}

/** Per AST type, its {@link SingleValuedClause}s. */
export type SingleValuedClauses = ReadonlyMap<string, readonly SingleValuedClause[]>;

/**
 * Reads the single-valued clauses off the grammar: the properties assigned with `=` or `?=` inside
 * a repeated group, the ones langium-cli warns about ("multiple assignments"). The parser keeps
 * the last value of such a property, so every earlier one is lost without a word. Read from the
 * grammar so that a clause added to it later is checked too.
 */
export function singleValuedClauses(grammar: Grammar): SingleValuedClauses {
    const clauses = new Map<string, SingleValuedClause[]>();
    for (const rule of grammar.rules) {
        if (!GrammarAST.isParserRule(rule) || rule.fragment || GrammarUtils.isDataTypeRule(rule)) continue;
        const found = AstUtils.streamAllContents(rule)
            .filter(GrammarAST.isAssignment)
            .filter(a => !GrammarUtils.isArrayOperator(a.operator) && insideRepetition(a))
            .distinct(a => a.feature)
            .map(a => ({ property: a.feature, flag: a.operator === '?=' }))
            .toArray();
        if (found.length > 0) clauses.set(GrammarUtils.getRuleTypeName(rule), found);
    }
    return clauses;
}

function insideRepetition(assignment: GrammarAST.Assignment): boolean {
    for (let element: AstNode | undefined = assignment; element && !GrammarAST.isParserRule(element); element = element.$container) {
        if (GrammarAST.isAbstractElement(element) && GrammarUtils.isArrayCardinality(element.cardinality)) return true;
    }
    return false;
}

/**
 * A clause as written: its keyword and its last syntax node. Its range is made only for a
 * duplicate: asking every clause of a model for it kept two ranges per clause alive in the syntax tree.
 */
export interface WrittenClause {
    readonly keyword: CstNode;
    readonly last: CstNode;
}

function rangeOf(clause: WrittenClause): Range {
    return { start: clause.keyword.range.start, end: clause.last.range.end };
}

/**
 * `tm/clause-duplicate`: a clause of a declaration written more than once (two `dread` blocks, two
 * `response`s, two `status`es). Reported on every occurrence but the last: the parser keeps the
 * last, so those are the ones the model ignores, and removing one leaves the meaning unchanged.
 */
export function checkClausesWrittenOnce(node: AstNode, accept: ValidationAcceptor, clauses: SingleValuedClauses): void {
    const ofType = clauses.get(node.$type);
    if (!ofType) return;
    // One walk of the node's own syntax for all its clauses (not GrammarUtils.findNodesForProperty, which climbs
    // the grammar from every syntax node): this runs for every node, and almost every clause is written once.
    const written = findNodesOfProperties(node, propertiesOf(ofType));
    let owner: string | undefined;
    ofType.forEach(({ flag }, at) => {
        const values = written[at]!;
        if (values.length < 2) return;
        owner ??= describeOwner(node);
        diagnoseIgnored(accept, node, owner, values.map(clauseOf), flag ? 'flag' : 'clause');
    });
}

/** The properties of a type's clauses, listed once per list of clauses. */
const clauseProperties = new WeakMap<readonly SingleValuedClause[], readonly string[]>();

function propertiesOf(clauses: readonly SingleValuedClause[]): readonly string[] {
    let properties = clauseProperties.get(clauses);
    if (!properties) {
        properties = clauses.map(c => c.property);
        clauseProperties.set(clauses, properties);
    }
    return properties;
}

/** `tm/clause-duplicate` for a DREAD factor given twice in one `dread` block (the risk uses the last). */
export function checkDreadFactorsGivenOnce(dread: Dread, accept: ValidationAcceptor): void {
    const byFactor = new Map<string, CstNode[]>();
    let repeated = false;
    for (const factor of dread.factors) {
        const cst = factor.$cstNode;
        if (!factor.factor || !cst) continue;
        const written = byFactor.get(factor.factor);
        if (written) {
            written.push(cst);
            repeated = true;
        } else {
            byFactor.set(factor.factor, [cst]);
        }
    }
    if (!repeated) return;
    const owner = `The DREAD rating of threat ${quote(dread.$container.name)}`;
    for (const written of byFactor.values()) {
        if (written.length > 1) diagnoseIgnored(accept, dread, owner, written.map(cst => ({ keyword: firstToken(cst), last: cst })), 'factor');
    }
}

/** @internal The kind of a repeated clause, for its message (exported for the test against Langium's lookup). */
export type ClauseKind = 'clause' | 'flag' | 'factor';

/** @internal `tm/clause-duplicate` on every one of `written` but the last (exported for the test against Langium's lookup). */
export function diagnoseIgnored(accept: ValidationAcceptor, node: AstNode, owner: string, written: readonly WrittenClause[], kind: ClauseKind): void {
    if (written.length < 2) return;
    const clause = written[0]!.keyword.text;
    written.slice(0, -1).forEach((occurrence, index) => {
        const duplicates = written.filter((_, other) => other !== index).map(rangeOf);
        diagnose(accept, IssueCodes.ClauseDuplicate, duplicateMessage(owner, clause, written.length, kind),
            { node, range: occurrence.keyword.range }, { clause, actionRange: rangeOf(occurrence), duplicates });
    });
}

const COUNT_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function duplicateMessage(owner: string, clause: string, count: number, kind: ClauseKind): string {
    const times = COUNT_WORDS[count] ?? String(count);
    if (kind === 'flag') return `${owner} says ${quote(clause)} ${count === 2 ? 'twice' : `${times} times`}; once is enough. Remove this one.`;
    const what = kind === 'factor' ? 'factors' : 'clauses';
    return `${owner} has ${times} ${quote(clause)} ${what}; only the last one counts, so this one is ignored. Remove one of them.`;
}

/** @internal "Threat 'SessionHijack'", "Data store 'OrdersDb'" */
export function describeOwner(node: AstNode): string {
    if (isDfdElement(node)) return describeElement(node);
    const name = 'name' in node && typeof node.name === 'string' ? node.name : undefined;
    return name === undefined ? `This ${node.$type.toLowerCase()}` : `${node.$type} ${quote(name)}`;
}

/**
 * @internal The whole clause of an assigned value: from the keyword that introduces it (`response` before
 * `fix`) or, when the value brings its own (`dread { … }`, the flag `logs`), from its first token.
 */
export function clauseOf(value: CstNode): WrittenClause {
    const keyword = keywordBefore(value) ?? firstToken(value);
    return { keyword, last: value };
}

function keywordBefore(value: CstNode): CstNode | undefined {
    const assignment = AstUtils.getContainerOfType(value.grammarSource, GrammarAST.isAssignment);
    const previous = CstUtils.getPreviousNode(value, false);
    const source = previous?.grammarSource;
    return assignment && GrammarAST.isKeyword(source) && source.$container === assignment.$container ? previous : undefined;
}

/** @internal The first token of a syntax node that is not hidden (itself when it has none). */
export function firstToken(node: CstNode): CstNode {
    return CstUtils.streamCst(node).find(n => isLeafCstNode(n) && !n.hidden) ?? node;
}
