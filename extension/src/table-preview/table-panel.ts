import * as vscode from 'vscode';

/** The webview panel's view type; `activeWebviewPanelId` in package.json's `when` clauses names it. */
export const TABLE_PREVIEW_VIEW_TYPE = 'threatModel.tablePreview';
export const OPEN_TABLE_IN_BROWSER_COMMAND = 'threatModel.tablePreview.openInBrowser';
export const SAVE_TABLE_AS_COMMAND = 'threatModel.tablePreview.saveAs';

/** What the panel shows, for the commands' callers (the integration tests). */
export interface TablePreviewSnapshot {
    readonly title: string;
    readonly html: string;
}

/**
 * The HTML threat table, rendered: a webview beside the model that shows the page `tml table
 * --format html` writes. The page runs nothing (scripts are off, and its own Content Security
 * Policy allows only its inline style), so model text cannot act in it. "Open in Browser" and
 * "Save As…" sit in the panel's title bar.
 */
export class TablePreviewPanel {
    private static current: TablePreviewPanel | undefined;

    private constructor(private readonly panel: vscode.WebviewPanel, private html: string, private folder: vscode.Uri | undefined) {
        panel.onDidDispose(() => {
            if (TablePreviewPanel.current === this) TablePreviewPanel.current = undefined;
        });
    }

    /** Shows `html` in the one table panel (opened beside the editor, or updated in place). */
    static show(html: string, folder: vscode.Uri | undefined): TablePreviewSnapshot {
        const title = `Threat table: ${pageTitle(html).replace(/^Threat lists?: /, '')}`;
        let preview = TablePreviewPanel.current;
        if (!preview) {
            const panel = vscode.window.createWebviewPanel(TABLE_PREVIEW_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
                { enableScripts: false, enableFindWidget: true, localResourceRoots: [] });
            preview = new TablePreviewPanel(panel, html, folder);
            TablePreviewPanel.current = preview;
        }
        preview.html = html;
        preview.folder = folder;
        preview.panel.title = title;
        preview.panel.webview.html = html;
        preview.panel.reveal(undefined, false);
        return { title, html };
    }

    /** Registers the title-bar commands; they act on the open table panel. */
    static registerCommands(context: vscode.ExtensionContext): vscode.Disposable {
        return vscode.Disposable.from(
            vscode.commands.registerCommand(OPEN_TABLE_IN_BROWSER_COMMAND, () => TablePreviewPanel.current?.openInBrowser(context)),
            vscode.commands.registerCommand(SAVE_TABLE_AS_COMMAND, (target?: unknown) =>
                TablePreviewPanel.current?.saveAs(target instanceof vscode.Uri ? target : undefined)),
            { dispose: () => TablePreviewPanel.current?.panel.dispose() },
        );
    }

    /** Writes the page to the extension's storage and opens it in the default browser; resolves to the file. */
    private async openInBrowser(context: vscode.ExtensionContext): Promise<vscode.Uri> {
        const file = vscode.Uri.joinPath(context.globalStorageUri, 'threat-list.html');
        await vscode.workspace.fs.createDirectory(context.globalStorageUri);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(this.html));
        await vscode.env.openExternal(file);
        return file;
    }

    /** Asks where to save the page (unless `target` says), and writes it there; resolves to the file, or `undefined` if cancelled. */
    private async saveAs(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
        const file = target ?? await vscode.window.showSaveDialog({
            title: 'Save Threat Table As',
            defaultUri: this.folder && vscode.Uri.joinPath(this.folder, 'threat-list.html'),
            filters: { HTML: ['html'] },
        });
        if (!file) return undefined;
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(this.html));
        void vscode.window.showInformationMessage(`Saved the threat table to ${vscode.workspace.asRelativePath(file)}.`);
        return file;
    }
}

/** The page's `<title>`, with the character references the generator writes turned back into text. */
function pageTitle(html: string): string {
    const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? 'Threat list';
    return raw.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
