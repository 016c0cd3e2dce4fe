import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import { languageServerNodeFlags } from '../../../language-server/src/shared/server-launch.js';
import type { Diagnostic, InitializeParams, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent, WorkspaceFolder } from 'vscode-languageserver';

/** The bundled server, as the VS Code extension starts it (out/tsc/test/lsp/helpers → repo root). */
export const BUNDLED_SERVER = fileURLToPath(new URL('../../../../../out/language-server/main.cjs', import.meta.url));

/** One `textDocument/publishDiagnostics` as received, with when it arrived. */
export interface ReceivedDiagnostics {
    readonly uri: string;
    readonly diagnostics: Diagnostic[];
    /** Milliseconds since the process was spawned. */
    readonly at: number;
}

interface Waiter {
    readonly uri: string;
    readonly after: number;
    readonly resolve: (received: ReceivedDiagnostics) => void;
}

/**
 * A client for the bundled language server running as a separate process over stdio: the same
 * process VS Code runs, so bundling, transport and the LSP handshake are tested too.
 */
export class LanguageServerProcess {
    readonly process: ChildProcessWithoutNullStreams;
    readonly connection: MessageConnection;
    /** Everything the server wrote to stderr, for failure messages. */
    stderr = '';
    /** Methods of the requests the server sent to the client, in order. */
    readonly serverRequests: string[] = [];
    private readonly spawnedAt = performance.now();
    private readonly published: ReceivedDiagnostics[] = [];
    private waiters: Waiter[] = [];
    private readonly exited: Promise<number | null>;
    private readonly versions = new Map<string, number>();

    /** `command`: the server's command line; by default the bundled server as VS Code starts it (with its Node flags), over stdio. */
    constructor(command: readonly [string, ...string[]] = [process.execPath, ...languageServerNodeFlags(availableParallelism()), BUNDLED_SERVER, '--stdio'], env: NodeJS.ProcessEnv = process.env) {
        this.process = spawn(command[0], command.slice(1), { stdio: 'pipe', env });
        this.exited = new Promise(resolve => this.process.once('exit', code => resolve(code)));
        this.process.stderr.setEncoding('utf8');
        this.process.stderr.on('data', (chunk: string) => { this.stderr += chunk; });
        this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => this.receive(params));
        // A client must answer every request; `workspace/configuration` gets "no settings" per item.
        this.connection.onRequest((method, params) => {
            this.serverRequests.push(method);
            if (method === 'workspace/configuration' && isConfigurationParams(params)) return params.items.map(() => null);
            return null;
        });
        this.connection.listen();
    }

    /** `initialize` and `initialized`, as a client without settings (and by default without workspace folders). */
    async initialize(initializationOptions?: unknown, workspaceFolders: WorkspaceFolder[] | null = null): Promise<InitializeResult> {
        const params: InitializeParams = {
            processId: process.pid,
            rootUri: null,
            workspaceFolders,
            initializationOptions,
            capabilities: {
                workspace: { configuration: false },
                textDocument: { publishDiagnostics: { relatedInformation: true } },
            },
        };
        const result = await this.connection.sendRequest<InitializeResult>('initialize', params);
        await this.connection.sendNotification('initialized', {});
        return result;
    }

    async open(uri: string, text: string): Promise<void> {
        this.versions.set(uri, 1);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'threat-model', version: 1, text } });
    }

    async change(uri: string, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    }

    /** `workspace/didChangeConfiguration` with the given settings, as VS Code sends them. */
    async changeConfiguration(settings: unknown): Promise<void> {
        await this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    }

    /** How many diagnostics notifications arrived so far: pass it to {@link nextDiagnostics}. */
    mark(): number {
        return this.published.length;
    }

    /** The first diagnostics for `uri` published after notification number `after`. */
    nextDiagnostics(uri: string, after = 0, timeoutMs = 10_000): Promise<ReceivedDiagnostics> {
        const found = this.published.slice(after).find(p => p.uri === uri);
        if (found) return Promise.resolve(found);
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters = this.waiters.filter(w => w.resolve !== done);
                const seen = this.published.slice(after).map(p => p.uri).join(', ') || 'none';
                reject(new Error(`No diagnostics for ${uri} within ${timeoutMs} ms (received for: ${seen}). Server stderr:\n${this.stderr}`));
            }, timeoutMs);
            const done = (received: ReceivedDiagnostics): void => {
                clearTimeout(timer);
                resolve(received);
            };
            this.waiters.push({ uri, after, resolve: done });
        });
    }

    /**
     * Waits until the latest diagnostics published for `uri` satisfy `accept` (a state, not the
     * next notification: a late publication of an earlier build cannot be mistaken for the answer
     * to an edit). Rejects after `timeoutMs` with the last diagnostics seen.
     */
    async settledDiagnostics(uri: string, accept: (diagnostics: readonly Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<readonly Diagnostic[]> {
        const deadline = performance.now() + timeoutMs;
        for (;;) {
            const latest = this.latestDiagnostics(uri);
            if (latest && accept(latest.diagnostics)) return latest.diagnostics;
            const left = deadline - performance.now();
            if (left <= 0) {
                throw new Error(`The diagnostics of ${uri} did not reach the expected state within ${timeoutMs} ms; the last were:\n${JSON.stringify(latest?.diagnostics ?? null, undefined, 1)}`);
            }
            await this.nextDiagnostics(uri, this.mark(), left).catch(() => undefined);
        }
    }

    /** The last diagnostics published for `uri` so far, if any. */
    latestDiagnostics(uri: string): ReceivedDiagnostics | undefined {
        for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i]!.uri === uri) return this.published[i];
        return undefined;
    }

    /** `shutdown` then `exit`; resolves with the process's exit code. */
    async shutdown(): Promise<number | null> {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
        const code = await this.exited;
        this.connection.dispose();
        return code;
    }

    /** Kills the process if it is still running, so that a failed test leaves no orphan behind. */
    async dispose(): Promise<void> {
        this.connection.dispose();
        if (this.process.exitCode === null && this.process.signalCode === null) {
            this.process.kill('SIGKILL');
            await this.exited;
        }
    }

    private receive(params: PublishDiagnosticsParams): void {
        const received: ReceivedDiagnostics = { uri: params.uri, diagnostics: params.diagnostics, at: performance.now() - this.spawnedAt };
        this.published.push(received);
        const index = this.published.length;
        const ready = this.waiters.filter(w => w.uri === received.uri && w.after < index);
        this.waiters = this.waiters.filter(w => !ready.includes(w));
        for (const waiter of ready) waiter.resolve(received);
    }
}

function isConfigurationParams(params: unknown): params is { items: unknown[] } {
    return typeof params === 'object' && params !== null && Array.isArray((params as { items?: unknown }).items);
}
