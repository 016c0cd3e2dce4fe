import type { AstNode, AstNodeDescription, LangiumDocument, ReferenceDescription, Stream, URI } from 'langium';
import { DefaultIndexManager, stream } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { ThreatModelReferenceDescriptionProvider } from '../references/reference-descriptions.js';

/**
 * Langium's index of declarations and references, with two changes.
 *
 * - The declarations are listed by document URI instead of in the order the documents were last
 *   indexed: a name declared in several files (a tm/duplicate-name error) then resolves to the
 *   same declaration in a server that has seen edits as in a fresh one or in `tml check`.
 * - A document's references are indexed when the index is first asked about them (find
 *   references, rename, or a later build asking whether a change affects the document), not in
 *   the build that linked it: no finding depends on them, so opening a file shows its findings
 *   without waiting for them, and a file edited again before anyone asks never pays for them.
 *   The index is made from the links as the build left them: any build that changes a document's
 *   links first drops its references from the index ({@link removeReferences}, which Langium's
 *   document builder calls whenever it resets a document to before its references were indexed).
 */
export class ThreatModelIndexManager extends DefaultIndexManager {
    /** Per document URI: the linked document whose references are not indexed yet. */
    private readonly unindexed = new Map<string, LangiumDocument>();

    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        const documentUris = [...this.symbolIndex.keys()].filter(uri => !uris || uris.has(uri)).sort();
        return stream(documentUris).flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }

    override async updateReferences(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (!(this.providerOf(document.uri) instanceof ThreatModelReferenceDescriptionProvider)) return super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        this.referenceIndex.delete(uri);
        this.unindexed.set(uri, document);
    }

    override removeReferences(uri: URI): void {
        this.unindexed.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        for (const uri of [...this.unindexed.keys()]) this.indexReferences(uri);
        return super.findAllReferences(targetNode, astNodePath);
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        this.indexReferences(document.uri.toString());
        return super.isAffected(document, changedUris);
    }

    /** Indexes the references of the document at `uri` if they are not yet. */
    private indexReferences(uri: string): void {
        const document = this.unindexed.get(uri);
        if (document === undefined) return;
        this.unindexed.delete(uri);
        this.referenceIndex.set(uri, (this.providerOf(document.uri) as ThreatModelReferenceDescriptionProvider).descriptionsOf(document));
    }

    private providerOf(uri: URI): unknown {
        return this.serviceRegistry.getServices(uri).workspace.ReferenceDescriptionProvider;
    }
}
