import type { LangiumDocument } from 'langium';
import type { Formatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import { canonicalLayoutEdits } from './formatting/whitespace-edits.js';

/**
 * Formats a whole `.tm` file or a range of it into tml's canonical layout (see
 * `formatting/layout-rules.ts`), format-on-save safe: it only changes whitespace between tokens,
 * never a token or a comment, and leaves a file with syntax errors alone (its tree does not tell
 * where clauses begin).
 *
 * It implements Langium's `Formatter` interface rather than extending `AbstractFormatter`: that
 * class re-indents the inner lines of a `/* … *\/` comment (changing the comment) and decides the
 * space before a token without seeing comments in between, so it could not guarantee the
 * "whitespace only" property that this formatter is built around.
 */
export class ThreatModelFormatter implements Formatter {
    formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.layoutEdits(document);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.layoutEdits(document).filter(edit => overlaps(edit.range, params.range));
    }

    /** Not offered: a canonical layout needs whole clauses, which typing has not finished yet. */
    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private layoutEdits(document: LangiumDocument): TextEdit[] {
        const { lexerErrors, parserErrors, value } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) return [];
        return canonicalLayoutEdits(value, document.textDocument);
    }
}

function overlaps(a: Range, b: Range): boolean {
    const before = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
    return before(a.start, b.end) && before(b.start, a.end);
}
