import { DocumentState } from 'langium';
import { isBuiltinRules } from '../rules/builtin-document.js';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

/**
 * Runs `read` on a workspace whose every document is validated, or answers why not; `undefined`
 * when the request was cancelled first. Nothing here waits for a build phase to be announced: a
 * workspace-wide wait for `Validated` never ended once a build had failed (a closed untitled model
 * that could not be read again did that), and a wait per document never ends for a document
 * deleted meanwhile. Instead an update without changes builds whatever is not validated yet
 * (documents of an interrupted or failed build, and files the initial workspace build only
 * linked), and `read` runs in a read of the workspace lock: after every update received before
 * this request, and with no build running while it reads the model.
 */
export async function readValidatedWorkspace<T>(
    shared: LangiumSharedServices,
    token: CancellationToken,
    read: () => T,
): Promise<T | ResponseError | undefined> {
    const { WorkspaceManager, WorkspaceLock, DocumentBuilder, LangiumDocuments } = shared.workspace;
    await WorkspaceManager.ready;
    let buildError: unknown;
    // A newer edit cancels this build, and its own build then covers these documents too.
    await WorkspaceLock.write(buildToken => DocumentBuilder.update([], [], buildToken)).catch((error: unknown) => (buildError = error));
    return WorkspaceLock.read(() => {
        if (token.isCancellationRequested) return undefined;
        // The built-in rule library has no findings of its own: it need not be validated.
        const unvalidated = LangiumDocuments.all.filter(document => document.state < DocumentState.Validated && !isBuiltinRules(document.uri)).map(document => document.uri.toString()).toArray();
        if (unvalidated.length === 0) return read();
        const reason = buildError === undefined ? "the language server's output says why" : buildError instanceof Error ? buildError.message : String(buildError);
        return new ResponseError(LSPErrorCodes.RequestFailed, `The threat model could not be validated (${unvalidated.join(', ')}): ${reason}`);
    });
}
