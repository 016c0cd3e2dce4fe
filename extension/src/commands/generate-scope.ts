import * as vscode from 'vscode';
import type { GenerationScope, ThreatModelInfo } from '../../../language-server/src/shared/protocol.js';
import { ModelOfRequest, ModelsRequest } from '../../../language-server/src/shared/protocol.js';
import { LANGUAGE_ID } from '../../../language-server/src/shared/language.js';
import type { LanguageServerHandle } from '../server-handle.js';

/** The scopes a user can pick: the active file's model, the file, its folder, or the whole workspace. */
export type ScopeChoice = GenerationScope['kind'];

/**
 * Arguments that skip the quick picks, for keybindings and tests:
 * `executeCommand('threatModel.generateThreatTable', { scope: 'workspace', format: 'md' })`.
 */
export interface GenerateCommandArgs {
    readonly scope?: ScopeChoice;
    readonly format?: string;
    /** The model file for the `model`, `file` and `folder` scopes (default: the active editor's). */
    readonly uri?: string;
}

/** The command's arguments if they are {@link GenerateCommandArgs}; anything else counts as none. */
export function commandArgs(value: unknown): GenerateCommandArgs {
    if (typeof value !== 'object' || value === null) return {};
    const { scope, format, uri } = value as Record<string, unknown>;
    return {
        scope: scope === 'model' || scope === 'file' || scope === 'folder' || scope === 'workspace' ? scope : undefined,
        format: typeof format === 'string' ? format : undefined,
        uri: typeof uri === 'string' ? uri : undefined,
    };
}

/** A chosen scope, and the folder the generated document is named after. */
export interface PickedScope {
    readonly scope: GenerationScope;
    readonly folder: vscode.Uri | undefined;
}

interface ScopeItem extends vscode.QuickPickItem {
    readonly choice: PickedScope;
}

interface ModelItem extends vscode.QuickPickItem {
    readonly model: ThreatModelInfo;
}

/**
 * Asks which files the document covers (unless `args.scope` says so, or there is one choice
 * only): the active file's model first (docs/language.md#models-in-a-workspace), then the file, its folder, another model or
 * the whole workspace. Resolves to `undefined` when the user dismisses a pick.
 */
export async function pickScope(server: LanguageServerHandle, args: GenerateCommandArgs, what: string): Promise<PickedScope | undefined> {
    const model = args.uri ? vscode.Uri.parse(args.uri, true) : activeModel();
    const rootFolder = (model && vscode.workspace.getWorkspaceFolder(model)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    await server.ready();
    const items: ScopeItem[] = [];
    const own = model ? await server.client.sendRequest(ModelOfRequest, { uri: model.toString() }) : null;
    if (model && own) {
        items.push({
            label: `Model: ${own.title}`, description: describeModel(own),
            choice: { scope: { kind: 'model', uri: model.toString() }, folder: modelFolder(own) ?? rootFolder },
        });
    }
    if (model) {
        const folder = vscode.Uri.joinPath(model, '..');
        items.push({
            label: 'Current file', description: vscode.workspace.asRelativePath(model),
            choice: { scope: { kind: 'file', uri: model.toString() }, folder: model.scheme === 'file' ? folder : rootFolder },
        });
        if (model.scheme === 'file' && folder.toString() !== rootFolder?.toString() && folder.path !== own?.key) {
            items.push({
                label: 'Folder of the current file', description: `${vscode.workspace.asRelativePath(folder)} and below`,
                choice: { scope: { kind: 'folder', uri: folder.toString() }, folder },
            });
        }
    }
    const models = await server.client.sendRequest(ModelsRequest);
    const others = models.filter(m => m.key !== own?.key && m.uri !== '');
    const another: ScopeItem = { label: 'Another model…', description: `${others.length} more in the workspace`, choice: { scope: { kind: 'workspace' }, folder: rootFolder } };
    if (others.length > 0) items.push(another);
    items.push({
        label: 'Whole workspace', description: models.length > 1 ? `all ${models.length} models, one section each` : 'every .tm file',
        choice: { scope: { kind: 'workspace' }, folder: rootFolder },
    });
    const given = items.find(item => item !== another && item.choice.scope.kind === args.scope);
    if (given) return given.choice;
    if (items.length === 1) return items[0]?.choice;
    const chosen = await vscode.window.showQuickPick(items, { title: `${what}: which model files?`, placeHolder: 'Scope of the document' });
    if (chosen !== another) return chosen?.choice;
    const items2: ModelItem[] = others.map(m => ({ label: m.title, description: describeModel(m), model: m }));
    const picked = await vscode.window.showQuickPick(items2, { title: `${what}: which model?`, placeHolder: 'Model of the document' });
    return picked && { scope: { kind: 'model', uri: picked.model.uri }, folder: modelFolder(picked.model) ?? rootFolder };
}

/** `examples/web-shop, 2 files`: where a model is and how big. */
export function describeModel(model: ThreatModelInfo): string {
    return `${model.folder}, ${model.fileCount} file${model.fileCount === 1 ? '' : 's'}`;
}

function modelFolder(model: ThreatModelInfo): vscode.Uri | undefined {
    return model.key === '' ? undefined : vscode.Uri.file(model.key);
}

function activeModel(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

/**
 * Runs the request with a cancellable progress notification (a big workspace takes a while), once
 * the server is ready. Resolves to `undefined` when cancelled; shows an error message on failure.
 */
export async function requestWithProgress<T>(server: LanguageServerHandle, title: string, send: (token: vscode.CancellationToken) => Promise<T>): Promise<T | undefined> {
    let cancelled = false;
    try {
        return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_progress, token) => {
            token.onCancellationRequested(() => { cancelled = true; });
            await server.ready();
            const result = await send(token);
            return token.isCancellationRequested ? undefined : result;
        });
    } catch (error) {
        // A cancelled request rejects; the user asked for that, so there is nothing to report.
        if (cancelled) return undefined;
        const reason = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(`${title} failed: ${reason}`);
        return undefined;
    }
}

/**
 * Opens the generated text as an unsaved document named `<folder>/<fileName>` (so that Save
 * suggests that place) beside the model, replacing what an earlier run left in it. Markdown also
 * gets its preview, in the same editor group.
 */
export async function showGenerated(content: string, folder: vscode.Uri | undefined, fileName: string, language: string): Promise<vscode.TextDocument> {
    let document: vscode.TextDocument;
    if (folder) {
        document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, fileName).with({ scheme: 'untitled' }));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, document.validateRange(new vscode.Range(0, 0, document.lineCount, 0)), content);
        await vscode.workspace.applyEdit(edit);
    } else {
        document = await vscode.workspace.openTextDocument({ content, language });
    }
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    if (language === 'markdown') await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    return document;
}
