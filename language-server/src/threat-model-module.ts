import type { Module } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { ThreatModelCodeActionProvider } from './lsp/code-actions/code-action-provider.js';
import { ThreatModelCodeLensProvider } from './lsp/code-lens-provider.js';
import { ThreatModelCompletionProvider } from './lsp/completion/completion-provider.js';
import { ThreatModelDocumentLinkProvider } from './lsp/document-link-provider.js';
import { ThreatModelDocumentSymbolProvider } from './lsp/document-symbol-provider.js';
import { ThreatModelFormatter } from './lsp/formatter.js';
import { ThreatModelHoverProvider } from './lsp/hover-provider.js';
import { ThreatModelNodeKindProvider } from './lsp/node-kind-provider.js';
import { ThreatModelRenameProvider } from './lsp/rename-provider.js';
import { ThreatModelSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { ThreatModelGeneratedSharedModule, ThreatModelLanguageGeneratedModule } from './generated/module.js';
import { ResilientDocumentUpdateHandler } from './lsp/document-update-handler.js';
import { capPublishedFindings } from './lsp/findings-cap.js';
import { createThreatModelParser } from './parser/cst-node-builder.js';
import { ThreatModelParserErrorMessageProvider } from './parser/error-messages.js';
import { ThreatModelLexerErrorMessageProvider } from './parser/lexer-messages.js';
import { NestingLimitLexer } from './parser/nesting-limit-lexer.js';
import { ThreatModelTokenBuilder } from './parser/token-builder.js';
import { ThreatModelValueConverter } from './parser/value-converter.js';
import { ThreatModelLinker } from './references/linker.js';
import { ThreatModelReferenceDescriptionProvider } from './references/reference-descriptions.js';
import { ThreatModelAstNodeDescriptionProvider } from './references/node-descriptions.js';
import { GlobalScopeComputation } from './references/scope-computation.js';
import { ModelScopeProvider } from './references/scope-provider.js';
import { ThreatModelDocumentValidator } from './validation/document-validator.js';
import { registerValidationChecks } from './validation/threat-model-validator.js';
import { ThreatModelValidationRegistry } from './validation/validation-registry.js';
import { ThreatModelConfigurationProvider } from './workspace/configuration.js';
import { ThreatModelDocumentBuilder } from './workspace/document-builder.js';
import { revalidateOnSeverityChange } from './workspace/revalidate-on-settings.js';
import { applyRuleSettings } from './workspace/rule-settings.js';
import { ThreatModelWorkspaceIndex } from './workspace/model-index.js';
import { ModelRoots } from './workspace/model-roots.js';
import { OrderedIndexManager } from './workspace/ordered-index-manager.js';
import type { GitHistory } from './workspace/git-history.js';
import { revalidateWhenStale } from './workspace/revalidate-when-stale.js';
import type { SourceFiles } from './workspace/source-files.js';
import { InMemorySourceFiles, LinkedFiles } from './workspace/source-files.js';
import { StalenessTracker } from './workspace/staleness.js';

/** Services tml adds to Langium's. */
export interface ThreatModelAddedServices {
    workspace: {
        /** Which model (docs/language.md#models-in-a-workspace) each document belongs to. */
        ModelRoots: ModelRoots;
        ModelIndex: ThreatModelWorkspaceIndex;
        /** Whether the files that mitigations link to exist (implementedIn, verifiedBy). */
        SourceFiles: SourceFiles;
        /** The files mitigations link to, resolved inside the workspace folder (the one place that decides). */
        LinkedFiles: LinkedFiles;
        /** Which implementation files changed in git after their model (tm/implementation-stale). */
        Staleness: StalenessTracker;
    };
}

/**
 * Langium's context plus the file check for linked source files (without one, no linked file
 * exists) and the git history (without one, no implementation is stale).
 */
export type ThreatModelContext = DefaultSharedModuleContext & { readonly sourceFiles?: SourceFiles; readonly gitHistory?: GitHistory };

export type ThreatModelServices = LangiumServices & ThreatModelAddedServices;

export const ThreatModelModule: Module<ThreatModelServices, PartialLangiumServices & ThreatModelAddedServices> = {
    parser: {
        LangiumParser: services => createThreatModelParser(services),
        Lexer: services => new NestingLimitLexer(services),
        ParserErrorMessageProvider: services => new ThreatModelParserErrorMessageProvider(services.Grammar),
        LexerErrorMessageProvider: () => new ThreatModelLexerErrorMessageProvider(),
        TokenBuilder: () => new ThreatModelTokenBuilder(),
        ValueConverter: () => new ThreatModelValueConverter(),
    },
    references: {
        ScopeComputation: services => new GlobalScopeComputation(services),
        ScopeProvider: services => new ModelScopeProvider(services),
        Linker: services => new ThreatModelLinker(services),
    },
    lsp: {
        CodeActionProvider: services => new ThreatModelCodeActionProvider(services),
        CodeLensProvider: services => new ThreatModelCodeLensProvider(services),
        CompletionProvider: services => new ThreatModelCompletionProvider(services),
        DocumentLinkProvider: services => new ThreatModelDocumentLinkProvider(services),
        DocumentSymbolProvider: services => new ThreatModelDocumentSymbolProvider(services),
        Formatter: () => new ThreatModelFormatter(),
        HoverProvider: services => new ThreatModelHoverProvider(services),
        RenameProvider: services => new ThreatModelRenameProvider(services),
        SemanticTokenProvider: services => new ThreatModelSemanticTokenProvider(services),
    },
    validation: {
        DocumentValidator: services => new ThreatModelDocumentValidator(services),
        ValidationRegistry: services => new ThreatModelValidationRegistry(services),
    },
    workspace: {
        ModelRoots: services => new ModelRoots(services.shared),
        ModelIndex: services => new ThreatModelWorkspaceIndex(services.shared, services.workspace.ModelRoots),
        // Replaced in createThreatModelServices by the context's sourceFiles and gitHistory.
        ReferenceDescriptionProvider: services => new ThreatModelReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new ThreatModelAstNodeDescriptionProvider(services),
        SourceFiles: () => new InMemorySourceFiles(),
        LinkedFiles: services => new LinkedFiles(services.shared.workspace.WorkspaceManager, services.workspace.SourceFiles),
        Staleness: services => new StalenessTracker(services.shared.workspace.LangiumDocuments, undefined, services.workspace.LinkedFiles),
    },
};

export const ThreatModelSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        DocumentUpdateHandler: services => new ResilientDocumentUpdateHandler(services),
        NodeKindProvider: () => new ThreatModelNodeKindProvider(),
    },
    workspace: {
        DocumentBuilder: services => new ThreatModelDocumentBuilder(services),
        ConfigurationProvider: services => new ThreatModelConfigurationProvider(services),
        IndexManager: services => new OrderedIndexManager(services),
    },
};

/**
 * The composition root: builds every service of tml. The language server passes an LSP
 * connection and {@link NodeThreatModelContext} (node-context.ts); the CLI passes that context;
 * tests pass `EmptyFileSystem`, and an in-memory `sourceFiles` where linked files matter.
 */
export function createThreatModelServices(context: ThreatModelContext): {
    shared: LangiumSharedServices;
    ThreatModel: ThreatModelServices;
} {
    const shared = inject(createDefaultSharedModule(context), ThreatModelGeneratedSharedModule, ThreatModelSharedModule);
    const sourceFiles = context.sourceFiles ?? new InMemorySourceFiles();
    const ThreatModel = inject(createDefaultModule({ shared }), ThreatModelLanguageGeneratedModule, ThreatModelModule, {
        workspace: {
            SourceFiles: () => sourceFiles,
            Staleness: services => new StalenessTracker(shared.workspace.LangiumDocuments, context.gitHistory, services.workspace.LinkedFiles),
        },
    });
    shared.ServiceRegistry.register(ThreatModel);
    registerValidationChecks(ThreatModel);
    if (context.connection) {
        capPublishedFindings(context.connection, ThreatModel.LanguageMetaData.languageId, shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider);
        revalidateOnSeverityChange(shared);
        applyRuleSettings(shared, ThreatModel.workspace.ModelIndex);
        revalidateWhenStale(shared, ThreatModel.workspace.Staleness);
    }
    return { shared, ThreatModel };
}
