import type { LangiumDocument } from 'langium';
import { DocumentState } from 'langium';
import type { Finding } from '../generator/findings.js';
import { findingFromDiagnostic, sortFindings } from '../generator/findings.js';
import { internalErrorMessage } from './internal-error.js';
import { IssueCodes } from './issue-codes.js';

/** A document, and its file as outputs name it (relative to the current directory in the CLI). */
export interface NamedDocument {
    readonly file: string;
    readonly document: LangiumDocument;
}

/**
 * The findings of documents, sorted: what `tml check`, `tml report` and the editor's report list. A
 * document the build left unvalidated has a `tm/internal-error` finding rather than none: no failure
 * of tml may make a file pass.
 */
export function findingsOfDocuments(documents: readonly NamedDocument[]): Finding[] {
    return sortFindings(documents.flatMap(({ file, document }) => {
        if (document.state < DocumentState.Validated || !document.diagnostics) {
            return [{ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: IssueCodes.InternalError, message: internalErrorMessage('it was not validated') }];
        }
        return document.diagnostics.map(diagnostic => findingFromDiagnostic(file, diagnostic));
    }));
}
