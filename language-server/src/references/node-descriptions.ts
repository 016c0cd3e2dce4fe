import type { AstNode, AstNodeDescription, AstNodeLocator, DocumentSegment, LangiumCoreServices, LangiumDocument, NameProvider, URI } from 'langium';
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider } from 'langium';

/**
 * Langium's descriptions of the declarations a document exports (the index every reference is
 * resolved against), with their path and segments made when first read
 * ({@link LazyNodeDescription}).
 */
export class ThreatModelAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    private readonly parts: DescriptionParts;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.parts = { locator: this.astNodeLocator, names: this.nameProvider };
    }

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const known = name ?? this.nameProvider.getName(node);
        if (!known) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(this.parts, node, known, (document ?? AstUtils.getDocument(node)).uri);
    }
}

/** What a description computes its lazy parts with: one object for all descriptions. */
interface DescriptionParts {
    readonly locator: AstNodeLocator;
    readonly names: NameProvider;
}

/**
 * The description Langium 4.2.1's DefaultAstNodeDescriptionProvider.createDescription makes, as a
 * class whose path and segments are computed when first read: Langium's is an object literal with
 * a getter and two closures of its own, and computes the path and the selection segment (a range
 * of the declaration's whole syntax) for every declaration of every build, when few are ever read
 * (docs/performance.md#memory-of-a-built-model). They come from the document's syntax tree, which does not change once built.
 */
class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;
    private cachedPath: string | undefined;
    private cachedNameSegment: DocumentSegment | undefined;
    private cachedSelectionSegment: DocumentSegment | undefined;

    constructor(private readonly parts: DescriptionParts, readonly node: AstNode, readonly name: string, readonly documentUri: URI) {
        this.type = node.$type;
    }

    get path(): string {
        this.cachedPath ??= this.parts.locator.getAstNodePath(this.node);
        return this.cachedPath;
    }

    get nameSegment(): DocumentSegment | undefined {
        this.cachedNameSegment ??= CstUtils.toDocumentSegment(this.parts.names.getNameNode(this.node) ?? this.node.$cstNode);
        return this.cachedNameSegment;
    }

    get selectionSegment(): DocumentSegment | undefined {
        this.cachedSelectionSegment ??= CstUtils.toDocumentSegment(this.node.$cstNode);
        return this.cachedSelectionSegment;
    }
}
