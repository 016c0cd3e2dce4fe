/**
 * The custom LSP requests and notifications between the VS Code extension and the tml language
 * server, declared once here and imported by both sides. Each is a typed `RequestType` or
 * `NotificationType` under the `threatModel/` method prefix; parameters and results are plain JSON.
 */
import { NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ExportFormat, ImportFormat, TableFormat } from './formats.js';
import type { DfdDirection } from './dfd/direction.js';
import type { DfdDiagram, DfdScenarioInfo } from './dfd/graph.js';
import type { ReportImage } from './report-image-files.js';

// ---- Data flow diagram (the DFD preview) -----------------------------------------------------

/** Which diagram to lay out, for which document. */
export interface DfdParams {
    /** The document the preview follows: the server answers once its latest version is validated. */
    readonly uri: string;
    /** The scenario's name, or `null` for the overview of the whole model. */
    readonly scenario: string | null;
    /** Ids of boundaries to draw collapsed, one node each (shared/dfd/collapse.ts); unknown ids are ignored. */
    readonly collapsed?: readonly string[];
}

export interface DfdResult {
    /** The model the diagram is of: the one the document belongs to (docs/language.md#models-in-a-workspace). */
    readonly model: ThreatModelInfo;
    /**
     * The diagram asked for; the overview when the scenario asked for is not in the model (any
     * more): compare `diagram.scenario` with the request. The boundaries asked for are collapsed.
     */
    readonly diagram: DfdDiagram;
    /** Every scenario of the model, in declaration order, for the picker. */
    readonly scenarios: readonly DfdScenarioInfo[];
    /** The diagram laid out by Graphviz: a standalone SVG document, all model text escaped. */
    readonly svg: string;
    /** Where its flows run, chosen by aspect ratio (shared/dfd/direction.ts). */
    readonly direction?: DfdDirection;
}

/**
 * `threatModel/dfd`: the data flow diagram of the model the document belongs to, laid out and rendered in the
 * server (never on the extension host's thread).
 */
export const DfdRequest = new RequestType<DfdParams, DfdResult, void>('threatModel/dfd');

// ---- end of the DFD block ---------------------------------------------------------------------

// ---- Threat table and security model report ---------------------------------------------------

/** Which `.tm` files a generated document covers. */
export type GenerationScope =
    /** Every model of the workspace, one section each. */
    | { readonly kind: 'workspace' }
    /** The model (docs/language.md#models-in-a-workspace) the document at `uri` belongs to. */
    | { readonly kind: 'model'; readonly uri: string }
    /** Every model file in this folder and below it. */
    | { readonly kind: 'folder'; readonly uri: string }
    | { readonly kind: 'file'; readonly uri: string };

export interface ThreatTableParams {
    readonly scope: GenerationScope;
    readonly format: TableFormat;
}

export interface SecurityReportParams {
    readonly scope: GenerationScope;
    /**
     * With it, every diagram is an SVG image in this folder (relative to the report's own, e.g.
     * `security-model-diagrams`), linked from the report and returned in `images`; without it, a
     * Mermaid block.
     */
    readonly imagesFolder?: string;
}

/** The report, and the SVG files it links to (none with Mermaid blocks), for the client to write. */
export interface SecurityReportResult extends GeneratedDocument {
    readonly images: readonly ReportImage[];
}

/** A generated document, for the client to show. */
export interface GeneratedDocument {
    readonly content: string;
    /** The model files it covers, as the document names them (relative to their workspace folder). */
    readonly files: readonly string[];
}

/**
 * `threatModel/table`: the threat list and STRIDE coverage matrix (docs/language.md#outputs) in one format,
 * generated from the workspace as validated after every edit received before the request.
 */
export const ThreatTableRequest = new RequestType<ThreatTableParams, GeneratedDocument, void>('threatModel/table');

/** `threatModel/report`: the security model document (Markdown) and its diagrams, as `tml report` writes them. */
export const SecurityReportRequest = new RequestType<SecurityReportParams, SecurityReportResult, void>('threatModel/report');

// ---- end of the threat table block ------------------------------------------------------------

// ---- Import and export (docs/language.md#import-and-export) -------------------------------------

export interface ImportModelParams {
    /** The file to import (`file:` URI): OTM, Threat Dragon or `.tm7`. */
    readonly uri: string;
    /** The format; guessed from the content when absent. */
    readonly from?: ImportFormat;
}

/** An import's or export's text, and one line per fact the target format cannot hold. */
export interface ConvertedModel {
    readonly content: string;
    readonly warnings: readonly string[];
}

/** `threatModel/import`: another tool's model as formatted tml text, as `tml import` writes it. */
export const ImportModelRequest = new RequestType<ImportModelParams, ConvertedModel, void>('threatModel/import');

export interface ExportModelParams {
    readonly format: ExportFormat;
    /** A document of the model to export (docs/language.md#models-in-a-workspace). */
    readonly uri: string;
}

/** `threatModel/export`: one model as OTM or Threat Dragon JSON, as `tml export` writes it. */
export const ExportModelRequest = new RequestType<ExportModelParams, ConvertedModel, void>('threatModel/export');

// ---- end of the import and export block --------------------------------------------------------

// ---- Models of the workspace (docs/language.md#models-in-a-workspace) ---------------------------

/** One threat model of the workspace: the files of one model root. */
export interface ThreatModelInfo {
    /** The model root (a URI path; '' for files in no workspace folder and below no system). */
    readonly key: string;
    /** The system's name, or `null` when the model declares none. */
    readonly system: string | null;
    /** The system's title, else the model root's folder as a workspace-relative path. */
    readonly title: string;
    /** The model root as users see it: workspace-relative, or the folder's name for a workspace folder. */
    readonly folder: string;
    /** How many `.tm` files it has. */
    readonly fileCount: number;
    /** One of its documents (the first by URI): names the model in other requests. */
    readonly uri: string;
}

/** `threatModel/models`: every model of the workspace, by model root. */
export const ModelsRequest = new RequestType0<ThreatModelInfo[], void>('threatModel/models');

/** `threatModel/modelOf`: the model a document belongs to, or `null` for a document the server does not know. */
export const ModelOfRequest = new RequestType<{ readonly uri: string }, ThreatModelInfo | null, void>('threatModel/modelOf');

/** `threatModel/modelsChanged`: a build changed which models there are or which files they have. */
export const ModelsChangedNotification = new NotificationType0('threatModel/modelsChanged');

// ---- Workspace trust ---------------------------------------------------------------------------

/** What the VS Code extension tells the server in `initialize` (`initializationOptions`). */
export interface ThreatModelInitializationOptions {
    /**
     * Whether the user trusts the workspace. Running git in a repository runs what its
     * configuration names, so in a restricted workspace (`false`) the server runs no git
     * (tm/implementation-stale stays silent). Clients without workspace trust leave it out: trusted.
     */
    readonly workspaceTrusted?: boolean;
}

/** `threatModel/workspaceTrusted`: the user has just trusted the workspace; git may run from now on. */
export const WorkspaceTrustedNotification = new NotificationType0('threatModel/workspaceTrusted');

// ---- The built-in rule library (docs/language.md#rules) -----------------------------------------

/** The URI scheme of the built-in rule library, a document that is no file. */
export const BUILTIN_RULES_SCHEME = 'tml-builtin';

/** `threatModel/builtinRules`: the text of the built-in rule library, which the editor shows read-only under the `tml-builtin` scheme. */
export const BuiltinRulesRequest = new RequestType0<string, void>('threatModel/builtinRules');
