import type { AstNode, DiagnosticInfo, LangiumDocument, ValidationAcceptor, ValidationCheck, ValidationOptions, ValidationSeverity } from 'langium';
import { DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled, toDiagnosticSeverity } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { ILexingError, IRecognitionException } from 'chevrotain';
import type { Diagnostic } from 'vscode-languageserver';
import { CancellationToken } from 'vscode-languageserver';
import { NODES_BETWEEN_INTERRUPTS, forEachAstNode } from '../model/ast-walk.js';
import type { ThreatModelConfigurationProvider } from '../workspace/configuration.js';
import { isBuiltinRules } from '../rules/builtin-document.js';
import { diagnoseInternalError } from './internal-error.js';
import { LSP_SEVERITY } from './lsp-severity.js';
import { flatString } from './flat-string.js';
import { findPropertyNode } from './property-node.js';
import { ThreatModelParserErrorMessageProvider } from '../parser/error-messages.js';
import { declarationsWithSyntaxErrors, syntaxErrorSites } from './syntax-errors.js';
import { isModel } from '../generated/ast.js';
import { ThreatModelValidationRegistry } from './validation-registry.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { ValidationReuse } from '../incremental/reuse-service.js';
import { documentNodes } from '../references/document-nodes.js';

const NO_FINDINGS: readonly Diagnostic[] = [];

/** Langium's `validateSingleNodeOptions` (protected): every node, with the nodes inside it. */
const LANGIUM_NODE_OPTIONS: unknown = Reflect.get(DefaultDocumentValidator.prototype, 'validateSingleNodeOptions');

/** Applies the user's `threatModel.severity` settings to tml's own findings (not to syntax errors). */
export class ThreatModelDocumentValidator extends DefaultDocumentValidator {
    private readonly configuration: ThreatModelConfigurationProvider;
    private readonly messages: ThreatModelParserErrorMessageProvider | undefined;

    private readonly reuse: ValidationReuse;

    /** How many nodes the last validation had, and of those how many it checked (the others' findings were taken over). */
    lastRun = { nodes: 0, checked: 0 };

    /** Runs after the checks of each node (the CLI collects garbage after some: cli/load-workspace.ts). */
    afterChecks: ((node: AstNode) => void) | undefined = undefined;

    constructor(services: LangiumServices) {
        super(services);
        this.reuse = new ValidationReuse(services as ThreatModelServices);
        this.configuration = services.shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
        const messages = services.parser.ParserErrorMessageProvider;
        this.messages = messages instanceof ThreatModelParserErrorMessageProvider ? messages : undefined;
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
     * Langium's `validateDocument` (syntax and linking errors, then the checks), with two changes:
     * the checks' findings are appended one by one, where Langium spreads them into
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
            diagnoseInternalError((severity, message, info) => diagnostics.push(this.toDiagnostic(severity, message, info)), root, error);
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
        this.addParsingErrors(document, diagnostics, options);
        if (options.stopAfterParsingErrors && found(DocumentValidator.ParsingError)) return true;
        this.processLinkingErrors(document, diagnostics, options);
        return options.stopAfterLinkingErrors === true && found(DocumentValidator.LinkingError);
    }

    /** Langium's linking errors, with the name a near miss most likely meant in `data.fix` (references/linker.ts). */
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const start = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const suggestions = new Map<number, string>();
        for (const reference of document.references) {
            const suggestion = (reference.error as { suggestion?: string } | undefined)?.suggestion;
            if (suggestion && reference.$refNode) suggestions.set(reference.$refNode.offset, suggestion);
        }
        if (suggestions.size === 0) return;
        for (let i = start; i < diagnostics.length; i++) {
            const diagnostic = diagnostics[i]!;
            const suggestion = suggestions.get(document.textDocument.offsetAt(diagnostic.range.start));
            if (suggestion) diagnostics[i] = { ...diagnostic, data: { ...(diagnostic.data as object), fix: { range: diagnostic.range, texts: [suggestion] } } };
        }
    }

    /**
     * Langium's parser errors (`processParsingErrors`), with two changes: an error on the first
     * token after a lexer error is left out (the lexer's message already says what is wrong: `'x'` in single quotes is one mistake,
     * not three), and an error whose message suggests a replacement (parser/syntax-messages.ts)
     * covers what it replaces and carries the replacement in `data.fix` for the quick-fix.
     */
    private addParsingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const parseResult = document.parseResult;
        const lexerErrors = [...parseResult.lexerErrors].sort((a, b) => a.offset - b.offset);
        const text = document.textDocument.getText();
        for (const error of parseResult.parserErrors) {
            if (followsLexerError(error, lexerErrors, text)) continue;
            const found: Diagnostic[] = [];
            super.processParsingErrors({ ...parseResult, parserErrors: [error] }, found, options);
            const fix = this.messages?.fixFor(error.token);
            for (const diagnostic of found) {
                if (fix) {
                    const range = { start: document.textDocument.positionAt(fix.start), end: document.textDocument.positionAt(fix.end) };
                    diagnostics.push({ ...diagnostic, range, data: { ...(diagnostic.data as object), fix: { range, texts: fix.texts } } });
                } else {
                    diagnostics.push(diagnostic);
                }
            }
        }
    }

    /**
     * Langium's `validateAst` (the registry's checks before, on every node, after), with the checks
     * of every node as {@link checkNodes} runs them.
     */
    protected override async validateAst(root: AstNode, options: ValidationOptions, cancelToken = CancellationToken.None): Promise<Diagnostic[]> {
        if (this.profiler?.isActive('validating')) return super.validateAst(root, options, cancelToken);
        const diagnostics: Diagnostic[] = [];
        const acceptor: ValidationAcceptor = (severity, message, info) => { diagnostics.push(this.toDiagnostic(severity, message, info)); };
        await this.validateAstBefore(root, options, acceptor, cancelToken);
        await this.checkNodes(root, options, diagnostics, acceptor, cancelToken);
        await this.validateAstAfter(root, options, acceptor, cancelToken);
        return diagnostics;
    }

    /** Langium's checks of every node (as {@link checkNodes} runs them). */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, acceptor, cancelToken);
        await this.checkNodes(root, options, undefined, acceptor, cancelToken);
    }

    /**
     * Langium's checks of every node, walking the tree with plain loops (model/ast-walk.ts) instead
     * of its streams, and skipping the declarations that hold a syntax error (README, "Syntax errors");
     * without any, the nodes are the list the scope computation and the linker walked (references/document-nodes.ts).
     * In a file open in the editor, the findings of the nodes an edit cannot have changed are taken
     * over from the previous version (incremental/validation-reuse.ts), in their place, when the
     * acceptor adds to `diagnostics`.
     */
    private async checkNodes(root: AstNode, options: ValidationOptions, diagnostics: Diagnostic[] | undefined, acceptor: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> {
        const document = root.$document;
        const broken = document ? declarationsWithSyntaxErrors(root, syntaxErrorSites(document.parseResult)) : new Set<AstNode>();
        const nodes = document && broken.size === 0 && this.validatesEveryNode() && document.parseResult.value === root
            ? documentNodes(document)
            : this.nodesToCheck(root, broken, options);
        const reuse = diagnostics && document && broken.size === 0 && isModel(root) ? this.reuse.start(document, root, nodes, options) : undefined;
        const found = reuse ? new Array<readonly Diagnostic[]>(nodes.length) : undefined;
        let checked = 0;
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 0) await interruptAndCheck(cancelToken);
            const node = nodes[i]!;
            const reused = reuse?.reused?.[i];
            if (reused && diagnostics) {
                for (const diagnostic of reused) diagnostics.push(diagnostic);
                found![i] = reused;
                continue;
            }
            const before = diagnostics?.length ?? 0;
            checked++;
            for (const check of this.checksOf(node.$type, options)) {
                const pending = check(node, acceptor, cancelToken);
                if (pending) await pending;
            }
            if (found && diagnostics) found[i] = diagnostics.length === before ? NO_FINDINGS : diagnostics.slice(before);
            this.afterChecks?.(node);
        }
        if (reuse && found) reuse.finish(found);
        this.lastRun = { nodes: nodes.length, checked };
    }

    /** Whether every node is checked, with the nodes inside it (Langium's {@link validateSingleNodeOptions}, not overridden). */
    private validatesEveryNode(): boolean {
        return this.validateSingleNodeOptions === LANGIUM_NODE_OPTIONS;
    }

    /** The nodes to check, in walking order: those {@link validateSingleNodeOptions} asks for, outside the declarations in `broken`. */
    private nodesToCheck(root: AstNode, broken: ReadonlySet<AstNode>, options: ValidationOptions): AstNode[] {
        const nodes: AstNode[] = [];
        forEachAstNode(root, node => {
            if (broken.has(node)) return false;
            const { validateNode, validateChildren } = this.validateSingleNodeOptions(node, options);
            if (validateNode) nodes.push(node);
            return validateChildren;
        });
        return nodes;
    }

    /** The registry's checks of a node type ({@link ThreatModelValidationRegistry.checksOf}: a list made once). */
    private checksOf(type: string, options: ValidationOptions): Iterable<ValidationCheck> {
        const registry = this.validationRegistry;
        return registry instanceof ThreatModelValidationRegistry ? registry.checksOf(type, options.categories) : registry.getChecks(type, options.categories);
    }

    /** Langium's diagnostic, with the range of a property found by {@link findPropertyNode}, and its message in one piece ({@link flatString}). */
    protected override toDiagnostic<N extends AstNode>(severity: ValidationSeverity, message: string, info: DiagnosticInfo<N, string>): Diagnostic {
        const range = info.range ?? (typeof info.property === 'string' ? (findPropertyNode(info.node, info.property, info.index) ?? info.node.$cstNode)?.range : undefined);
        if (!range) return super.toDiagnostic(severity, flatString(message), info);
        // Langium's diagnostic, its fields in the same order, built here rather than from a copy of `info` with the range set.
        return {
            message: flatString(message),
            range,
            severity: toDiagnosticSeverity(severity),
            code: info.code,
            codeDescription: info.codeDescription,
            tags: info.tags,
            relatedInformation: info.relatedInformation,
            data: info.data,
            source: this.getSource(),
        };
    }
}

/** Whether only white space stands between a lexer error (`lexerErrors` sorted by offset) and the token of a parser error. */
function followsLexerError(error: IRecognitionException, lexerErrors: readonly ILexingError[], text: string): boolean {
    const start = error.token.startOffset;
    if (lexerErrors.length === 0 || Number.isNaN(start)) return false;
    let low = 0;
    let high = lexerErrors.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (lexerErrors[middle]!.offset < start) low = middle + 1;
        else high = middle;
    }
    const before = lexerErrors[low - 1];
    if (!before) return false;
    const end = before.offset + before.length;
    return end <= start && start - end < 1_000 && text.slice(end, start).trim() === '';
}
