import type { LangiumDocument, ReferenceDescription } from 'langium';
import { DefaultReferenceDescriptionProvider, interruptAndCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference, listAstNodes, NODES_BETWEEN_INTERRUPTS } from '../model/ast-walk.js';

/**
 * Langium's index of references (for find references and rename), built with the plain walks of
 * model/ast-walk.ts instead of Langium's streams, which cost a tenth of a large model's build.
 * The descriptions are Langium's own, in the same order.
 */
export class ThreatModelReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = listAstNodes(document.parseResult.value);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 0) await interruptAndCheck(cancelToken);
            const container = nodes[i]!;
            forEachReference(container, (reference, property, index) => {
                if (!reference.error) descriptions.push(...this.createInfoDescriptions({ reference, container, property, index }));
            });
        }
        return descriptions;
    }
}
