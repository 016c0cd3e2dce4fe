import type { AstNode, LangiumDocument, ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ThreatModelConfigurationProvider } from '../workspace/configuration.js';
import type { NodeMap, ValidatedVersion } from './validation-reuse.js';
import { nodeMap, reusableFindings } from './validation-reuse.js';

/** One validation of a document: the findings it can take over, and where to leave its own for the next. */
export interface ValidationRun {
    /** Per node (in walking order): findings taken over, or `undefined` where the checks must run. Absent: run every check. */
    readonly reused: readonly (readonly Diagnostic[] | undefined)[] | undefined;
    /** Keeps the findings of every node, for the next version. */
    finish(found: readonly (readonly Diagnostic[])[]): void;
}

/**
 * Per document open in the editor, its last validated version (incremental/validation-reuse.ts),
 * so that validating the next version after a keystroke runs only the checks the edit can change.
 * Files not open (the CLI, files of the workspace not shown) are validated in full, and keep nothing.
 */
export class ValidationReuse {
    private readonly versions = new WeakMap<LangiumDocument, ValidatedVersion>();

    constructor(private readonly services: ThreatModelServices) {}

    /** Starts validating `document`, whose nodes are `nodes`; `undefined` when nothing is kept for it. */
    start(document: LangiumDocument, root: Model, nodes: readonly AstNode[], options: ValidationOptions): ValidationRun | undefined {
        const uri = document.uri.toString();
        const { lexerErrors, parserErrors } = document.parseResult;
        const text = root.$cstNode?.root.fullText;
        if (!this.services.shared.workspace.TextDocuments?.get(uri) || lexerErrors.length > 0 || parserErrors.length > 0 || text === undefined) {
            this.versions.delete(document);
            return undefined;
        }
        const context = this.settingsOf(options);
        const previous = this.versions.get(document);
        const current = previous ? nodeMap(nodes) : undefined;
        // Forgotten until this run finishes: a cancelled run must not leave the previous version paired with this text.
        this.versions.delete(document);
        const reads = this.services.shared.workspace.IndexReads;
        const found = previous && current ? reusableFindings(previous, text, context, current, uri) : undefined;
        // What the previous validation read from the workspace index must still be answered the same.
        const reused = found && !reads.changed(document) ? found : undefined;
        // The checks that run again record only their own reads: the record keeps those of the others.
        if (reused) reads.reusing(document);
        const keep = (map: NodeMap, findings: readonly (readonly Diagnostic[])[]): void => {
            this.versions.set(document, { ...map, text, context, findings });
        };
        return {
            reused,
            // A first validation takes nothing over, so only the next one needs the map of its nodes: it is
            // made once the diagnostics are out (before any build changes the tree), not on the way to them.
            finish: findings => (current ? keep(current, findings) : reads.afterDiagnostics(() => keep(nodeMap(nodes), findings))),
        };
    }

    /** What the checks read besides the file and the index: the rules in force, the severity settings, the options. */
    private settingsOf(options: ValidationOptions): string {
        const configuration = this.services.shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
        return JSON.stringify([this.services.workspace.ModelIndex.ruleSources, [...configuration.severityOverrides()], options.categories ?? null]);
    }
}
