#!/usr/bin/env node
// The `tml-language-server` command: the bundled language server (built by `npm run build`) for any
// LSP client (docs/editors.md). It talks over stdio: clients may pass `--stdio` or nothing at all;
// `--node-ipc`, `--socket=N` and `--pipe=NAME` choose another transport, as vscode-languageserver reads them.
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some(arg => TRANSPORTS.some(t => arg === t || arg.startsWith(`${t}=`)))) process.argv.push('--stdio');
require('../out/language-server/main.cjs');
