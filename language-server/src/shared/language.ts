/**
 * Names the language server and the extension must agree on, declared once for both.
 * test/unit/extension-manifest.test.ts ties them to package.json and to langium-config.json.
 */

/** The language id of `.tm` files (package.json `contributes.languages`, langium-config.json). */
export const LANGUAGE_ID = 'threat-model';

/**
 * tml's settings section (`threatModel.*`): what the server's configuration provider reads, and the
 * language client's id, since vscode-languageclient reads the trace level from `<id>.trace.server`.
 */
export const SETTINGS_SECTION = 'threatModel';

/** The model files of a workspace, as a glob for file watchers and searches. */
export const MODEL_FILE_GLOB = '**/*.tm';
