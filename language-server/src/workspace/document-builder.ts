import type { AstNode, BuildOptions, LangiumDocument, URI } from 'langium';
import { DefaultDocumentBuilder, DocumentState } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { ThreatModelServices, ThreatModelSharedServices } from '../threat-model-module.js';
import { ensureBuiltinRules, isBuiltinRules } from '../rules/builtin-document.js';
import type { IndexReads } from './index-reads.js';

/**
 * Revalidates, after a change, the documents whose findings the change can alter, and only those.
 *
 * Langium rebuilds the changed documents and relinks (and so revalidates) the documents that
 * reference them. That is not enough here: STRIDE coverage of an element depends on threats in
 * other files, which reference the element but are not referenced by it, and so do duplicate
 * names, scenarios, boundary crossings and asset use. So after each build, every other validated
 * document for which something its checks read from the model index ({@link IndexReads}) is
 * answered differently now is validated again (not re-parsed or re-linked): a threat added in
 * `threats.tm` clears the warning in `dfd.tm`, and an edit that changes nothing for `other.tm`
 * leaves it alone.
 *
 * Before that, documents whose model (docs/language.md#models-in-a-workspace) changed are linked again: adding a `system`
 * to a file makes its folder a model of its own, and the files below it stop seeing the names
 * of the model they were in.
 */
export class ThreatModelDocumentBuilder extends DefaultDocumentBuilder {
    /** Per document URI: the model (docs/language.md#models-in-a-workspace) its references were resolved in. */
    private readonly linkedIn = new Map<string, string>();

    private readonly shared: ThreatModelSharedServices;
    private readonly reads: IndexReads;

    constructor(services: ThreatModelSharedServices) {
        super(services);
        this.shared = services;
        this.reads = services.workspace.IndexReads;
        this.onDocumentPhase(DocumentState.Linked, document => {
            this.linkedIn.set(document.uri.toString(), this.modelOf(document));
        });
        this.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.reads.forget(uri);
                this.linkedIn.delete(uri.toString());
            }
        });
    }

    /**
     * The built-in rule library never changes, and has no file to read again: a change to it is
     * ignored. The index reads of earlier builds are hashed before this one changes anything.
     */
    override update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        this.reads.settle();
        return super.update(changed.filter(uri => !isBuiltinRules(uri)), deleted, cancelToken);
    }

    /** Builds as Langium does, the index reads of earlier builds hashed first. */
    override build<T extends AstNode>(documents: Array<LangiumDocument<T>>, options?: BuildOptions, cancelToken?: CancellationToken): Promise<void> {
        this.reads.settle();
        return super.build(documents, options, cancelToken);
    }

    /** Validates as Langium does, recording what the checks read from the model index. */
    protected override validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        return this.reads.during(document, () => super.validate(document, cancelToken));
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        // The built-in rules are part of every workspace: rules and `rule R` references resolve to them.
        const builtin = ensureBuiltinRules(this.shared);
        if (builtin) documents = [...documents, builtin];
        await super.buildDocuments(documents, options, cancelToken);
        const rescoped = this.rescoped();
        if (rescoped.length > 0) await super.buildDocuments(rescoped, options, cancelToken);
        if (!options.validation) return;
        const built = new Set([...documents, ...rescoped]);
        const affected = this.langiumDocuments.all
            .filter(document => !built.has(document) && document.state === DocumentState.Validated
                && !isBuiltinRules(document.uri) && this.reads.changed(document))
            .toArray();
        if (affected.length === 0) return;
        for (const document of affected) this.resetToState(document, DocumentState.IndexedReferences);
        await super.buildDocuments(affected, options, cancelToken);
    }

    /**
     * Documents whose model changed since they were linked (a `system` added or removed in a
     * folder above them, or a file moved), and the documents whose references point into those:
     * reset to be linked again, so that names resolve in the model each file belongs to now.
     */
    private rescoped(): LangiumDocument[] {
        const moved = new Set(this.langiumDocuments.all
            .filter(document => document.state >= DocumentState.Linked && this.linkedIn.has(document.uri.toString())
                && this.linkedIn.get(document.uri.toString()) !== this.modelOf(document))
            .map(document => document.uri.toString()));
        if (moved.size === 0) return [];
        const relink = this.langiumDocuments.all
            .filter(document => document.state >= DocumentState.Linked && (moved.has(document.uri.toString()) || this.indexManager.isAffected(document, moved)))
            .toArray();
        for (const document of relink) this.resetToState(document, DocumentState.ComputedScopes);
        return relink;
    }

    private modelOf(document: LangiumDocument): string {
        return (this.serviceRegistry.getServices(document.uri) as ThreatModelServices).workspace.ModelRoots.keyOf(document.uri);
    }
}
