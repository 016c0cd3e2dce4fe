import type { LangiumSharedServices } from 'langium/lsp';
import { DocumentState, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ModelOfRequest, ModelsChangedNotification, ModelsRequest } from '../shared/protocol.js';
import type { ThreatModelServices } from '../threat-model-module.js';

/**
 * Answers `threatModel/models` and `threatModel/modelOf` (protocol.ts), and tells the client with
 * `threatModel/modelsChanged` when a build changed the models (a `system` added or removed, a
 * file moved), so that what the editor shows of them (the status bar item) follows.
 */
export function registerModelRequests(connection: Connection, services: { shared: LangiumSharedServices; ThreatModel: ThreatModelServices }): void {
    const roots = services.ThreatModel.workspace.ModelRoots;
    const { WorkspaceLock, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    connection.onRequest(ModelsRequest, () => WorkspaceLock.read(() => roots.groups().map(group => roots.info(group.key))));
    connection.onRequest(ModelOfRequest, params => WorkspaceLock.read(() => {
        const uri = URI.parse(params.uri);
        return LangiumDocuments.hasDocument(uri) ? roots.info(roots.keyOf(uri)) : null;
    }));
    let last = '';
    DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        const signature = JSON.stringify(roots.groups().map(group => roots.info(group.key)));
        if (signature === last) return;
        last = signature;
        void connection.sendNotification(ModelsChangedNotification);
    });
}
