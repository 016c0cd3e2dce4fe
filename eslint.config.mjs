// `npm run lint`: typescript-eslint with type information, for the mistakes the compiler lets
// through. .ci/run runs it after the tests; it must print nothing.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// What each runtime may import (tsconfig.json lists the projects). The projects' `include`s already
// keep the webview and the extension to language-server/src/shared; these rules name the packages
// a runtime does not have, and keep shared/ to itself.
const LANGIUM = { group: ['langium', 'langium/*', 'langium-cli', 'langium-cli/*'], message: 'Langium runs in the language server only.' };
const VSCODE = {
    group: ['vscode', 'vscode-languageclient', 'vscode-languageclient/*'],
    message: 'The VS Code API and its language client exist in the extension host only.',
};
const NODE = { group: [...builtinModules, ...builtinModules.map(name => `node:${name}`)], message: 'Node modules do not exist in the webview.' };
const SERVER_PACKAGE = { group: ['vscode-languageserver', 'vscode-languageserver/*'], message: 'The server side of the LSP exists in the language server only.' };
const SERVER_FILES = { regex: 'language-server/src/(?!shared/)', message: 'Import what another runtime needs from language-server/src/shared/.' };
const EXTENSION_FILES = { regex: '(^|/)extension/src/', message: 'The language server cannot import the extension.' };

/** A relative import that leaves language-server/src/shared/ from a file `depth` folders below it. */
function leavesShared(depth) {
    return { regex: `^(\\.\\./){${depth + 1}}`, message: 'language-server/src/shared/ imports only its own files: every runtime loads them.' };
}

/** no-restricted-imports for `files`, with the import patterns they must not use. */
function boundary(files, patterns) {
    return { files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
}

const SHARED = 'language-server/src/shared';
/** How deep its files lie: 0 in shared/ itself, 1 in shared/dfd/… (for {@link leavesShared}). */
const SHARED_DEPTHS = [...new Set(readdirSync(SHARED, { recursive: true })
    .filter(file => file.endsWith('.ts'))
    .map(file => file.split(/[\\/]/).length - 1))];

export default tseslint.config(
    { ignores: ['out/**', 'node_modules/**', 'language-server/src/generated/**', '.vscode-test/**', 'test-results/**', 'test/fixtures/**', 'examples/**'] },
    {
        files: ['language-server/src/**/*.ts', 'extension/src/**/*.ts', 'test/**/*.ts'],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        plugins: { '@typescript-eslint': tseslint.plugin },
        linterOptions: { reportUnusedDisableDirectives: 'error' },
        rules: {
            // A promise nobody awaits loses its error: handle it, await it, or mark it `void` on purpose.
            '@typescript-eslint/no-floating-promises': 'error',
        },
    },
    boundary(['language-server/src/**/*.ts'], [VSCODE, EXTENSION_FILES]),
    ...SHARED_DEPTHS.map(depth => boundary(
        [`${SHARED}/${'*/'.repeat(depth)}*.ts`],
        [LANGIUM, VSCODE, SERVER_PACKAGE, NODE, EXTENSION_FILES, leavesShared(depth)],
    )),
    boundary(['extension/src/**/*.ts'], [LANGIUM, SERVER_PACKAGE, SERVER_FILES]),
    boundary(['extension/src/dfd-preview/webview/**/*.ts', 'extension/src/dfd-preview/messages.ts'], [LANGIUM, VSCODE, SERVER_PACKAGE, NODE, SERVER_FILES]),
);
