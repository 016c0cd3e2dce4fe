import type { AstNode, AstNodeDescription, CstNode, LinkingError, Reference, ReferenceInfo } from 'langium';
import { AstUtils, DocumentState, RefResolving, isAstNode, isAstNodeDescription, isLinkingError } from 'langium';

/** The parts of the linker a reference resolves itself with (protected in Langium's DefaultLinker). */
export interface ReferenceLinker {
    loadAstNode(description: AstNodeDescription): AstNode | undefined;
    createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError;
    getLinkedNode(refInfo: ReferenceInfo): { node?: AstNode; descr?: AstNodeDescription; error?: LinkingError };
    throwCyclicReferenceError(node: AstNode, property: string, refText: string): never;
}

/**
 * The reference Langium 4.2.1's DefaultLinker.buildReference makes, as a class: Langium's is an
 * object literal with three getters, so every reference of a model carried three closures, their
 * context and a property list of its own (about 0.8 kB each; 8 MB at 5,000 elements). Here the
 * getters are on the prototype. The behaviour is the same, step for step (test/unit/perf/linked-reference.test.ts).
 */
export class LinkedReference implements Reference {
    _ref: AstNode | LinkingError | typeof RefResolving | undefined = undefined;
    // `_nodeDescription` is added when known, not declared here: DefaultLinker.unlink deletes it,
    // and deleting the last property added keeps the object's fast layout.
    declare _nodeDescription?: AstNodeDescription;

    constructor(
        private readonly linker: ReferenceLinker,
        private readonly node: AstNode,
        private readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string,
    ) {}

    get ref(): AstNode | undefined {
        if (isAstNode(this._ref)) return this._ref;
        if (isAstNodeDescription(this._nodeDescription)) {
            // A candidate has been found before, but it is not loaded yet.
            this._ref = this.linker.loadAstNode(this._nodeDescription)
                ?? this.linker.createLinkingError(this.info(), this._nodeDescription);
        } else if (this._ref === undefined) {
            this._ref = RefResolving;
            const document = AstUtils.findRootNode(this.node).$document;
            const found = this.linker.getLinkedNode(this.info());
            if (found.error && document && document.state < DocumentState.ComputedScopes) {
                // The document's scopes are not ready: leave it unresolved, so the linker can try again.
                this._ref = undefined;
                return undefined;
            }
            this._ref = found.node ?? found.error;
            this._nodeDescription = found.descr;
            document?.references.push(this);
        } else if (this._ref === RefResolving) {
            this.linker.throwCyclicReferenceError(this.node, this.property, this.$refText);
        }
        return isAstNode(this._ref) ? this._ref : undefined;
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this._ref) ? this._ref : undefined;
    }

    private info(): ReferenceInfo {
        return { reference: this, container: this.node, property: this.property };
    }
}
