import * as vscode from 'vscode';
import type { DfdDiagram, DfdRange } from '../../../language-server/src/shared/dfd/graph.js';
import type { DfdResult } from '../../../language-server/src/shared/protocol.js';

/**
 * Shows the declaration of a diagram element, its name selected, in the editor that already shows
 * its file, else in the first editor group. Only ids of the diagram the panel received from the
 * server are looked up; a location never comes from the webview.
 */
export async function revealDeclaration(diagram: DfdDiagram, id: string): Promise<void> {
    const element = [...diagram.nodes, ...diagram.edges, ...diagram.boundaries].find(e => e.id === id);
    if (!element) return;
    const uri = vscode.Uri.parse(element.location.uri, true);
    const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
    const selection = toRange(element.location.selection);
    await vscode.window.showTextDocument(uri, { selection, viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
}

/** Saves the SVG the server rendered (not the webview's restyled copy) where the user chooses. */
export async function exportSvg(result: DfdResult, documentUri: vscode.Uri): Promise<void> {
    const base = (documentUri.path.split('/').pop() ?? 'model').replace(/\.tm$/, '');
    const name = `${base}-${result.diagram.scenario ?? 'overview'}.svg`;
    const folder = documentUri.scheme === 'file' ? vscode.Uri.joinPath(documentUri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: { 'SVG image': ['svg'] },
        saveLabel: 'Export',
        title: 'Export the data flow diagram as SVG',
    });
    if (!target) return;
    try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.svg));
        void vscode.window.showInformationMessage(`Saved the diagram to ${vscode.workspace.asRelativePath(target)}.`);
    } catch (error) {
        void vscode.window.showErrorMessage(`The diagram could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
}

function toRange(range: DfdRange): vscode.Range {
    return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
