import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { registerDfdRequest } from './lsp/dfd-request.js';
import { registerModelRequests } from './lsp/models-request.js';
import { registerTableRequests } from './lsp/table-request.js';
import { NodeThreatModelContext } from './node-context.js';
import { createThreatModelServices } from './threat-model-module.js';
import { NodeGitHistory } from './workspace/node-git-history.js';

// The transport (IPC from VS Code, or --stdio) is chosen from the command line by vscode-languageserver.
const connection = createConnection(ProposedFeatures.all);
const services = createThreatModelServices({ connection, ...NodeThreatModelContext, gitHistory: new NodeGitHistory() });
registerDfdRequest(connection, services);
registerTableRequests(connection, services);
registerModelRequests(connection, services);
// Shown in the client's output channel: after a restart, a new process id says the old server was replaced.
services.shared.lsp.LanguageServer.onInitialized(() => connection.console.info(`Threat Model language server started (process ${process.pid}).`));
startLanguageServer(services.shared);
