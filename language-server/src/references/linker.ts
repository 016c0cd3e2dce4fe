import type { AstNode, AstNodeDescription, CstNode, LangiumDocument, LinkingError, Reference, ReferenceInfo } from 'langium';
import { DefaultLinker, interruptAndCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { NODES_BETWEEN_INTERRUPTS, forEachReference } from '../model/ast-walk.js';
import { referringNodes } from './document-nodes.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import type { ModelRoots } from '../workspace/model-roots.js';
import { quote } from '../validation/quote.js';
import { didYouMean } from '../parser/did-you-mean.js';
import { withArticle } from '../shared/prose.js';
import type { ReferenceLinker } from './linked-reference.js';
import { LinkedReference } from './linked-reference.js';

/** How users call what each kind of reference expects. */
const EXPECTED: Readonly<Record<string, string>> = {
    DfdElement: 'DFD element (external, process, datastore or flow)',
    Node: 'external, process or datastore',
    Flow: 'flow',
    Asset: 'asset',
    Mitigation: 'mitigation',
};

/** How users call each kind of declaration. */
const DECLARED_AS: Readonly<Record<string, string>> = {
    System: 'a system', Assumption: 'an assumption', Dependency: 'a dependency', Asset: 'an asset',
    Boundary: 'a boundary', External: 'an external', Process: 'a process', Datastore: 'a datastore',
    Flow: 'a flow', Scenario: 'a scenario', Threat: 'a threat', Mitigation: 'a mitigation',
};

/**
 * Unresolved references in the user's words: what kind of thing was expected, and whether the
 * name exists as something else (`targets CardData` where CardData is an asset).
 */
export class ThreatModelLinker extends DefaultLinker {
    private readonly modelIndex: ThreatModelWorkspaceIndex;
    private readonly roots: ModelRoots;

    /** What a {@link LinkedReference} resolves itself with: one object for every reference. */
    private readonly referenceLinker: ReferenceLinker = {
        loadAstNode: description => this.loadAstNode(description),
        createLinkingError: (refInfo, description) => this.createLinkingError(refInfo, description),
        getLinkedNode: refInfo => this.getLinkedNode(refInfo),
        throwCyclicReferenceError: (node, property, refText) => this.throwCyclicReferenceError(node, property, refText),
    };

    constructor(services: ThreatModelServices) {
        super(services);
        this.modelIndex = services.workspace.ModelIndex;
        this.roots = services.workspace.ModelRoots;
    }

    /** Langium's reference, as a class without closures of its own (references/linked-reference.ts). */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new LinkedReference(this.referenceLinker, node, property, refNode, refText);
    }

    /** Langium's linking, walking with plain loops (model/ast-walk.ts) instead of its streams, and only the nodes that can hold a reference (references/document-nodes.ts). */
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const nodes = referringNodes(document);
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_INTERRUPTS === 0) await interruptAndCheck(cancelToken);
            const container = nodes[i]!;
            forEachReference(container, (reference, property, index) => this.doLink({ reference, container, property, index }, document));
        }
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const name = refInfo.reference.$refText;
        const expected = EXPECTED[this.reflection.getReferenceType(refInfo)] ?? 'declaration';
        // A name declared as several kinds (a tm/duplicate-name error) is named by the first kind of
        // DECLARED_AS, not by the index's order, which depends on the order documents were built in.
        const declared = this.modelIndex.declaredTypes(name, refInfo.container);
        const other = Object.entries(DECLARED_AS).find(([type]) => declared.includes(type))?.[1];
        const elsewhere = other ? [] : this.modelIndex.otherModelsDeclaring(name, refInfo.container);
        const message = other
            ? `${quote(name)} is ${other}, but ${withArticle(expected)} is expected here.`
            : elsewhere.length > 0
                ? `Unknown ${expected} ${quote(name)} in this model: ${quote(name)} is declared in another model (${this.describeModels(elsewhere)}), and each model sees only its own names. Declare it in this model, or correct the name.`
                : `Unknown ${expected} ${quote(name)}${this.meant(refInfo, name)} Declare it in a .tm file of this model, or correct the name.`;
        return { ...error, message, suggestion: this.nearestName(refInfo, name) } as LinkingError;
    }

    /** `; did you mean 'Storefront'?` for a near miss of a name in scope, else `.`. */
    private meant(refInfo: ReferenceInfo, name: string): string {
        const nearest = this.nearestName(refInfo, name);
        return nearest ? `; did you mean ${quote(nearest)}?` : '.';
    }

    /** The name in scope nearest to `name` (parser/did-you-mean.ts), among the first 5,000. */
    private nearestName(refInfo: ReferenceInfo, name: string): string | undefined {
        const names: string[] = [];
        for (const element of this.scopeProvider.getScope(refInfo).getAllElements()) {
            names.push(element.name);
            if (names.length >= 5_000) break;
        }
        return didYouMean(name, names);
    }

    private describeModels(keys: readonly string[]): string {
        const named = keys.slice(0, 3).map(key => this.roots.describe(key));
        return keys.length > 3 ? `${named.join('; ')}; and ${keys.length - 3} more` : named.join('; ');
    }
}
