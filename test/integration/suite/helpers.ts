import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { REPOSITORY_ROOT_ENV } from '../harness/suite-environment.js';
import type { ThreatModelExtensionApi } from '../../../extension/src/api.js';

/** The language id the extension contributes. */
export const LANGUAGE_ID = 'threat-model';

/** The extension under test: the one that contributes the threat-model language. */
export function threatModelExtension(): vscode.Extension<ThreatModelExtensionApi> {
    const found = vscode.extensions.all.filter(e => contributedLanguages(e).includes(LANGUAGE_ID));
    assert.equal(found.length, 1, `expected exactly one extension contributing '${LANGUAGE_ID}', found: ${found.map(e => e.id).join(', ') || 'none'}`);
    return found[0] as vscode.Extension<ThreatModelExtensionApi>;
}

interface Manifest {
    readonly contributes?: {
        readonly languages?: readonly { readonly id: string }[];
        readonly commands?: readonly { readonly command: string; readonly title: string; readonly category?: string }[];
    };
}

function contributedLanguages(extension: vscode.Extension<unknown>): string[] {
    return ((extension.packageJSON as Manifest).contributes?.languages ?? []).map(l => l.id);
}

/** The commands in the extension's package.json, as VS Code read them. */
export function contributedCommands(extension: vscode.Extension<unknown>): string[] {
    return ((extension.packageJSON as Manifest).contributes?.commands ?? []).map(c => c.command);
}

/** A file of the repository, e.g. a fixture (the extension under test may be an installed copy without them). */
export function repositoryFile(...segments: string[]): string {
    const root = process.env[REPOSITORY_ROOT_ENV];
    assert.ok(root, `${REPOSITORY_ROOT_ENV} is not set by the runner`);
    return join(root, ...segments);
}

/** A file of the fixture workspace (test/fixtures/workspace, opened as the workspace folder). */
export function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    return vscode.Uri.joinPath(folder.uri, name);
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document);
}

/**
 * Re-runs `assertion` until it passes: the language server answers asynchronously, so the tests
 * poll for the expected state instead of sleeping for a fixed time. On timeout the last assertion
 * error is thrown, with its diff.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        try {
            return await assertion();
        } catch (error) {
            if (Date.now() > deadline) throw error;
        }
        await delay(100);
    }
}

/** A diagnostic as the tests compare it: 1-based `line:column` ranges, like the CLI. */
export interface Finding {
    readonly code: string;
    readonly at: string;
    readonly severity: 'error' | 'warning' | 'information' | 'hint';
    readonly message: string;
}

const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;

/** The findings VS Code shows for `uri`, from every diagnostic collection. */
export function findingsOf(uri: vscode.Uri): Finding[] {
    return toFindings(vscode.languages.getDiagnostics(uri));
}

/** Diagnostics as findings, in the order of their ranges. */
export function toFindings(diagnostics: readonly vscode.Diagnostic[]): Finding[] {
    return diagnostics
        .map(d => ({
            code: typeof d.code === 'object' ? String(d.code.value) : String(d.code),
            at: `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}`,
            severity: SEVERITIES[d.severity],
            message: d.message,
        }))
        .sort((a, b) => compareRanges(a.at, b.at));
}

function compareRanges(a: string, b: string): number {
    const numbers = (at: string): number[] => at.split(/[:-]/).map(Number);
    const [x, y] = [numbers(a), numbers(b)];
    return x.map((n, i) => n - y[i]!).find(d => d !== 0) ?? 0;
}

/** Waits until the findings of `uri` are exactly `expected`. */
export function expectFindings(uri: vscode.Uri, expected: readonly Finding[], timeoutMs?: number): Promise<void> {
    return eventually(() => assert.deepEqual(findingsOf(uri), expected), timeoutMs);
}

/** Throws away unsaved edits of the document in the active editor. */
export async function revertActiveEditor(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.files.revert');
}
