import type { AstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { DfdElement } from '../../generated/ast.js';
import type { Suggestion } from '../../model/rule-suggestions.js';
import type { ThreatModelDiagnosticData } from '../../validation/issue-codes.js';

/** Everything a quick-fix needs to know about one diagnostic. */
export interface FixContext {
    readonly document: LangiumDocument;
    readonly diagnostic: Diagnostic;
    readonly data: ThreatModelDiagnosticData;
    /** The AST node the diagnostic starts on (its innermost node). */
    readonly node: AstNode;
    /** Hands out identifiers that are not yet declared anywhere in the workspace. */
    readonly names: UniqueNames;
    /** The rules that hold for an element (docs/language.md#rules), answered or not; none when not given. */
    readonly ruleMatches?: (element: DfdElement) => readonly Suggestion[];
    /** The model files of the workspace, where drafted threats may go; the finding's own file when not given. */
    readonly documents?: () => readonly LangiumDocument[];
}

/** A quick-fix: zero or more code actions for one diagnostic. */
export type QuickFix = (context: FixContext) => CodeAction[];

/** Fresh identifiers: taken names are those of the workspace index plus those handed out so far. */
export class UniqueNames {
    private readonly taken: Set<string>;

    constructor(existing: Iterable<string>) {
        this.taken = new Set(existing);
    }

    /**
     * A copy for an alternative action: names it claims stay free for the preferred action, which
     * "Fix all" combines with the preferred actions of other findings.
     */
    fork(): UniqueNames {
        return new UniqueNames(this.taken);
    }

    /** `base` if free, else `base2`, `base3`… */
    claim(base: string): string {
        const clean = base.replace(/[^\w]/g, '') || 'Threat';
        const start = /^[_a-zA-Z]/.test(clean) ? clean : `T${clean}`;
        let name = start;
        for (let i = 2; this.taken.has(name); i++) name = `${start}${i}`;
        this.taken.add(name);
        return name;
    }
}

/** The innermost AST node at the start of a diagnostic's range. */
export function nodeAtDiagnostic(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
}

/** A quick-fix code action with edits to the diagnostic's own document. */
export function quickFix(context: FixContext, title: string, edits: ReadonlyArray<TextEdit | undefined>, isPreferred = false): CodeAction[] {
    const changes = edits.filter((e): e is TextEdit => e !== undefined);
    if (changes.length === 0) return [];
    return [{
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        isPreferred: isPreferred || undefined,
        edit: { changes: { [context.document.textDocument.uri]: changes } },
    }];
}
