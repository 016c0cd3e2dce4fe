import type { AstNode, DiagnosticInfo, LangiumDocument, ValidationAcceptor, ValidationOptions, ValidationSeverity } from 'langium';
import { DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-languageserver';
import { NODES_BETWEEN_INTERRUPTS, forEachAstNode } from '../parser/ast-walk.js';
import type { ThreatModelConfigurationProvider } from '../workspace/configuration.js';
import { isBuiltinRules } from '../rules/builtin-document.js';
import { reportInternalError } from './internal-error.js';
import { LSP_SEVERITY } from './lsp-severity.js';
import { findPropertyNode } from './property-node.js';

/** Applies the user's `threatModel.severity` settings to tml's own findings (not to syntax errors). */
export class ThreatModelDocumentValidator extends DefaultDocumentValidator {
    private readonly configuration: ThreatModelConfigurationProvider;

    constructor(services: LangiumServices) {
        super(services);
        this.configuration = services.shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        // The built-in rule library is not a user file: its rules act on the model, it has no findings of its own.
        if (isBuiltinRules(document.uri)) return [];
        const diagnostics = await this.findingsOf(document, options, cancelToken);
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

    /**
     * Langium's `validateDocument` (syntax and linking errors, then the checks), with two changes
     * (issue 11): the checks' findings are appended one by one, where Langium spreads them into
     * one `push(...)` call, which overflows the stack past about 125,000 findings; and a failure
     * is a `tm/internal-error` finding, where Langium only logs it and the file has no finding.
     */
    private async findingsOf(document: LangiumDocument, options: ValidationOptions, cancelToken: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        const root = document.parseResult.value;
        try {
            if (!this.addBuiltInErrors(document, diagnostics, options)) {
                const found = await this.validateAst(root, options, cancelToken);
                for (const diagnostic of found) diagnostics.push(diagnostic);
            }
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error(error instanceof Error ? error.stack ?? error.message : String(error));
            reportInternalError((severity, message, info) => diagnostics.push(this.toDiagnostic(severity, message, info)), root, error);
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }

    /** Adds the lexer, parser and linker errors; true when `options` say to stop after those found. */
    private addBuiltInErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): boolean {
        if (options.categories && !options.categories.includes('built-in')) return false;
        const found = (code: string): boolean => diagnostics.some(d => (d.data as { code?: unknown } | undefined)?.code === code);
        this.processLexingErrors(document.parseResult, diagnostics, options);
        if (options.stopAfterLexingErrors && found(DocumentValidator.LexingError)) return true;
        this.processParsingErrors(document.parseResult, diagnostics, options);
        if (options.stopAfterParsingErrors && found(DocumentValidator.ParsingError)) return true;
        this.processLinkingErrors(document, diagnostics, options);
        return options.stopAfterLinkingErrors === true && found(DocumentValidator.LinkingError);
    }

    /** Langium's checks of every node, walking the tree with plain loops (parser/ast-walk.ts) instead of its streams. */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, acceptor, cancelToken);
        const nodes: AstNode[] = [];
        forEachAstNode(root, node => {
            const { validateNode, validateChildren } = this.validateSingleNodeOptions(node, options);
            if (validateNode) nodes.push(node);
            return validateChildren;
        });
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i]!;
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                await check(node, acceptor, cancelToken);
            }
        }
    }

    /** Langium's diagnostic, with the range of a property found by {@link findPropertyNode}. */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        if (info.range || typeof info.property !== 'string') return super.toDiagnostic(severity, message, info);
        const range = (findPropertyNode(info.node, info.property, info.index) ?? info.node.$cstNode)?.range;
        return super.toDiagnostic(severity, message, range ? { ...info, range } : info);
    }
}
