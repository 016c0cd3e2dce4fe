import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams, Range } from 'vscode-languageserver';
import { bugUrl } from '../shared/bug-url.js';
import { isMitigation, isThreat } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { visibleText } from '../model/visible-text.js';
import { capText } from '../validation/quote.js';
import type { ThreatModelConfigurationProvider } from '../workspace/configuration.js';
import type { LinkedFiles } from '../workspace/source-files.js';

/**
 * Makes `implementedIn` and `verifiedBy` paths clickable when the file exists: `path#L10` opens it
 * at line 10 (VS Code reads `#L10` on file links), `path#symbol` opens the file. With the setting
 * `threatModel.bugUrl`, a threat's `bug "SEC-142"` links to the tracker (shared/bug-url.ts).
 */
export class ThreatModelDocumentLinkProvider implements DocumentLinkProvider {
    private readonly linkedFiles: LinkedFiles;
    private readonly configuration: ThreatModelConfigurationProvider;

    constructor(services: ThreatModelServices) {
        this.linkedFiles = services.workspace.LinkedFiles;
        this.configuration = services.shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider;
    }

    getDocumentLinks(document: LangiumDocument, _params: DocumentLinkParams): DocumentLink[] {
        const links: DocumentLink[] = [];
        for (const mitigation of AstUtils.streamAst(document.parseResult.value).filter(isMitigation)) {
            for (const property of ['implementedIn', 'verifiedBy'] as const) {
                const linked = this.linkedFiles.resolve(document.uri, mitigation[property]);
                const cst = GrammarUtils.findNodeForProperty(mitigation.$cstNode, property);
                // Only files inside the workspace are linked (tm/linked-file-outside).
                if (linked?.kind !== 'file' || !linked.exists || !cst) continue;
                const line = /^L(\d+)$/.exec(linked.fragment ?? '')?.[1];
                const target = line ? linked.file.with({ fragment: `L${line}` }) : linked.file;
                links.push({
                    range: insideQuotes(cst.range),
                    target: target.toString(),
                    // The path as every output shows it: capped, invisible characters visible.
                    tooltip: `Open ${visibleText(capText(mitigation[property]))}`,
                });
            }
        }
        return [...links, ...this.bugLinks(document.parseResult.value)];
    }

    private bugLinks(root: AstNode): DocumentLink[] {
        const template = this.configuration.bugUrl();
        if (!template) return [];
        return AstUtils.streamAst(root).filter(isThreat).toArray().flatMap(threat => {
            const target = bugUrl(template, threat.bug);
            const cst = GrammarUtils.findNodeForProperty(threat.$cstNode, 'bug');
            if (target === undefined || !cst) return [];
            return [{ range: insideQuotes(cst.range), target, tooltip: `Open ${visibleText(capText(threat.bug?.trim() ?? ''))} in the bug tracker` }];
        });
    }
}

/** A string's range without its quotes: links cover the text inside them. */
function insideQuotes({ start, end }: Range): Range {
    return { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } };
}
