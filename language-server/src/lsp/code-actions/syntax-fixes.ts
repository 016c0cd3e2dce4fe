import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { quote } from '../../validation/quote.js';

/** What a syntax error's diagnostic carries when its message suggests a replacement (validation/document-validator.ts). */
export interface SyntaxFixData {
    readonly range: Range;
    /** The replacements, best first: `fix` for `mitigate`, `api_gateway` and `apiGateway` for `api-gateway`. */
    readonly texts: readonly string[];
}

function isSyntaxFixData(value: unknown): value is SyntaxFixData {
    const data = value as Partial<SyntaxFixData> | undefined;
    return typeof data === 'object' && data !== null && typeof data.range === 'object' && Array.isArray(data.texts) && data.texts.every(t => typeof t === 'string');
}

/**
 * The quick-fixes of a syntax error that says "did you mean …": one per replacement, the first
 * preferred ("Change 'mitigate' to 'fix'").
 */
export function syntaxFixes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
    const fix = (diagnostic.data as { fix?: unknown } | undefined)?.fix;
    if (!isSyntaxFixData(fix)) return [];
    const written = document.textDocument.getText(fix.range);
    return fix.texts.map((text, index) => ({
        title: text === '' ? `Remove ${quote(written)}` : `Change ${quote(written)} to ${quote(text)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0 || undefined,
        edit: { changes: { [document.textDocument.uri]: [{ range: fix.range, newText: text }] } },
    }));
}
