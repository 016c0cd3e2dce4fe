import type { AstNode, LangiumDocument, LangiumDocuments, LangiumSharedCoreServices, WorkspaceManager } from 'langium';
import { AstUtils, DocumentState, URI, WorkspaceCache } from 'langium';
import type { System } from '../generated/ast.js';
import type { ThreatModelInfo } from '../shared/protocol.js';
import { isModel, isSystem } from '../generated/ast.js';
import { LOOSE_MODEL, folderOf, modelRootOf } from '../model/model-roots.js';
import { isBuiltinRules } from '../rules/builtin-document.js';

/** One threat model of the workspace: the files of one model root (docs/language.md#models-in-a-workspace). */
export interface ThreatModelGroup {
    /** The model root's path (a URI path), or {@link LOOSE_MODEL}. Stable while the files stay. */
    readonly key: string;
    /** Its documents, by URI. */
    readonly documents: readonly LangiumDocument[];
    /** The URIs of its documents, as strings. */
    readonly uris: ReadonlySet<string>;
    /** Its `system` declarations, files by URI (more than one is tm/system-duplicate). */
    readonly systems: readonly System[];
}

interface Assignment {
    readonly keyByUri: ReadonlyMap<string, string>;
    /** The same by the root node of each document: checks ask per node, so this skips the URI. */
    readonly keyByRoot: WeakMap<AstNode, string>;
    readonly groups: ReadonlyMap<string, ThreatModelGroup>;
}

/** Schemes whose URI path is a path of the file system (the CLI names files without `.tm` `tml-named-file`). */
const FILE_SCHEMES = new Set(['file', 'tml-named-file']);

/**
 * Which model each document belongs to, computed once per build from the documents that declare a
 * `system` and the workspace folders (model/model-roots.ts has the rule). Names, references,
 * coverage, the process facts and every output are per model.
 */
export class ModelRoots {
    private readonly documents: LangiumDocuments;
    private readonly workspaceManager: WorkspaceManager;
    private readonly cache: WorkspaceCache<'assignment', Assignment>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.workspaceManager = shared.workspace.WorkspaceManager;
        this.cache = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    /** The key of the model a document belongs to. */
    keyOf(uri: URI): string {
        return this.assignment().keyByUri.get(uri.toString()) ?? this.computeKey(uri, this.systemFolders());
    }

    /** The key of the model a node's document belongs to. */
    keyOfNode(node: AstNode): string {
        let root = node;
        while (root.$container) root = root.$container;
        return this.assignment().keyByRoot.get(root) ?? this.keyOf(AstUtils.getDocument(node).uri);
    }

    /** The model with this key (empty when no document belongs to it). */
    group(key: string): ThreatModelGroup {
        return this.assignment().groups.get(key) ?? { key, documents: [], uris: new Set(), systems: [] };
    }

    /**
     * The models that declare no system: their files are below no `system`, and the rules they
     * declare apply to every model (docs/language.md#rules).
     */
    sharedGroups(): ThreatModelGroup[] {
        return this.groups().filter(group => group.systems.length === 0);
    }

    /** Every model of the workspace, by key. */
    groups(): ThreatModelGroup[] {
        return [...this.assignment().groups.values()];
    }

    /**
     * How messages name a model: its system and its folder, relative to the workspace folder
     * (`system 'PineShop' in examples/web-shop`), or just the folder when it declares no system.
     */
    describe(key: string): string {
        const { system, folder } = this.info(key);
        return system ? `system '${system}' in ${folder}` : `the model of ${folder}`;
    }

    /** What the editor shows of a model (the status bar item, the pickers, the preview's title). */
    info(key: string): ThreatModelInfo {
        const group = this.group(key);
        const system = group.systems[0];
        const folder = key === LOOSE_MODEL ? 'no workspace folder' : this.folderName(key);
        return {
            key,
            system: system?.name || null,
            title: system?.title?.trim() || folder,
            folder,
            fileCount: group.documents.length,
            uri: group.documents[0]?.uri.toString() ?? '',
        };
    }

    private folderName(key: string): string {
        const workspace = (this.workspaceManager.workspaceFolders ?? [])
            .map(f => ({ name: f.name, path: trimSlash(URI.parse(f.uri).path) }))
            .filter(f => f.path === key || key.startsWith(`${f.path}/`))
            .sort((a, b) => b.path.length - a.path.length)[0];
        if (!workspace) return key;
        return workspace.path === key ? workspace.name : key.slice(workspace.path.length + 1);
    }

    private assignment(): Assignment {
        return this.cache.get('assignment', () => {
            // The built-in rule library belongs to no model: every model sees its rules (references/scope-provider.ts).
            const documents = this.documents.all.filter(d => !isBuiltinRules(d.uri)).toArray().sort((a, b) => compare(a.uri.toString(), b.uri.toString()));
            const systemFolders = this.systemFolders();
            const keyByUri = new Map<string, string>();
            const keyByRoot = new WeakMap<AstNode, string>();
            const members = new Map<string, LangiumDocument[]>();
            for (const document of documents) {
                const key = this.computeKey(document.uri, systemFolders);
                keyByUri.set(document.uri.toString(), key);
                if (document.parseResult?.value) keyByRoot.set(document.parseResult.value, key);
                const list = members.get(key);
                if (list) list.push(document);
                else members.set(key, [document]);
            }
            const groups = new Map<string, ThreatModelGroup>();
            for (const key of [...members.keys()].sort(compare)) {
                const docs = members.get(key)!;
                groups.set(key, { key, documents: docs, uris: new Set(docs.map(d => d.uri.toString())), systems: docs.flatMap(systemsOf) });
            }
            return { keyByUri, keyByRoot, groups };
        });
    }

    private systemFolders(): Set<string> {
        const folders = new Set<string>();
        for (const document of this.documents.all) {
            if (FILE_SCHEMES.has(document.uri.scheme) && systemsOf(document).length > 0) folders.add(folderOf(document.uri.path));
        }
        return folders;
    }

    private computeKey(uri: URI, systemFolders: ReadonlySet<string>): string {
        if (!FILE_SCHEMES.has(uri.scheme)) return LOOSE_MODEL;
        const workspaceFolders = (this.workspaceManager.workspaceFolders ?? []).map(f => trimSlash(URI.parse(f.uri).path));
        return modelRootOf(uri.path, systemFolders, workspaceFolders);
    }
}

function systemsOf(document: LangiumDocument): System[] {
    const root = document.parseResult?.value;
    return isModel(root) ? root.declarations.filter(isSystem) : [];
}

function trimSlash(path: string): string {
    return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
