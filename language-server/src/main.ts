import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { registerBuiltinRulesRequest } from './lsp/builtin-rules-request.js';
import { registerDfdRequest } from './lsp/dfd-request.js';
import { registerInteropRequests } from './lsp/interop-request.js';
import { registerModelRequests } from './lsp/models-request.js';
import { registerTableRequests } from './lsp/table-request.js';
import { NodeThreatModelContextWithGit } from './node-context.js';
import { createThreatModelServices } from './threat-model-module.js';

// The transport (IPC from VS Code, or --stdio) is chosen from the command line by vscode-languageserver.
const connection = createConnection(ProposedFeatures.all);
const services = createThreatModelServices({ connection, ...NodeThreatModelContextWithGit });
registerDfdRequest(connection, services);
registerTableRequests(connection, services);
registerInteropRequests(connection, services);
registerModelRequests(connection, services);
registerBuiltinRulesRequest(connection);
// Shown in the client's output channel: after a restart, a new process id says the old server was replaced.
services.shared.lsp.LanguageServer.onInitialized(() => connection.console.info(`Threat Model language server started (process ${process.pid}).`));
startLanguageServer(services.shared);
