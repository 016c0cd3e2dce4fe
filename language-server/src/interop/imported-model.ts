/**
 * The model an importer builds from another tool's file, before it becomes tml text
 * (docs/interop.md). Every entry is keyed by the source's own id; names are made later, by
 * {@link writeTml}, from the titles, so importers never have to think about identifiers.
 */
import type { AssetType, Classification, ExternalType, StrideCategory, TrustLevel } from '../generated/ast.js';

export type ImportedNodeKind = 'external' | 'process' | 'datastore';
export type MitigationStatus = 'planned' | 'implemented' | 'verified';

/** What every declaration has: the source's id, its title, its text, and what tml cannot say. */
export interface ImportedDeclaration {
    /** Unique among the model's declarations of every kind. */
    readonly key: string;
    readonly title: string;
    /** A name suggested by the source itself (an export of tml writes it); used when it is a free identifier. */
    readonly name?: string;
    readonly description?: string;
    /** `//` comments written just before the declaration: facts tml has no attribute for. */
    readonly comments: readonly string[];
}

/** The `tags "…"` (docs/language.md#optional-attributes) every DFD element and boundary may have. */
export interface Tagged {
    readonly tags?: readonly string[];
}

export interface ImportedBoundary extends ImportedDeclaration, Tagged {
    /** Key of the enclosing boundary. */
    readonly parent?: string;
    readonly trust?: TrustLevel;
}

export interface ImportedNode extends ImportedDeclaration, Tagged {
    readonly kind: ImportedNodeKind;
    readonly boundary?: string;
    readonly technology?: string;
    readonly entrypoint?: boolean;
    readonly logs?: boolean;
    /** Externals only. */
    readonly type?: ExternalType;
    /** Processes only. */
    readonly privileged?: boolean;
    /** Data stores only: encrypted at rest. */
    readonly encrypted?: boolean;
    /** Asset keys. */
    readonly stores: readonly string[];
}

export interface ImportedFlow extends ImportedDeclaration, Tagged {
    /** Node keys. */
    readonly source: string;
    readonly target: string;
    readonly protocol?: string;
    readonly encrypted?: boolean;
    readonly authenticated?: boolean;
    readonly bidirectional?: boolean;
    /** Asset keys. */
    readonly carries: readonly string[];
}

export interface ImportedAsset extends ImportedDeclaration {
    readonly classification?: Classification;
    readonly type?: AssetType;
}

export interface ImportedDread {
    readonly damage?: number;
    readonly reproducibility?: number;
    readonly exploitability?: number;
    readonly affectedUsers?: number;
    readonly discoverability?: number;
}

/** A threat's response (docs/language.md#responses); `fix` names the mitigations by key. */
export type ImportedResponse =
    | { readonly kind: 'fix'; readonly mitigations: readonly string[] }
    | { readonly kind: 'accept' | 'remove'; readonly justification?: string }
    | { readonly kind: 'warn'; readonly warning?: string };

export interface ImportedThreat extends ImportedDeclaration {
    readonly stride: readonly StrideCategory[];
    /** Node or flow keys. */
    readonly targets: readonly string[];
    /** Asset keys. */
    readonly assets: readonly string[];
    readonly impact?: string;
    readonly dread?: ImportedDread;
    readonly response?: ImportedResponse;
    readonly bug?: string;
    readonly cwe?: readonly number[];
    readonly capec?: readonly number[];
    /** The built-in rule the threat answers (`rule R`). */
    readonly rule?: string;
}

export interface ImportedMitigation extends ImportedDeclaration {
    readonly status?: MitigationStatus;
    readonly technique?: string;
    readonly implementedIn?: string;
    readonly verifiedBy?: string;
}

export interface ImportedExclude {
    readonly category: StrideCategory;
    /** Node or flow keys. */
    readonly targets: readonly string[];
    readonly reason: string;
    /** Comments of the threat the exclude stands for. */
    readonly comments?: readonly string[];
}

export interface ImportedScenario extends ImportedDeclaration {
    /** Flow keys. */
    readonly flows: readonly string[];
}

export interface ImportedSystem {
    readonly title: string;
    readonly name?: string;
    readonly description?: string;
    readonly owner?: string;
    readonly deployment?: string;
    readonly comments: readonly string[];
}

export interface ImportedModel {
    /** None when the source says the model declares no system (a file tml exported from such a model). */
    readonly system?: ImportedSystem;
    /** `assumption` and `dependency` declarations: a title each. */
    readonly assumptions: readonly ImportedDeclaration[];
    readonly dependencies: readonly ImportedDeclaration[];
    readonly scenarios: readonly ImportedScenario[];
    readonly assets: readonly ImportedAsset[];
    readonly boundaries: readonly ImportedBoundary[];
    readonly nodes: readonly ImportedNode[];
    readonly flows: readonly ImportedFlow[];
    readonly threats: readonly ImportedThreat[];
    readonly mitigations: readonly ImportedMitigation[];
    readonly excludes: readonly ImportedExclude[];
}

/** What an import gives: the tml text and one line per fact that could not be expressed. */
export interface ImportResult {
    readonly text: string;
    /** Each becomes a `tml: warning: …` line on stderr. */
    readonly warnings: readonly string[];
}

/**
 * The input cannot be imported at all (malformed, wrong format, a hostile construct): the CLI
 * prints `tml: cannot import FILE: <message>` and exits with 2.
 */
export class ImportError extends Error {}
