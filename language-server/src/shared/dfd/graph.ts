/**
 * The data flow diagram as plain data (docs/dfd.md): what the builder derives from the model and
 * what the renderers, the CLI's JSON output and the VS Code preview read. Nothing here refers to
 * the AST, so a diagram can cross the LSP connection as JSON.
 */
import type { CoverageStatus, StrideCategory } from '../stride.js';

/** A 0-based position, as in LSP. */
export interface DfdPosition {
    readonly line: number;
    readonly character: number;
}

export interface DfdRange {
    readonly start: DfdPosition;
    readonly end: DfdPosition;
}

/** Where an element is declared. */
export interface DfdLocation {
    /** The document's URI (`file:///…`). */
    readonly uri: string;
    /** The whole declaration. */
    readonly range: DfdRange;
    /** Its name, to select when revealing the declaration. */
    readonly selection: DfdRange;
}

/** The status of one STRIDE category that applies to an element (docs/language.md#stride-per-element). */
export interface DfdCategoryCoverage {
    readonly category: StrideCategory;
    readonly status: Exclude<CoverageStatus, 'not-applicable'>;
    /** Names of the threats that target the element with this category. */
    readonly threats: readonly string[];
    /** Those of {@link threats} that are not addressed yet. */
    readonly unaddressed: readonly string[];
    /** For an excluded category: the exclude's reason. */
    readonly reason?: string;
}

export type DfdNodeKind = 'external' | 'process' | 'datastore';

/** What nodes and flows have in common: identity, title, location and STRIDE coverage. */
export interface DfdElementInfo {
    /**
     * Unique within the model: the element's name, or `Name__2`, `Name__3`… for a name declared
     * more than once (an error the user is still fixing). Always a `\w+` identifier.
     */
    readonly id: string;
    readonly name: string;
    /** The display title as every output shows it: line breaks as `\n`, invisible characters as `<U+XXXX>` (model/visible-text.ts). */
    readonly title: string;
    readonly location: DfdLocation;
    /** The applicable categories, in STRIDE order. */
    readonly coverage: readonly DfdCategoryCoverage[];
    /** The categories still to do (`missing` or `unmitigated`): what the mark on the element shows. */
    readonly open: readonly StrideCategory[];
    /** What the model states of the optional attributes (docs/language.md#optional-attributes) (`type service`, `trust untrusted`…); absent when nothing. */
    readonly facts?: readonly string[];
}

export interface DfdNode extends DfdElementInfo {
    readonly kind: DfdNodeKind;
    /** Id of the innermost boundary that declares the node, if any. */
    readonly boundary?: string;
}

export interface DfdEdge extends DfdElementInfo {
    readonly kind: 'flow';
    /** Ids of the end points. */
    readonly source: string;
    readonly target: string;
    readonly protocol?: string;
    readonly encrypted: boolean;
    readonly authenticated: boolean;
    /**
     * The messages of the warnings and errors on the flow's name, other than STRIDE coverage
     * (flow-findings.ts); absent when there are none. They mark the flow as open categories do.
     */
    readonly findings?: readonly string[];
}

export interface DfdBoundary {
    readonly id: string;
    readonly name: string;
    readonly title: string;
    readonly location: DfdLocation;
    /** Id of the enclosing boundary, if any. */
    readonly parent?: string;
}

/** A scenario as the diagram picker lists it. */
export interface DfdScenarioInfo {
    readonly name: string;
    readonly title: string;
}

/** One diagram: the overview of the whole model, or one scenario. */
export interface DfdDiagram {
    /** The scenario's name, or `null` for the overview. */
    readonly scenario: string | null;
    readonly title: string;
    /** Parents before children, in declaration order. */
    readonly boundaries: readonly DfdBoundary[];
    readonly nodes: readonly DfdNode[];
    readonly edges: readonly DfdEdge[];
    /**
     * Boundaries drawn as one node each, their contents hidden (collapse.ts); absent when none is.
     * A flow to or from a hidden element runs to its collapsed boundary instead.
     */
    readonly collapsed?: readonly DfdCollapsedBoundary[];
    /** Flows that collapsing made run between the same two ends, drawn as one arrow each; absent when none. */
    readonly merged?: readonly DfdMergedFlow[];
}

/** A boundary collapsed to one node: what it hides. */
export interface DfdCollapsedBoundary extends DfdBoundary {
    /** The elements (nodes) inside it, at any depth. */
    readonly elements: number;
    /** The flows between two of those elements, hidden with them. */
    readonly flows: number;
    /** How many of the hidden elements and flows have open STRIDE categories or findings. */
    readonly open: number;
}

/** Several flows between the same two ends once boundaries are collapsed, drawn as one arrow. */
export interface DfdMergedFlow {
    /** `<source>-<target>`: never an element's id, which has no `-`. */
    readonly id: string;
    readonly source: string;
    readonly target: string;
    /** The flows it stands for, in declaration order; `open` when one has open categories or findings. */
    readonly flows: readonly { readonly id: string; readonly title: string; readonly open: boolean }[];
    /** Whether any of them has open STRIDE categories or findings. */
    readonly open: boolean;
}

/** Every diagram of a model. */
export interface DfdModel {
    readonly overview: DfdDiagram;
    /** One per scenario, in declaration order. */
    readonly scenarios: readonly DfdDiagram[];
}

/** The title of the overview diagram. */
export const OVERVIEW_TITLE = 'Overview';
