/**
 * The custom LSP requests and notifications between the VS Code extension and the tml language
 * server, declared once here and imported by both sides. Each is a typed `RequestType` or
 * `NotificationType` under the `threatModel/` method prefix; parameters and results are plain JSON.
 */
import { NotificationType0, RequestType } from 'vscode-languageserver-protocol';
import type { ExportFormat } from './interop/export-model.js';
import type { ImportFormat } from './interop/import-model.js';
import type { DfdDiagram, DfdScenarioInfo } from './dfd/graph.js';
import type { TableFormat } from './generator/table-format.js';

// ---- Data flow diagram (the DFD preview) -----------------------------------------------------

/** Which diagram to lay out, for which document. */
export interface DfdParams {
    /** The document the preview follows: the server answers once its latest version is validated. */
    readonly uri: string;
    /** The scenario's name, or `null` for the overview of the whole model. */
    readonly scenario: string | null;
}

export interface DfdResult {
    /**
     * The diagram asked for; the overview when the scenario asked for is not in the model (any
     * more): compare `diagram.scenario` with the request.
     */
    readonly diagram: DfdDiagram;
    /** Every scenario of the model, in declaration order, for the picker. */
    readonly scenarios: readonly DfdScenarioInfo[];
    /** The diagram laid out by Graphviz: a standalone SVG document, all model text escaped. */
    readonly svg: string;
}

/**
 * `threatModel/dfd`: the data flow diagram of the workspace's model, laid out and rendered in the
 * server (never on the extension host's thread).
 */
export const DfdRequest = new RequestType<DfdParams, DfdResult, void>('threatModel/dfd');

// ---- end of the DFD block ---------------------------------------------------------------------

// ---- Threat table and security model report ---------------------------------------------------

/** Which `.tm` files a generated document covers. */
export type GenerationScope =
    | { readonly kind: 'workspace' }
    /** Every model file in this folder and below it. */
    | { readonly kind: 'folder'; readonly uri: string }
    | { readonly kind: 'file'; readonly uri: string };

export interface ThreatTableParams {
    readonly scope: GenerationScope;
    readonly format: TableFormat;
}

export interface SecurityReportParams {
    readonly scope: GenerationScope;
}

/** A generated document, for the client to show. */
export interface GeneratedDocument {
    readonly content: string;
    /** The model files it covers, as the document names them (relative to their workspace folder). */
    readonly files: readonly string[];
}

/**
 * `threatModel/table`: the threat list and STRIDE coverage matrix (DESIGN.md §6) in one format,
 * generated from the workspace as validated after every edit received before the request.
 */
export const ThreatTableRequest = new RequestType<ThreatTableParams, GeneratedDocument, void>('threatModel/table');

/** `threatModel/report`: the security model document (Markdown), as `tml report` writes it. */
export const SecurityReportRequest = new RequestType<SecurityReportParams, GeneratedDocument, void>('threatModel/report');

// ---- end of the threat table block ------------------------------------------------------------

// ---- Import and export (DESIGN.md §10) --------------------------------------------------------

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
}

/** `threatModel/export`: the workspace's model as OTM or Threat Dragon JSON, as `tml export` writes it. */
export const ExportModelRequest = new RequestType<ExportModelParams, ConvertedModel, void>('threatModel/export');

// ---- end of the import and export block --------------------------------------------------------

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
