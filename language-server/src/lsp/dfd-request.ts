import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState, isOperationCancelled, URI } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { buildDfdModel } from '../dfd/build-graph.js';
import { toDot } from '../dfd/dot.js';
import { scenarioInfos } from '../dfd/json.js';
import { modelsByUri, selectDiagram } from '../dfd/select.js';
import { loadGraphviz, renderSvgWith } from '../dfd/svg.js';
import type { DfdParams, DfdResult } from '../protocol.js';
import { DfdRequest } from '../protocol.js';
import type { ThreatModelServices } from '../threat-model-module.js';

/**
 * Answers `threatModel/dfd` (protocol.ts): the diagram of the current model, laid out in this
 * process. Typing in the preview's document sends a request per pause, and most change nothing
 * the diagram shows (a description, a comment), so the last layout is kept and reused while the
 * DOT text is the same.
 */
export function registerDfdRequest(connection: Connection, services: { shared: LangiumSharedServices; ThreatModel: ThreatModelServices }): void {
    let last: { dot: string; svg: string } | undefined;
    connection.onRequest(DfdRequest, async (params, token) => {
        try {
            await modelSettled(services.shared, params.uri, token);
            const viz = await loadGraphviz();
            // Synchronous from here on: no document update can run while the model is read.
            const model = buildDfdModel(modelsByUri(services.shared.workspace.LangiumDocuments.all), services.ThreatModel.workspace.ModelIndex.coverage());
            const diagram = selectDiagram(model, params.scenario) ?? model.overview;
            const dot = toDot(diagram);
            if (last?.dot !== dot) last = { dot, svg: renderSvgWith(viz, dot) };
            const result: DfdResult = { diagram, scenarios: scenarioInfos(model), svg: last.svg };
            return result;
        } catch (error) {
            if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagram request was cancelled.');
            throw error;
        }
    });
}

/**
 * Waits until the document's latest version is validated, and with it the whole workspace linked.
 * Document updates are queued as writes on the workspace lock, which go before reads: a read
 * that returns has let every update received before this request start. A document the server
 * does not know (the preview restored before its file was opened) waits for the workspace.
 */
async function modelSettled(shared: LangiumSharedServices, uri: DfdParams['uri'], token: CancellationToken): Promise<void> {
    const { WorkspaceManager, WorkspaceLock, DocumentBuilder, LangiumDocuments } = shared.workspace;
    await WorkspaceManager.ready;
    await WorkspaceLock.read(() => undefined);
    const documentUri = URI.parse(uri);
    if (LangiumDocuments.hasDocument(documentUri)) await DocumentBuilder.waitUntil(DocumentState.Validated, documentUri, token);
    else await DocumentBuilder.waitUntil(DocumentState.Validated, token);
}
