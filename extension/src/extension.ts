import type * as vscode from 'vscode';
import type { ThreatModelExtensionApi } from './api.js';
import { registerBugUrlWarning } from './bug-url-setting.js';
import { registerBuiltinRulesProvider } from './builtin-rules.js';
import { registerGenerateReportCommand } from './commands/generate-report.js';
import { registerGenerateThreatTableCommand } from './commands/generate-threat-table.js';
import { registerNewThreatModelCommand } from './commands/new-threat-model.js';
import { registerExportModelCommand } from './commands/export-model.js';
import { registerImportModelCommand } from './commands/import-model.js';
import { disposeConversionWarnings } from './commands/interop-warnings.js';
import { registerDfdPreview } from './commands/open-dfd-preview.js';
import { DfdPreviewPanel } from './dfd-preview/panel.js';
import { registerRestartServerCommand } from './commands/restart-server.js';
import { registerWalkthrough } from './commands/walkthrough.js';
import { ThreatModelLanguageServer } from './language-client.js';
import { ModelStatus } from './model-status.js';
import { TablePreviewPanel } from './table-preview/table-panel.js';

export type { ThreatModelExtensionApi } from './api.js';

// Module state is unavoidable here: VS Code calls `deactivate` without arguments.
let server: ThreatModelLanguageServer | undefined;

/**
 * Starts the language server and registers the commands. Parsing and validation run in the server
 * process, so activation only wires things together and returns at once.
 */
export function activate(context: vscode.ExtensionContext): ThreatModelExtensionApi {
    const started = new ThreatModelLanguageServer(context);
    server = started;
    context.subscriptions.push(registerRestartServerCommand(started));
    context.subscriptions.push(registerDfdPreview(context, started));
    context.subscriptions.push(registerGenerateThreatTableCommand(started), registerGenerateReportCommand(started));
    context.subscriptions.push(registerBuiltinRulesProvider(started));
    context.subscriptions.push(registerImportModelCommand(started), registerExportModelCommand(started), { dispose: disposeConversionWarnings });
    context.subscriptions.push(TablePreviewPanel.registerCommands(context));
    context.subscriptions.push(registerNewThreatModelCommand(), registerWalkthrough(context), registerBugUrlWarning());
    const status = new ModelStatus(started);
    context.subscriptions.push(status);
    return {
        ready: () => started.ready(),
        get client() {
            return started.client;
        },
        get modelStatus() {
            return status.shown;
        },
        get dfdPreview() {
            return DfdPreviewPanel.current?.shown;
        },
    };
}

/** Returns the server's shutdown so that VS Code waits for it before it ends the extension host. */
export function deactivate(): Promise<void> | undefined {
    const stopping = server?.stop();
    server = undefined;
    return stopping;
}
