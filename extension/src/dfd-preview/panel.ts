import * as vscode from 'vscode';
import type { DfdResult } from '../../../language-server/src/shared/protocol.js';
import { DfdRequest } from '../../../language-server/src/shared/protocol.js';
import { LANGUAGE_ID } from '../../../language-server/src/shared/language.js';
import type { LanguageServerHandle, ModelFileEvents } from '../server-handle.js';
import { elementAt } from './element-at.js';
import { exportSvg, revealDeclaration } from './panel-actions.js';
import { previewHtml } from './html.js';
import type { ExtensionMessage, WebviewMessage } from './messages.js';
import { DFD_PREVIEW_VIEW_TYPE, parseWebviewMessage } from './messages.js';
import { createNonce } from './nonce.js';

/** What the preview needs of the language server (ThreatModelLanguageServer): requests, and changes on disk. */
export type DfdServer = LanguageServerHandle & ModelFileEvents;

/** A pause in typing this long (ms) refreshes the diagram. */
const REFRESH_DELAY = 300;

/** What the preview shows, for the command's caller (the integration tests). */
export interface DfdPreviewSnapshot {
    readonly uri: string;
    /** The title of the model (docs/language.md#models-in-a-workspace) shown: its system's, as in the panel's title. */
    readonly model: string;
    readonly scenario: string | null;
    readonly nodes: readonly string[];
    readonly edges: readonly string[];
}

/**
 * The one DFD preview panel. It follows the active `.tm` editor, asks the language server for the
 * diagram (layout runs there, never here) after each pause in typing, and relays the webview's
 * validated requests: scenario, reveal, export. The diagram itself lives in the webview; the
 * panel keeps the last result to answer reveals and exports without trusting the webview's data.
 */
export class DfdPreviewPanel {
    static current: DfdPreviewPanel | undefined;

    /** What the webview shows now: the last diagram it received, `undefined` before the first. */
    shown: DfdPreviewSnapshot | undefined;
    private latest: DfdResult | undefined;
    /** The document {@link latest} was asked for. */
    private latestFor: string | undefined;
    private highlighted: string | null = null;
    /** The boundaries drawn collapsed, as the webview last asked: reset with another diagram. */
    private collapsed: readonly string[] = [];
    private pending: vscode.CancellationTokenSource | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** The model changed while the panel was hidden: refresh when it is shown again. */
    private stale = false;
    private readonly disposables: vscode.Disposable[] = [];
    /**
     * Callers of {@link show} waiting for a diagram to reach the webview, each for one requested
     * after its call: the webview re-posting an older diagram (when it restarts) must not answer them.
     */
    private waiting: { after: number; resolve: (snapshot: DfdPreviewSnapshot) => void }[] = [];
    /** Numbers the diagram requests; {@link latestRequest} is the one {@link latest} answers. */
    private requests = 0;
    private latestRequest = 0;

    /** Opens the preview beside the editor, or points the open one at `uri`. */
    static show(extensionUri: vscode.Uri, server: DfdServer, uri: vscode.Uri): Promise<DfdPreviewSnapshot> {
        let preview = DfdPreviewPanel.current;
        if (preview) {
            preview.panel.reveal(undefined, true);
        } else {
            const panel = vscode.window.createWebviewPanel(DFD_PREVIEW_VIEW_TYPE, 'DFD Preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
            preview = new DfdPreviewPanel(panel, extensionUri, server, uri, null);
        }
        const after = preview.requests + 1;
        const shown = new Promise<DfdPreviewSnapshot>(resolve => preview.waiting.push({ after, resolve }));
        preview.follow(uri, true);
        return shown;
    }

    constructor(
        private readonly panel: vscode.WebviewPanel,
        extensionUri: vscode.Uri,
        private readonly server: DfdServer,
        private documentUri: vscode.Uri,
        private scenario: string | null,
    ) {
        DfdPreviewPanel.current?.dispose();
        DfdPreviewPanel.current = this;
        const webviewRoot = vscode.Uri.joinPath(extensionUri, 'out', 'webview');
        panel.webview.options = { enableScripts: true, localResourceRoots: [webviewRoot] };
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            nonce: createNonce(),
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'dfd-preview.js')).toString(),
        });
        this.updateTitle();
        const isModel = (document: vscode.TextDocument): boolean => document.languageId === LANGUAGE_ID;
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(parseWebviewMessage(message))),
            vscode.workspace.onDidChangeTextDocument(event => isModel(event.document) && event.contentChanges.length > 0 && this.scheduleRefresh()),
            vscode.window.onDidChangeActiveTextEditor(editor => editor && isModel(editor.document) && this.follow(editor.document.uri)),
            vscode.window.onDidChangeTextEditorSelection(event => isModel(event.textEditor.document) && this.highlightAt(event.textEditor)),
            server.onDidChangeModelFiles(() => this.scheduleRefresh()),
        );
    }

    dispose(): void {
        if (DfdPreviewPanel.current === this) DfdPreviewPanel.current = undefined;
        this.pending?.cancel();
        clearTimeout(this.timer);
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
        this.panel.dispose();
    }

    private follow(uri: vscode.Uri, always = false): void {
        if (!always && uri.toString() === this.documentUri.toString()) return;
        if (uri.toString() !== this.documentUri.toString()) this.collapsed = [];
        this.documentUri = uri;
        this.updateTitle();
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.uri.toString() === uri.toString()) this.highlightAt(editor);
        void this.refresh();
    }

    /**
     * `DFD: <system title> (<file>)` once the diagram of the file it follows has come (the model,
     * docs/language.md#models-in-a-workspace, and the file whose selection it highlights), `DFD: <file>` until then.
     */
    private updateTitle(): void {
        const file = this.documentUri.path.split('/').pop() ?? '';
        const model = this.latestFor === this.documentUri.toString() ? this.latest?.model.title : undefined;
        this.panel.title = model ? `DFD: ${model} (${file})` : `DFD: ${file}`;
    }

    private scheduleRefresh(): void {
        clearTimeout(this.timer);
        if (!this.panel.visible) {
            this.stale = true;
            return;
        }
        this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY);
    }

    /** Asks the server for the diagram; a newer request cancels the one still running. */
    private async refresh(): Promise<void> {
        this.pending?.cancel();
        const request = new vscode.CancellationTokenSource();
        const number = ++this.requests;
        this.pending = request;
        this.stale = false;
        try {
            await this.server.ready();
            const params = { uri: this.documentUri.toString(), scenario: this.scenario, collapsed: this.collapsed };
            const result = await this.server.client.sendRequest(DfdRequest, params, request.token);
            if (request.token.isCancellationRequested) return;
            this.latest = result;
            this.latestFor = params.uri;
            this.latestRequest = number;
            this.updateTitle();
            this.scenario = result.diagram.scenario;
            this.postDiagram();
        } catch (error) {
            if (request.token.isCancellationRequested) return;
            const reason = error instanceof Error ? error.message : String(error);
            void this.post({ type: 'error', message: `The data flow diagram could not be made: ${reason}` });
        } finally {
            request.dispose();
            if (this.pending === request) this.pending = undefined;
        }
    }

    private postDiagram(): void {
        const result = this.latest;
        if (!result) return;
        const uri = this.documentUri.toString();
        const number = this.latestRequest;
        void this.post({ type: 'diagram', uri, svg: result.svg, diagram: result.diagram, scenarios: result.scenarios }).then(delivered => {
            if (!delivered) return;
            void this.post({ type: 'highlight', id: this.highlighted });
            const snapshot = { uri, model: result.model.title, scenario: result.diagram.scenario, nodes: result.diagram.nodes.map(n => n.id), edges: result.diagram.edges.map(e => e.id) };
            this.shown = snapshot;
            const answered = this.waiting.filter(w => w.after <= number);
            this.waiting = this.waiting.filter(w => w.after > number);
            for (const { resolve } of answered) resolve(snapshot);
        });
    }

    private highlightAt(editor: vscode.TextEditor): void {
        if (!this.latest) return;
        const id = elementAt(this.latest.diagram, editor.document.uri.toString(), editor.selection.active);
        if (id === this.highlighted) return;
        this.highlighted = id;
        void this.post({ type: 'highlight', id });
    }

    private onMessage(message: WebviewMessage | undefined): void {
        if (!message) return;
        switch (message.type) {
            case 'ready':
                // The webview (re)started: first open, shown again after being hidden, or restored.
                if (this.latest && !this.stale) this.postDiagram();
                else if (!this.pending) void this.refresh();
                return;
            case 'selectScenario':
                if (message.scenario !== null && !this.latest?.scenarios.some(s => s.name === message.scenario)) return;
                this.scenario = message.scenario;
                this.collapsed = [];
                void this.refresh();
                return;
            case 'collapse':
                this.collapsed = message.boundaries;
                void this.refresh();
                return;
            case 'reveal':
                if (this.latest) void revealDeclaration(this.latest.diagram, message.id);
                return;
            case 'exportSvg':
                if (this.latest) void exportSvg(this.latest, this.documentUri);
                return;
        }
    }

    private post(message: ExtensionMessage): Thenable<boolean> {
        return this.panel.webview.postMessage(message);
    }
}
