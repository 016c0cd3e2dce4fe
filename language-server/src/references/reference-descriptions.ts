import type { AstNode, AstNodeDescription, AstNodeLocator, CstNode, DocumentSegment, LangiumDocument, ReferenceDescription, URI } from 'langium';
import { CstUtils, DefaultReferenceDescriptionProvider, interruptAndCheck, isMultiReference, isReference, UriUtils } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { forEachReference, NODES_BETWEEN_INTERRUPTS } from '../model/ast-walk.js';
import { referringNodes } from './document-nodes.js';

/**
 * Langium's index of references (for find references and rename), built with the plain walks of
 * model/ast-walk.ts instead of Langium's streams, which cost a tenth of a large model's build, over
 * the nodes that can hold a reference (references/document-nodes.ts).
 * The descriptions are Langium's own, in the same order, but their source path and segment are
 * made when read ({@link LazyReferenceDescription}).
 */
export class ThreatModelReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const nodes = referringNodes(document);
        for (let start = 0; start < nodes.length; start += NODES_BETWEEN_INTERRUPTS) {
            await interruptAndCheck(cancelToken);
            this.describe(document, nodes, start, Math.min(nodes.length, start + NODES_BETWEEN_INTERRUPTS), descriptions);
        }
        return descriptions;
    }

    /** {@link createDescriptions} in one go (the index makes them when first asked: workspace/index-manager.ts). */
    descriptionsOf(document: LangiumDocument): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        const nodes = referringNodes(document);
        this.describe(document, nodes, 0, nodes.length, descriptions);
        return descriptions;
    }

    /** Adds the descriptions of the references held by `nodes[start]` to `nodes[end - 1]`. */
    private describe(document: LangiumDocument, nodes: readonly AstNode[], start: number, end: number, descriptions: ReferenceDescription[]): void {
        for (let i = start; i < end; i++) {
            const container = nodes[i]!;
            forEachReference(container, reference => {
                if (reference.error || !reference.$refNode) return;
                const targets = isReference(reference) ? [reference.$nodeDescription] : isMultiReference(reference) ? reference.items.map(item => item.$nodeDescription) : [];
                for (const target of targets) {
                    if (target) descriptions.push(new LazyReferenceDescription(this.nodeLocator, document.uri, container, reference.$refNode, target));
                }
            });
        }
    }
}

/**
 * The description Langium's DefaultReferenceDescriptionProvider.createInfoDescriptions makes, with
 * the path of the referring node and the segment of the reference computed when first read, not for
 * every reference of every build: few are ever read (find references, rename), and eagerly they were
 * a path string and four objects per reference (docs/performance.md#memory-of-a-built-model). Both come from the document's syntax
 * tree, which does not change once built; the target's description is kept when the description
 * is made, as Langium does, since relinking may reset the reference.
 */
class LazyReferenceDescription implements ReferenceDescription {
    private cachedPath: string | undefined;
    private cachedSegment: DocumentSegment | undefined;

    constructor(
        private readonly locator: AstNodeLocator,
        readonly sourceUri: URI,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        private readonly target: AstNodeDescription,
    ) {}

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get targetPath(): string {
        return this.target.path;
    }

    get local(): boolean {
        return UriUtils.equals(this.target.documentUri, this.sourceUri);
    }

    get sourcePath(): string {
        this.cachedPath ??= this.locator.getAstNodePath(this.container);
        return this.cachedPath;
    }

    get segment(): DocumentSegment {
        this.cachedSegment ??= CstUtils.toDocumentSegment(this.refNode);
        return this.cachedSegment;
    }
}
