import type { LangiumDocument, ValidationOptions } from 'langium';
import { DefaultDocumentValidator } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { SeveritySetting, ThreatModelConfigurationProvider } from '../workspace/configuration.js';

const LSP_SEVERITY: Readonly<Record<Exclude<SeveritySetting, 'off'>, DiagnosticSeverity>> = {
    error: DiagnosticSeverity.Error,
    warning: DiagnosticSeverity.Warning,
    information: DiagnosticSeverity.Information,
    hint: DiagnosticSeverity.Hint,
};

/** Applies the user's `threatModel.severity` settings to tml's own findings (not to syntax errors). */
export class ThreatModelDocumentValidator extends DefaultDocumentValidator {
    private readonly configuration: ThreatModelConfigurationProvider;

    constructor(services: LangiumServices) {
        super(services);
        this.configuration = services.shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        const overrides = this.configuration.severityOverrides();
        if (overrides.size === 0) return diagnostics;
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const setting = typeof diagnostic.code === 'string' ? overrides.get(diagnostic.code) : undefined;
            if (setting === 'off') continue;
            result.push(setting ? { ...diagnostic, severity: LSP_SEVERITY[setting] } : diagnostic);
        }
        return result;
    }
}
