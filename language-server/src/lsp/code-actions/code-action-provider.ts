import type { LangiumDocument } from 'langium';
import { DocumentValidator } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { IssueCode, ThreatModelDiagnosticData } from '../../validation/issue-codes.js';
import { isIssueCode } from '../../validation/issue-codes.js';
import { isBuiltinRules } from '../../rules/builtin-document.js';
import type { ThreatModelServices } from '../../threat-model-module.js';
import type { FixContext } from './fix-context.js';
import { nodeAtDiagnostic, UniqueNames } from './fix-context.js';
import { FIX_ALL_LABELS, QUICK_FIXES } from './quick-fixes.js';
import { syntaxFixes } from './syntax-fixes.js';
import { CREATE_SCENARIO_KIND, createScenarioFromSelection } from './scenario-from-selection.js';

/** The `source.fixAll` kind of tml's "Fix all" actions, for *Source Action…* and fix-on-save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.threatModel`;

/**
 * The same "Fix all" actions as quick-fixes, so that they show in the Ctrl+. menu of a finding:
 * VS Code leaves `source` actions out of that menu unless they are asked for.
 */
export const FIX_ALL_QUICK_KIND = `${CodeActionKind.QuickFix}.fixAll.threatModel`;

/**
 * Offers the quick-fixes of {@link QUICK_FIXES} for the diagnostics in the request, a "Fix all"
 * action per code that has more than one finding in the file, and a scenario made of the flows
 * the selection touches.
 */
export class ThreatModelCodeActionProvider implements CodeActionProvider {
    private readonly services: ThreatModelServices;

    constructor(services: ThreatModelServices) {
        this.services = services;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const only = params.context.only;
        const wants = (kind: string): boolean => !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
        const actions: CodeAction[] = [];
        if (wants(CodeActionKind.QuickFix)) {
            const names = this.uniqueNames();
            for (const diagnostic of params.context.diagnostics) {
                actions.push(...this.fixesFor(document, diagnostic, names));
            }
        }
        const onFindings = params.context.diagnostics.length > 0;
        // Without `only` (the Ctrl+. menu), one kind: the one the menu shows.
        if (only ? wants(FIX_ALL_KIND) : !onFindings) {
            actions.push(...this.fixAllActions(document, params.context.diagnostics, FIX_ALL_KIND));
        }
        if (onFindings && (only ? wants(FIX_ALL_QUICK_KIND) : true)) {
            actions.push(...this.fixAllActions(document, params.context.diagnostics, FIX_ALL_QUICK_KIND));
        }
        if (wants(CREATE_SCENARIO_KIND)) {
            const scenario = createScenarioFromSelection(document, params.range, this.uniqueNames());
            if (scenario) actions.push(scenario);
        }
        return actions;
    }

    /** Every quick-fix for one diagnostic. */
    fixesFor(document: LangiumDocument, diagnostic: Diagnostic, names: UniqueNames = this.uniqueNames()): CodeAction[] {
        const builtIn = (diagnostic.data as { code?: unknown } | undefined)?.code;
        if (builtIn === DocumentValidator.ParsingError || builtIn === DocumentValidator.LinkingError) return syntaxFixes(document, diagnostic);
        const data = diagnostic.data as Partial<ThreatModelDiagnosticData> | undefined;
        const code = data?.code;
        if (!isIssueCode(code)) return [];
        const fix = QUICK_FIXES[code];
        const node = nodeAtDiagnostic(document, diagnostic);
        if (!fix || !node) return [];
        const index = this.services.workspace.ModelIndex;
        const roots = this.services.workspace.ModelRoots;
        const context: FixContext = {
            document, diagnostic, data: { ...data, code }, node, names,
            ruleMatches: element => index.ruleSuggestions(element).matchesFor(element),
            // The files a fix may write to: those of the document's own model (docs/language.md#models-in-a-workspace).
            documents: () => roots.group(roots.keyOf(document.uri)).documents.filter(d => !isBuiltinRules(d.uri)),
        };
        return fix(context);
    }

    /**
     * "Fix all" per code: the preferred fix of every finding of that code in the file, in one edit.
     * Offered for the codes of the diagnostics in the request (or every code, when the request
     * carries none, as a source action from the editor's "Source Action…" menu does), as a quick-fix
     * in the Ctrl+. menu of a finding and as a `source.fixAll` action.
     */
    private fixAllActions(document: LangiumDocument, requested: readonly Diagnostic[], kind: string): CodeAction[] {
        const all = document.diagnostics ?? [];
        const requestedCodes = new Set(requested.map(d => d.code));
        const actions: CodeAction[] = [];
        for (const [code, label] of Object.entries(FIX_ALL_LABELS) as Array<[IssueCode, string]>) {
            if (requested.length > 0 && !requestedCodes.has(code)) continue;
            const findings = all.filter(d => d.code === code);
            if (findings.length < 2) continue;
            const names = this.uniqueNames();
            // Per file: a rule's threat draft may go to the file where the model's threats are.
            const changes: Record<string, TextEdit[]> = {};
            for (const finding of findings) {
                const preferred = this.fixesFor(document, finding, names).find(a => a.isPreferred);
                for (const [uri, edits] of Object.entries(preferred?.edit?.changes ?? {})) (changes[uri] ??= []).push(...edits);
            }
            if (Object.keys(changes).length === 0) continue;
            actions.push({
                title: `Fix all: ${label} (${findings.length} in this file)`,
                kind,
                diagnostics: findings,
                edit: { changes },
            });
        }
        return actions;
    }

    private uniqueNames(): UniqueNames {
        return new UniqueNames(this.services.shared.workspace.IndexManager.allElements().map(d => d.name));
    }
}
