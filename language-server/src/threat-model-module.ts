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
import { PublishedFindingsCap } from './lsp/findings-cap.js';
import { createFastThreatModelParser } from './parser/fast/fast-parser.js';
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
import { ReparsingDocumentFactory } from './incremental/reparse-factory.js';
import { SeverityRevalidation } from './workspace/revalidate-on-settings.js';
import { RuleSettings } from './workspace/rule-settings.js';
import { IndexReads } from './workspace/index-reads.js';
import { UnrecordedIndexReads } from './workspace/unrecorded-index-reads.js';
import { recordedScopeArguments, ThreatModelWorkspaceIndex } from './workspace/model-index.js';
import { ModelRoots } from './workspace/model-roots.js';
import { ThreatModelIndexManager } from './workspace/index-manager.js';
import type { GitHistory } from './workspace/git-history.js';
import { StaleRevalidation } from './workspace/revalidate-when-stale.js';
import type { SourceFiles } from './workspace/source-files.js';
import { InMemorySourceFiles, LinkedFiles } from './workspace/source-files.js';
import { StalenessTracker } from './workspace/staleness.js';

/** Something that keeps an editor's findings current by listening to it; started only in a language server. */
export interface Listener {
    start(): void;
}

/** Services tml adds to Langium's, for the language. */
export interface ThreatModelAddedServices {
    shared: ThreatModelSharedServices;
    workspace: {
        /** Which model (docs/language.md#models-in-a-workspace) each document belongs to. */
        ModelRoots: ModelRoots;
        ModelIndex: ThreatModelWorkspaceIndex;
        /** The files mitigations link to, resolved inside the workspace folder (the one place that decides). */
        LinkedFiles: LinkedFiles;
        /** Which implementation files changed in git after their model (tm/implementation-stale). */
        Staleness: StalenessTracker;
    };
    /** Started by {@link createThreatModelServices} when there is a connection: the CLI and tests have no editor to follow. */
    listeners: {
        /** Caps the findings published per file (lsp/findings-cap.ts). */
        FindingsCap: Listener;
        /** Revalidates everything when `threatModel.severity` changes. */
        SeveritySettings: Listener;
        /** Applies `threatModel.rules.builtin`, and revalidates everything when it changes. */
        RuleSettings: Listener;
        /** Refreshes git's answers in the background, and revalidates a model when they change. */
        Staleness: Listener;
    };
}

/** Services tml adds to Langium's shared ones, and the shared services it replaces, with their own types. */
export interface ThreatModelAddedSharedServices {
    workspace: {
        ConfigurationProvider: ThreatModelConfigurationProvider;
        DocumentBuilder: ThreatModelDocumentBuilder;
        IndexManager: ThreatModelIndexManager;
        /** Whether the files that mitigations link to exist (implementedIn, verifiedBy). */
        SourceFiles: SourceFiles;
        /** What git says about models and their linked files; undefined: no implementation is stale. */
        GitHistory: GitHistory | undefined;
        /** What the checks of each document read from the model index, to revalidate it when that changes. */
        IndexReads: IndexReads;
    };
}

export type ThreatModelSharedServices = LangiumSharedServices & ThreatModelAddedSharedServices;

export type ThreatModelServices = LangiumServices & ThreatModelAddedServices;

/**
 * Langium's context, plus file and git access the way Langium takes its file system: the file
 * check for linked source files (without one, no linked file exists) and the git history
 * (without one, no implementation is stale). Tests pass their own.
 */
export type ThreatModelContext = DefaultSharedModuleContext & {
    readonly sourceFiles?: (services: LangiumSharedServices) => SourceFiles;
    readonly gitHistory?: (services: LangiumSharedServices) => GitHistory;
    /**
     * A batch run (the CLI): the documents are built once and never change, so nothing that only
     * serves a later build is kept (workspace/unrecorded-index-reads.ts).
     */
    readonly batch?: boolean;
    /** The record of index reads, in place of the one `batch` chooses (a test compares two). */
    readonly indexReads?: () => IndexReads;
};

export const ThreatModelModule: Module<ThreatModelServices, PartialLangiumServices & Omit<ThreatModelAddedServices, 'shared'>> = {
    parser: {
        // Langium's parser is made only for a file with a syntax error (parser/fast/fast-parser.ts).
        LangiumParser: services => createFastThreatModelParser(services),
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
        // Validation reads the index through this view, which records what each document's checks read (index-reads.ts).
        ModelIndex: services => services.shared.workspace.IndexReads.recording(new ThreatModelWorkspaceIndex(services.shared, services.workspace.ModelRoots), recordedScopeArguments),
        ReferenceDescriptionProvider: services => new ThreatModelReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new ThreatModelAstNodeDescriptionProvider(services),
        LinkedFiles: services => new LinkedFiles(services.shared.workspace.WorkspaceManager, services.shared.workspace.SourceFiles),
        Staleness: services => new StalenessTracker(services.shared.workspace.LangiumDocuments, services.shared.workspace.GitHistory, services.workspace.LinkedFiles),
    },
    listeners: {
        FindingsCap: services => new PublishedFindingsCap(services),
        SeveritySettings: services => new SeverityRevalidation(services.shared),
        RuleSettings: services => new RuleSettings(services),
        Staleness: services => new StaleRevalidation(services),
    },
};

/** tml's shared services, with file and git access from the context. */
export function createThreatModelSharedModule(context: ThreatModelContext): Module<ThreatModelSharedServices, PartialLangiumSharedServices & ThreatModelAddedSharedServices> {
    return {
        lsp: {
            DocumentUpdateHandler: services => new ResilientDocumentUpdateHandler(services),
            NodeKindProvider: () => new ThreatModelNodeKindProvider(),
        },
        workspace: {
            DocumentBuilder: services => new ThreatModelDocumentBuilder(services),
            // A file open in the editor is parsed again one declaration at a time (incremental/reparse.ts).
            LangiumDocumentFactory: services => new ReparsingDocumentFactory(services),
            ConfigurationProvider: services => new ThreatModelConfigurationProvider(services),
            IndexManager: services => new ThreatModelIndexManager(services),
            SourceFiles: services => context.sourceFiles?.(services) ?? new InMemorySourceFiles(),
            GitHistory: services => context.gitHistory?.(services),
            IndexReads: () => context.indexReads?.() ?? (context.batch ? new UnrecordedIndexReads() : new IndexReads()),
        },
    };
}

/**
 * The composition root: builds every service of tml. The language server passes an LSP
 * connection and `NodeThreatModelContextWithGit` (node-context.ts); the CLI passes
 * `NodeThreatModelContext` (with git for `--stale`); tests pass `EmptyFileSystem`, and their own
 * `sourceFiles` or `gitHistory` where linked files or git matter.
 */
export function createThreatModelServices(context: ThreatModelContext): {
    shared: ThreatModelSharedServices;
    ThreatModel: ThreatModelServices;
} {
    const shared = inject(createDefaultSharedModule(context), ThreatModelGeneratedSharedModule, createThreatModelSharedModule(context));
    const ownShared: Module<ThreatModelServices, { shared: ThreatModelSharedServices }> = { shared: () => shared };
    const ThreatModel = inject(createDefaultModule({ shared }), ThreatModelLanguageGeneratedModule, ThreatModelModule, ownShared);
    shared.ServiceRegistry.register(ThreatModel);
    registerValidationChecks(ThreatModel);
    if (context.connection) {
        const { FindingsCap, SeveritySettings, RuleSettings, Staleness } = ThreatModel.listeners;
        for (const listener of [FindingsCap, SeveritySettings, RuleSettings, Staleness]) listener.start();
    } else {
        // No client will send settings: reads of them answer at once, with the defaults, instead of waiting forever.
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, ThreatModel };
}
