import type { LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { buildDfdModel } from '../dfd/build-graph.js';
import { collapseBoundaries } from '../shared/dfd/collapse.js';
import { toDot } from '../dfd/dot.js';
import { scenarioInfos } from '../dfd/json.js';
import { modelsByUri, selectDiagram } from '../dfd/select.js';
import type { DfdLayout } from '../dfd/svg.js';
import { layoutDfd, loadGraphviz } from '../dfd/svg.js';
import type { DfdResult } from '../shared/protocol.js';
import { DfdRequest } from '../shared/protocol.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { readValidatedWorkspace } from './validated-workspace.js';

/**
 * Answers `threatModel/dfd` (protocol.ts): the diagram of the model (docs/language.md#models-in-a-workspace) the document
 * belongs to, laid out in this
 * process. Typing in the preview's document sends a request per pause, and most change nothing
 * the diagram shows (a description, a comment), so the last layout is kept and reused while the
 * DOT text is the same. Boundaries the preview asks to collapse are collapsed first (shared/dfd/collapse.ts),
 * and the direction is chosen by aspect ratio (shared/dfd/direction.ts).
 */
export function registerDfdRequest(connection: Connection, services: { shared: LangiumSharedServices; ThreatModel: ThreatModelServices }): void {
    let last: { key: string; layout: DfdLayout } | undefined;
    connection.onRequest(DfdRequest, async (params, token) => {
        const viz = await loadGraphviz();
        const answer = await readValidatedWorkspace(services.shared, token, (): DfdResult => {
            // Synchronous: no document update can run while the model is read.
            const { ModelRoots, ModelIndex } = services.ThreatModel.workspace;
            const key = ModelRoots.keyOf(URI.parse(params.uri));
            const model = buildDfdModel(modelsByUri(ModelRoots.group(key).documents), ModelIndex.coverage(key));
            const diagram = collapseBoundaries(selectDiagram(model, params.scenario) ?? model.overview, params.collapsed ?? []);
            const dot = toDot(diagram);
            if (last?.key !== dot) last = { key: dot, layout: layoutDfd(viz, diagram) };
            return { model: ModelRoots.info(key), diagram, scenarios: scenarioInfos(model), svg: last.layout.svg, direction: last.layout.direction };
        });
        return answer ?? new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagram request was cancelled.');
    });
}
