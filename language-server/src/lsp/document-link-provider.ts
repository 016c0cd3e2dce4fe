import type { LangiumDocument } from 'langium';
import { AstUtils, GrammarUtils } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { isMitigation } from '../generated/ast.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { visibleText } from '../model/visible-text.js';
import { capText } from '../validation/quote.js';
import type { LinkedFiles } from '../workspace/source-files.js';

/**
 * Makes `implementedIn` and `verifiedBy` paths clickable when the file exists: `path#L10` opens it
 * at line 10 (VS Code reads `#L10` on file links), `path#symbol` opens the file.
 */
export class ThreatModelDocumentLinkProvider implements DocumentLinkProvider {
    private readonly linkedFiles: LinkedFiles;

    constructor(services: ThreatModelServices) {
        this.linkedFiles = services.workspace.LinkedFiles;
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
                // The link covers the text inside the quotes.
                const { start, end } = cst.range;
                links.push({
                    range: { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } },
                    target: target.toString(),
                    // The path as every output shows it: capped, invisible characters visible.
                    tooltip: `Open ${visibleText(capText(mitigation[property]))}`,
                });
            }
        }
        return links;
    }
}
