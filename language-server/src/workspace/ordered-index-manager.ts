import type { AstNodeDescription, Stream } from 'langium';
import { DefaultIndexManager, stream } from 'langium';

/**
 * Langium's index of declarations, listing the documents by URI instead of in the order they were
 * last indexed: a name declared in several files (a tm/duplicate-name error) then resolves to the
 * same declaration in a server that has seen edits as in a fresh one or in `tml check`.
 */
export class OrderedIndexManager extends DefaultIndexManager {
    override allElements(nodeType?: string, uris?: Set<string>): Stream<AstNodeDescription> {
        const documentUris = [...this.symbolIndex.keys()].filter(uri => !uris || uris.has(uri)).sort();
        return stream(documentUris).flatMap(uri => this.getFileDescriptions(uri, nodeType));
    }
}
