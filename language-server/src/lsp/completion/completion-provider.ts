import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionAcceptor, CompletionContext, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CancellationToken, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, CompletionList, InsertTextFormat } from 'vscode-languageserver';
import type { DfdElement, Quantifier, StrideCategory } from '../../generated/ast.js';
import { isExclude, isQuantifier, isStrideCategory, isThreat } from '../../generated/ast.js';
import { attributeValueMeaning } from '../../model/attribute-values.js';
import { CATEGORY_MEANINGS } from '../../model/explain.js';
import type { ThreatModelServices } from '../../threat-model-module.js';
import { describeSubject, factsOf } from '../../model/rule-vocabulary.js';
import { factHover, membersOf, subjectAfter, subjectAt } from '../rule-fact-context.js';
import { DECLARATION_SNIPPETS } from './declaration-snippets.js';
import { isInsideComment } from './inside-comment.js';
import { rankCategories, rankingDetail } from './stride-ranking.js';

/**
 * Completion on top of Langium's grammar-driven keywords and scope-filtered references (which
 * already offer only elements and flows after `targets`, only mitigations after `mitigatedBy`…):
 * - STRIDE categories rank those that apply to the threat's targets (or the exclude's elements)
 *   first, and say which elements the others do not apply to;
 * - after `classification`, `type` and `trust`, their values come first, each with its meaning;
 * - every declaration keyword is offered once, as a snippet that writes out the whole declaration
 *   (as a plain keyword for clients without snippets);
 * - nothing is offered inside a comment, and a reference is never completed on a node that cannot
 *   hold it (Langium's default logs an error from the scope provider then).
 */
export class ThreatModelCompletionProvider extends DefaultCompletionProvider {
    /** Unknown until the client says; assumed, since every snippet-less client says so at `initialize`. */
    private snippetSupport = true;

    constructor(services: ThreatModelServices) {
        super(services);
        services.shared.lsp.LanguageServer.onInitialize(params => {
            this.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport ?? false;
        });
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (root && isInsideComment(root, document.textDocument.offsetAt(params.position))) return CompletionList.create([]);
        return super.getCompletion(document, params, cancelToken);
    }

    /**
     * Langium completes a reference of the rule being parsed at the cursor on the node that the
     * whole text has there. Where the two disagree (after parser recovery, say), that node's type may
     * have no such reference, and the scope provider throws: complete on the nearest container that
     * has it instead, or offer no names.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const property = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature;
        // With `type`, Langium completes on a new node of that type, which has the reference.
        if (next.type !== undefined || property === undefined) return super.completionForCrossReference(context, next, acceptor);
        let node: AstNode | undefined = context.node;
        while (node && this.astReflection.getTypeMetaData(node.$type).properties[property]?.referenceType === undefined) node = node.$container;
        if (!node) return;
        return super.completionForCrossReference({ ...context, node }, next, acceptor);
    }

    /** In a rule's condition, the facts valid at the cursor (docs/language.md#rules), with what each means. */
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
        if (assignment?.feature !== 'segments' && next.property !== 'segments') return super.completionFor(context, next, acceptor);
        const before = context.textDocument.getText({ start: { line: context.position.line, character: 0 }, end: context.position });
        const typed = /([\w.]*?)\.?[\w]*$/.exec(before)?.[1] ?? '';
        const prefix = before.endsWith('.') || /\.\w+$/.test(before) ? typed.split('.').filter(s => s !== '') : [];
        // Right after `any L (` the condition has not parsed yet: it ranges over L's members.
        const opened = isQuantifier(context.node) && /\(\s*$/.test(before);
        const start = context.node && (opened ? membersOf(context.node as Quantifier) : subjectAt(context.node));
        const subject = start && subjectAfter(start, prefix);
        for (const fact of subject ? factsOf(subject) : []) {
            acceptor(context, { label: fact.name, kind: CompletionItemKind.Field, detail: `fact of ${describeSubject(subject!)}`, documentation: { kind: 'markdown', value: factHover(fact) } });
        }
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        // A fact's name is offered by completionFor, with its meaning, whether it is a keyword or not.
        if (rule === 'FactName') return;
        if (rule === 'StrideCategory' && isStrideCategory(keyword.value)) {
            this.completionForCategory(context, keyword.value, acceptor);
            return;
        }
        const meaning = rule === undefined ? undefined : attributeValueMeaning(rule, keyword.value);
        if (meaning !== undefined) {
            // A value of classification, type or trust: before the clause keywords, with what it means.
            acceptor(context, { label: keyword.value, kind: CompletionItemKind.EnumMember, documentation: meaning, sortText: '0' });
            return;
        }
        const snippet = DECLARATION_SNIPPETS[keyword.value];
        if (!snippet || snippet.rule !== rule || !this.snippetSupport) {
            return super.completionForKeyword(context, keyword, acceptor);
        }
        // One item per keyword: the snippet stands for the keyword (no keyword twice).
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Snippet,
            detail: snippet.detail,
            insertText: snippet.body,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: '1',
        });
    }

    private completionForCategory(context: CompletionContext, category: StrideCategory, acceptor: CompletionAcceptor): void {
        const elements = this.elementsInContext(context);
        const ranked = rankCategories(elements);
        const position = ranked.findIndex(r => r.category === category);
        const entry = ranked[position];
        if (!entry) return;
        acceptor(context, {
            label: category,
            kind: CompletionItemKind.EnumMember,
            detail: rankingDetail(entry, elements),
            documentation: { kind: 'markdown', value: CATEGORY_MEANINGS[category] },
            // Before the clause keywords ('1') when applicable, after them otherwise.
            sortText: `${entry.notApplicableTo.length === 0 ? '0' : '2'}${position}`,
        });
    }

    /** The resolved targets of the threat, or elements of the exclude, being edited. */
    private elementsInContext(context: CompletionContext): DfdElement[] {
        const node = context.node;
        const threat = AstUtils.getContainerOfType(node, isThreat);
        const references = threat?.targets ?? AstUtils.getContainerOfType(node, isExclude)?.elements ?? [];
        return references.flatMap(r => (r.ref ? [r.ref] : []));
    }
}
