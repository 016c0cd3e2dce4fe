import * as vscode from 'vscode';
import { BUILTIN_RULES_SCHEME, BuiltinRulesRequest } from '../../language-server/src/shared/protocol.js';
import type { ThreatModelLanguageServer } from './language-client.js';

/**
 * Shows the built-in rule library (`tml-builtin:/rules.tm`, where go-to-definition on `rule R`
 * leads) read-only: a content provider's documents cannot be edited. The text comes from the
 * language server, the one place that holds it.
 */
export function registerBuiltinRulesProvider(server: ThreatModelLanguageServer): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_RULES_SCHEME, {
        provideTextDocumentContent: async () => {
            await server.ready();
            return server.client.sendRequest(BuiltinRulesRequest);
        },
    });
}
