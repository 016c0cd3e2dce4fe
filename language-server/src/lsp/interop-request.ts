import * as path from 'node:path';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { buildDfdModel } from '../dfd/build-graph.js';
import { modelsByUri } from '../dfd/select.js';
import { isModel } from '../generated/ast.js';
import { exportDocument } from '../interop/export-document.js';
import { viewModel } from '../interop/export-model.js';
import { ImportError } from '../interop/imported-model.js';
import { importModel } from '../interop/import-model.js';
import { readImportFile } from '../interop/read-import-file.js';
import type { ConvertedModel } from '../shared/protocol.js';
import { ExportModelRequest, ImportModelRequest } from '../shared/protocol.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { readValidatedWorkspace } from './validated-workspace.js';

interface Services {
    readonly shared: LangiumSharedServices;
    readonly ThreatModel: ThreatModelServices;
}

/**
 * Answers `threatModel/import` and `threatModel/export` (protocol.ts) with the converters `tml
 * import` and `tml export` use, so that parsing a large file never runs in the extension host.
 */
export function registerInteropRequests(connection: Connection, services: Services): void {
    connection.onRequest(ImportModelRequest, async params => {
        const uri = URI.parse(params.uri);
        if (uri.scheme !== 'file') return new ResponseError(ErrorCodes.InvalidParams, `Only files on disk can be imported, not ${uri.scheme}: URIs.`);
        try {
            const result = importModel(await readImportFile(uri.fsPath), { fileName: path.basename(uri.fsPath), ...(params.from !== undefined ? { from: params.from } : {}) });
            return { content: result.text, warnings: result.warnings };
        } catch (error) {
            if (error instanceof ImportError) return new ResponseError(LSPErrorCodes.RequestFailed, `Cannot import ${path.basename(uri.fsPath)}: ${error.message}`);
            throw error;
        }
    });
    connection.onRequest(ExportModelRequest, async (params, token) => {
        const snapshot = await readValidatedWorkspace(services.shared, token, () => {
            const { ModelRoots, ModelIndex } = services.ThreatModel.workspace;
            const key = ModelRoots.keyOf(URI.parse(params.uri));
            // In URI order, as `tml export` reads files in path order: the file does not depend on which document was opened first.
            const documents = services.shared.workspace.LangiumDocuments.all.toArray()
                .filter(d => isModel(d.parseResult.value) && ModelRoots.keyOf(d.uri) === key)
                .sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : a.uri.toString() > b.uri.toString() ? 1 : 0));
            const models = documents.flatMap(d => (isModel(d.parseResult.value) ? [d.parseResult.value] : []));
            if (models.length === 0) return new ResponseError(ErrorCodes.InvalidParams, `Cannot export: no threat model (.tm) file belongs to the model of ${URI.parse(params.uri).fsPath}.`);
            // Taken inside the read lock; the layout below runs after it, on this snapshot.
            return { view: viewModel(models), overview: buildDfdModel(modelsByUri(documents), ModelIndex.coverage(key)).overview };
        });
        if (snapshot === undefined) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The export was cancelled.');
        if (snapshot instanceof ResponseError) return snapshot;
        const exported = await exportDocument(params.format, snapshot.view, snapshot.overview);
        return { content: exported.content, warnings: [...exported.warnings] } satisfies ConvertedModel;
    });
}
