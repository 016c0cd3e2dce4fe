import type { LangiumDocument } from 'langium';
import { isBuiltinRules } from '../rules/builtin-document.js';
import { URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { generateSecurityReports, generateSecurityReportsWithImages } from '../generator/report-document.js';
import { renderReportImages } from '../generator/report-images.js';
import { buildThreatTable } from '../generator/table-builder.js';
import { formatThreatTables } from '../generator/table-format.js';
import type { ModelFile } from '../generator/table-scope.js';
import { scopedTableInput } from '../generator/table-scope.js';
import { isModel } from '../generated/ast.js';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import type { ThreatModelConfigurationProvider } from '../workspace/configuration.js';
import type { GenerationScope } from '../shared/protocol.js';
import { SecurityReportRequest, ThreatTableRequest } from '../shared/protocol.js';
import type { ThreatModelServices } from '../threat-model-module.js';
import { findingsOfDocuments } from '../validation/document-findings.js';
import { readValidatedWorkspace } from './validated-workspace.js';

interface Services {
    readonly shared: LangiumSharedServices;
    readonly ThreatModel: ThreatModelServices;
}

/** A workspace document with its model and the path documents show for it. */
interface WorkspaceFile extends ModelFile {
    readonly document: LangiumDocument;
}

/**
 * Answers `threatModel/table` and `threatModel/report` (protocol.ts) with the same pure generators
 * as `tml table` and `tml report`, so the extension host only shows the text.
 */
export function registerTableRequests(connection: Connection, services: Services): void {
    const index = services.ThreatModel.workspace.ModelIndex;
    // `threatModel.bugUrl` links the threats' bugs, as `--bug-url` does in the CLI.
    const bugUrl = (): BugUrlTemplate | undefined => (services.shared.workspace.ConfigurationProvider as ThreatModelConfigurationProvider).bugUrl();
    connection.onRequest(ThreatTableRequest, (params, token) => generate(services, params.scope, token, models =>
        formatThreatTables(models.map(m => buildThreatTable({ ...scopedTableInput(m.selected, m.files, index.coverage(m.key)), bugUrl: bugUrl() })), params.format)));
    connection.onRequest(SecurityReportRequest, async (params, token) => {
        const folder = params.imagesFolder;
        const generated = await generate(services, params.scope, token, models => {
            const inputs = models.map(m => ({
                selected: m.selected,
                workspace: m.files,
                coverage: index.coverage(m.key),
                findings: findingsOfDocuments(m.selected.map(f => ({ file: f.path, document: f.document }))),
            }));
            return folder === undefined ? { markdown: generateSecurityReports(inputs, bugUrl()), images: [] } : generateSecurityReportsWithImages(inputs, folder, bugUrl());
        });
        if (generated instanceof ResponseError) return generated;
        // Laid out after the workspace lock is released: the DOT is plain text by now.
        return { content: generated.content.markdown, files: generated.files, images: await renderReportImages(generated.content.images) };
    });
}

/** The selected files of one model (docs/language.md#models-in-a-workspace), and all its files. */
interface SelectedModel {
    readonly key: string;
    readonly selected: readonly WorkspaceFile[];
    readonly files: readonly WorkspaceFile[];
}

async function generate<T>(
    services: Services,
    scope: GenerationScope,
    token: CancellationToken,
    write: (models: readonly SelectedModel[]) => T,
): Promise<{ readonly content: T; readonly files: readonly string[] } | ResponseError> {
    const answer = await readValidatedWorkspace(services.shared, token, () => {
        const roots = services.ThreatModel.workspace.ModelRoots;
        const scopeKey = scope.kind === 'model' ? roots.keyOf(URI.parse(scope.uri)) : undefined;
        const byModel = new Map<string, WorkspaceFile[]>();
        for (const file of workspaceFiles(services.shared)) {
            const key = roots.keyOf(file.document.uri);
            byModel.set(key, [...(byModel.get(key) ?? []), file]);
        }
        const models = [...byModel.keys()].sort().flatMap(key => {
            const files = byModel.get(key)!;
            const selected = files.filter(file => scopeKey !== undefined ? key === scopeKey : inScope(file.document.uri, scope));
            return selected.length > 0 ? [{ key, selected, files }] : [];
        });
        if (models.length === 0) return new ResponseError(ErrorCodes.InvalidParams, `No threat model (.tm) file is in ${describeScope(scope)}.`);
        return { content: write(models), files: models.flatMap(m => m.selected.map(f => f.path)) };
    });
    return answer ?? new ResponseError(LSPErrorCodes.RequestCancelled, 'Generating the document was cancelled.');
}

function inScope(uri: URI, scope: GenerationScope): boolean {
    switch (scope.kind) {
        case 'workspace': case 'model': return true;
        case 'file': return UriUtils.equals(uri, URI.parse(scope.uri));
        case 'folder': return UriUtils.contains(URI.parse(scope.uri), uri);
    }
}

function describeScope(scope: GenerationScope): string {
    switch (scope.kind) {
        case 'workspace': return 'the workspace';
        case 'model': return `the model of ${URI.parse(scope.uri).fsPath}`;
        case 'file': return `the file ${URI.parse(scope.uri).fsPath}`;
        case 'folder': return `the folder ${URI.parse(scope.uri).fsPath}`;
    }
}

/**
 * Every model document, ordered by path so that the document does not depend on the order the
 * files were opened in. Paths are relative to the workspace folder, with the folder's name first
 * when there are several.
 */
function workspaceFiles(shared: LangiumSharedServices): WorkspaceFile[] {
    const folders = shared.workspace.WorkspaceManager.workspaceFolders ?? [];
    const pathOf = (uri: URI): string => {
        const folder = folders.find(f => UriUtils.contains(URI.parse(f.uri), uri));
        if (!folder) return uri.scheme === 'file' ? uri.fsPath : uri.toString();
        const relative = UriUtils.relative(URI.parse(folder.uri), uri);
        return folders.length > 1 ? `${folder.name}/${relative}` : relative;
    };
    return shared.workspace.LangiumDocuments.all
        .filter(document => !isBuiltinRules(document.uri))
        .toArray()
        .flatMap(document => {
            const model = document.parseResult.value;
            return isModel(model) ? [{ document, model, path: pathOf(document.uri) }] : [];
        })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
