import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { visibleText } from '../model/visible-text.js';
import type { IssueSeverity } from '../validation/issue-codes.js';

/**
 * One finding as the CLI reports it (README.md#the-tml-command-line): a plain record with no Langium or LSP types,
 * so every output format can be written from it and CI pipelines can rely on its shape.
 * The property order is the order of `check --format json`.
 */
export interface Finding {
    /** Relative to the current directory, with forward slashes on every platform. */
    readonly file: string;
    /** 1-based. */
    readonly line: number;
    /** 1-based, in UTF-16 code units (as the editor counts them). */
    readonly column: number;
    /** 1-based. */
    readonly endLine: number;
    /** 1-based and exclusive: the column just after the last character of the range. */
    readonly endColumn: number;
    readonly severity: IssueSeverity;
    readonly code: string;
    readonly message: string;
}

/** The code given to a diagnostic that carries none (should not happen; kept so output stays valid). */
export const UNKNOWN_CODE = 'unknown';

/**
 * Severities from most to least severe; a finding "at or above" a threshold has an index lower
 * than or equal to it.
 */
export const SEVERITIES_BY_RANK: readonly IssueSeverity[] = ['error', 'warning', 'information', 'hint'];

/**
 * Converts one LSP diagnostic of `file` into a finding, its message's invisible characters made
 * visible (a lexer error quotes the character it stopped at). tml's own findings carry their code as
 * `code`; Langium's lexer, parser and linker errors carry theirs only in `data.code`
 * (`lexing-error`, `parsing-error`, `linking-error`), which is as stable, so it is used as is.
 */
export function findingFromDiagnostic(file: string, diagnostic: Diagnostic): Finding {
    const { start, end } = diagnostic.range;
    return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: severityName(diagnostic.severity),
        code: diagnosticCode(diagnostic),
        message: visibleText(diagnostic.message),
    };
}

function diagnosticCode(diagnostic: Diagnostic): string {
    if (typeof diagnostic.code === 'string' && diagnostic.code !== '') return diagnostic.code;
    const data: unknown = diagnostic.data;
    if (typeof data === 'object' && data !== null && 'code' in data && typeof data.code === 'string') return data.code;
    return diagnostic.code === undefined ? UNKNOWN_CODE : String(diagnostic.code);
}

/**
 * LSP leaves the severity optional and lets the client decide; editors show such diagnostics as
 * errors, and so does the CLI.
 */
function severityName(severity: Diagnostic['severity']): IssueSeverity {
    switch (severity) {
        case DiagnosticSeverity.Warning: return 'warning';
        case DiagnosticSeverity.Information: return 'information';
        case DiagnosticSeverity.Hint: return 'hint';
        default: return 'error';
    }
}

/** Whether a diagnostic is an error: what makes a model's generated outputs possibly incomplete. */
export function isError(diagnostic: Diagnostic): boolean {
    return diagnostic.severity === DiagnosticSeverity.Error;
}

/** Orders findings by file, line, column, then code and message so that output never depends on build order. */
export function compareFindings(a: Finding, b: Finding): number {
    return compareText(a.file, b.file)
        || a.line - b.line
        || a.column - b.column
        || compareText(a.code, b.code)
        || compareText(a.message, b.message);
}

/** A sorted copy (see {@link compareFindings}). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
    return [...findings].sort(compareFindings);
}

/** Code-unit order rather than `localeCompare`: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether `severity` is at least as severe as `threshold` (`warning` is at or above `information`). */
export function isAtOrAbove(severity: IssueSeverity, threshold: IssueSeverity): boolean {
    return SEVERITIES_BY_RANK.indexOf(severity) <= SEVERITIES_BY_RANK.indexOf(threshold);
}

/** `check --format json`: one JSON array of findings, pretty-printed, ending with a newline. */
export function formatJson(findings: readonly Finding[]): string {
    return `${JSON.stringify(findings, undefined, 2)}\n`;
}
