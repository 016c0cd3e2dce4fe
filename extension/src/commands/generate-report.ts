/// <reference types="vscode" />
import * as vscode from 'vscode';
import { SecurityReportRequest } from '../../../language-server/src/protocol.js';
import type { GeneratorServer } from './generate-scope.js';
import { commandArgs, pickScope, requestWithProgress, showGenerated } from './generate-scope.js';

/** The command id contributed in package.json. */
export const GENERATE_REPORT_COMMAND = 'threatModel.generateReport';

/**
 * Registers "Threat Model: Generate Security Model Report": asks for the scope, has the language
 * server write the report (the same document as `tml report`) and opens it with its preview.
 * Resolves to the opened document, or `undefined` when the user cancels.
 */
export function registerGenerateReportCommand(server: GeneratorServer): vscode.Disposable {
    return vscode.commands.registerCommand(GENERATE_REPORT_COMMAND, async (rawArgs?: unknown): Promise<vscode.TextDocument | undefined> => {
        const picked = await pickScope(server, commandArgs(rawArgs), 'Generate Security Model Report');
        if (!picked) return undefined;
        const result = await requestWithProgress(server, 'Generating the security model report', token =>
            server.client.sendRequest(SecurityReportRequest, { scope: picked.scope }, token));
        return result && showGenerated(result.content, picked.folder, 'security-model.md', 'markdown');
    });
}
