import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import type { AstNode } from 'langium';
import { isDfdElement, isThreat } from '../generated/ast.js';
import { coverageSummary } from '../model/explain.js';
import { computeRisk } from '../model/risk.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';

/**
 * Read-only lenses: the DREAD risk of each threat (`risk 6.4 · Medium`) and the STRIDE coverage of
 * each element (`STRIDE 1/6 addressed`). An empty command id makes them plain labels.
 */
export class ThreatModelCodeLensProvider implements CodeLensProvider {
    private readonly index: ThreatModelWorkspaceIndex;

    constructor(services: ThreatModelServices) {
        this.index = services.workspace.ModelIndex;
    }

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const lenses: CodeLens[] = [];
        for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
            const range = lineOf(node);
            if (!range) continue;
            if (isThreat(node)) {
                const score = computeRisk(node.dread);
                lenses.push(label(range, score ? `risk ${score.risk.toFixed(1)} · ${score.rating}` : 'risk not rated'));
            } else if (isDfdElement(node) && node.name) {
                const { settled, applicable } = coverageSummary(this.index.coverage(node).coverageOf(node));
                lenses.push(label(range, `STRIDE ${settled}/${applicable} addressed`));
            }
        }
        return lenses;
    }
}

function lineOf(node: AstNode): Range | undefined {
    const start = node.$cstNode?.range.start;
    return start ? { start, end: start } : undefined;
}

function label(range: Range, title: string): CodeLens {
    return { range, command: { title, command: '' } };
}
