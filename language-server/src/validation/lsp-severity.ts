import { DiagnosticSeverity } from 'vscode-languageserver';
import type { SeveritySetting } from '../workspace/configuration.js';

/** The LSP severity of each setting of `threatModel.severity` (and of each default severity). */
export const LSP_SEVERITY: Readonly<Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity>> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};
