import type { URI } from 'langium';
import { DefaultDocumentBuilder, DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

/**
 * STRIDE coverage of an element depends on threats in other files, which reference the element
 * but are not referenced by it; Langium only revalidates documents that reference a changed one.
 * So after every change, every other document is validated again (not re-parsed or re-linked,
 * unless Langium decides so): a threat added in `threats.tm` clears the warning in `dfd.tm`.
 */
export class ThreatModelDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedServices) {
        super(services);
        this.onUpdate((changed: URI[], deleted: URI[]) => {
            if (changed.length === 0 && deleted.length === 0) return;
            for (const document of this.langiumDocuments.all) {
                if (document.state >= DocumentState.Validated) {
                    this.resetToState(document, DocumentState.IndexedReferences);
                }
            }
        });
    }
}
