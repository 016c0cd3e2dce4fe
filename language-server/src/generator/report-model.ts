/**
 * The security model document (TMA steps 1, 2 and 5) as plain data: every text already normalised,
 * every reference already its name. The Markdown writer reads nothing else.
 */
import type { Finding } from './findings.js';
import type { ThreatTable } from './table-model.js';

export interface ReportSystem {
    readonly name: string;
    readonly title: string;
    readonly description: string;
    readonly owner: string;
    readonly deployment: string;
}

/** A node of the DFD (external entity, process or data store). */
export interface ReportNode {
    readonly name: string;
    readonly title: string;
    /** "External entity", "Process", "Data store". */
    readonly kind: string;
    /** Technology, entry point, logs, stored assets, then the §8.1 facts stated (type, trust, tags…): what the model says about it, or empty. */
    readonly details: string;
}

export interface ReportBoundary {
    readonly name: string;
    readonly title: string;
    readonly boundaries: readonly ReportBoundary[];
    readonly nodes: readonly ReportNode[];
}

export interface ReportFlow {
    readonly name: string;
    readonly title: string;
    readonly source: string;
    readonly target: string;
    readonly protocol: string;
    readonly encrypted: boolean;
    readonly authenticated: boolean;
    readonly carries: string;
    /** "Public internet → DMZ" when the flow crosses a trust boundary, else empty. */
    readonly crossing: string;
}

/**
 * One diagram of the DFD, ready to embed: as a Mermaid flowchart (for platforms that render
 * Mermaid), or as a link to its SVG file written beside the report (for every Markdown viewer).
 */
export interface ReportDiagram {
    /** The scenario's name, or `null` for the overview of the whole model. */
    readonly scenario: string | null;
    readonly embed: { readonly mermaid: string } | ReportImageLink;
}

/** An image of a diagram: a relative URL, already encoded for a Markdown link, and its alternative text. */
export interface ReportImageLink {
    readonly link: string;
    readonly alt: string;
}

export interface ReportScenario {
    readonly name: string;
    readonly title: string;
    readonly description: string;
    readonly flows: readonly ReportFlow[];
}

export interface ReportAsset {
    readonly name: string;
    readonly title: string;
    readonly description: string;
    readonly storedIn: string;
    readonly carriedBy: string;
    readonly threats: string;
}

export interface ReportEntryPoint {
    readonly name: string;
    readonly title: string;
    readonly boundary: string;
    readonly technology: string;
    readonly description: string;
}

/** An assumption or an external dependency. */
export interface ReportStatement {
    readonly name: string;
    readonly title: string;
}

/** A threat whose response is `warn`, `accept` or `remove`: what users and operators must know. */
export interface ReportResponse {
    readonly threat: string;
    readonly title: string;
    readonly response: string;
    readonly risk: string;
    /** The warning shown to users, or the justification. */
    readonly text: string;
}

export interface ReportMitigation {
    readonly name: string;
    readonly title: string;
    readonly technique: string;
    readonly status: string;
    readonly implementedIn: string;
    readonly verifiedBy: string;
    readonly threats: string;
}

export interface SecurityReport {
    readonly title: string;
    readonly files: readonly string[];
    readonly systems: readonly ReportSystem[];
    /** Top-level trust boundaries, with the boundaries and nodes inside them. */
    readonly boundaries: readonly ReportBoundary[];
    /** Nodes outside every boundary. */
    readonly unbounded: readonly ReportNode[];
    readonly flows: readonly ReportFlow[];
    readonly scenarios: readonly ReportScenario[];
    readonly assets: readonly ReportAsset[];
    readonly entryPoints: readonly ReportEntryPoint[];
    readonly dependencies: readonly ReportStatement[];
    readonly assumptions: readonly ReportStatement[];
    readonly warnings: readonly ReportResponse[];
    readonly acceptedRisks: readonly ReportResponse[];
    readonly mitigations: readonly ReportMitigation[];
}

/** Everything the report document is written from. */
export interface SecurityReportInput {
    readonly report: SecurityReport;
    readonly table: ThreatTable;
    /** The overview and each scenario's diagram; a missing one is left out of the document. */
    readonly diagrams: readonly ReportDiagram[];
    /** Every current finding of the files in scope: the open items. */
    readonly findings: readonly Finding[];
}
