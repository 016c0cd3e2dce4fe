import type { Connection } from 'vscode-languageserver';
import { BuiltinRulesRequest } from '../shared/protocol.js';
import { BUILTIN_RULES_TEXT } from '../rules/builtin-text.js';

/** Answers `threatModel/builtinRules` (protocol.ts): the editor opens the built-in rules from it, read-only. */
export function registerBuiltinRulesRequest(connection: Connection): void {
    connection.onRequest(BuiltinRulesRequest, () => BUILTIN_RULES_TEXT);
}
