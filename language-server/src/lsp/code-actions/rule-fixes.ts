import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { DfdElement, Rule } from '../../generated/ast.js';
import { isDfdElement, isModel, isThreat } from '../../generated/ast.js';
import type { FixContext, UniqueNames } from './fix-context.js';
import { quickFix } from './fix-context.js';
import { INDENT, insertAfterDeclaration, quote } from './text-edits.js';

/**
 * A complete threat drafted from a rule (docs/language.md#rules): title, category, target, `rule R`, the
 * rule's CWE and CAPEC and description, its suggested mitigation as a comment to act on, and an
 * empty `dread { }` to score. No response: the draft stays unaddressed until the user decides.
 */
export function threatFromRule(names: UniqueNames, rule: Rule, element: DfdElement): string {
    const name = names.claim(`${element.name}${rule.name}`);
    const lines = [
        `threat ${name} ${quote(`${rule.title ?? rule.name} (${element.title ?? element.name})`)} {`,
        `${INDENT}stride ${rule.stride}`,
        `${INDENT}targets ${element.name}`,
        `${INDENT}rule ${rule.name}`,
    ];
    if (rule.cwe.length > 0) lines.push(`${INDENT}cwe ${rule.cwe.join(', ')}`);
    if (rule.capec.length > 0) lines.push(`${INDENT}capec ${rule.capec.join(', ')}`);
    if (rule.description) lines.push(`${INDENT}description ${quote(rule.description)}`);
    if (rule.mitigation) lines.push(`${INDENT}// Suggested mitigation: ${rule.mitigation.replace(/\s+/g, ' ')}`);
    lines.push(`${INDENT}dread { }`, '}');
    return lines.join('\n');
}

/**
 * Where drafted threats go: after the last threat of the model file that holds the most threats,
 * or after the element when the model has none. The edit may be in another file than the finding.
 */
export function insertThreats(context: FixContext, element: DfdElement, drafts: readonly string[]): { uri: string; edit: TextEdit } | undefined {
    const home = threatsFile(context.documents?.() ?? [context.document]);
    const root = home?.parseResult.value;
    const last = isModel(root) ? root.declarations.filter(isThreat).at(-1) : undefined;
    const document = last ? home! : context.document;
    const edit = insertAfterDeclaration(document, last ?? element, drafts);
    return edit && { uri: document.textDocument.uri, edit };
}

function threatsFile(documents: readonly LangiumDocument[]): LangiumDocument | undefined {
    let best: LangiumDocument | undefined;
    let most = 0;
    for (const document of documents) {
        const root = document.parseResult.value;
        const count = isModel(root) ? root.declarations.filter(isThreat).length : 0;
        if (count > most) [best, most] = [document, count];
    }
    return best;
}

/** A quick-fix whose edit may be in another document than the finding's. */
function workspaceFix(context: FixContext, title: string, change: { uri: string; edit: TextEdit } | undefined, isPreferred: boolean): CodeAction[] {
    if (!change) return [];
    return [{
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [context.diagnostic],
        isPreferred: isPreferred || undefined,
        edit: { changes: { [change.uri]: [change.edit] } },
    }];
}

/** "Add threat from rule R" for every rule that holds for the element in one of `categories`. */
export function ruleDraftFixes(context: FixContext, element: DfdElement, categories: readonly string[], preferFirst: boolean): CodeAction[] {
    const matches = context.ruleMatches?.(element) ?? [];
    return matches.filter(m => m.rule.stride && categories.includes(m.rule.stride)).flatMap((match, index) => {
        const names = index === 0 && preferFirst ? context.names : context.names.fork();
        return workspaceFix(context, `Add threat from rule '${match.rule.name}' for '${element.name}'`,
            insertThreats(context, element, [threatFromRule(names, match.rule, element)]), index === 0 && preferFirst);
    });
}

/** `tm/rule-suggests`: add the threat drafted from the rule (preferred), or dismiss the rule on the element. */
export function fixRuleSuggestion(context: FixContext): CodeAction[] {
    const element = AstUtils.getContainerOfType(context.node, isDfdElement);
    const ruleName = context.data.rule;
    const rule = element && (context.ruleMatches?.(element) ?? []).find(m => m.rule.name === ruleName)?.rule;
    if (!element || !rule) return [];
    const draft = workspaceFix(context, `Add threat from rule '${rule.name}' for '${element.name}'`,
        insertThreats(context, element, [threatFromRule(context.names, rule, element)]), true);
    const reason = quote(`TODO: why rule ${rule.name} does not apply to ${element.name}`);
    const dismiss = quickFix(context, `Dismiss '${rule.name}' on '${element.name}'…`,
        [insertAfterDeclaration(context.document, element, [`dismiss ${rule.name} on ${element.name} ${reason}`])]);
    return [...draft, ...dismiss];
}
