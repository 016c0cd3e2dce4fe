// `npm run lint`: typescript-eslint with type information, for the mistakes the compiler lets
// through. .ci/run runs it after the tests; it must print nothing.
import tseslint from 'typescript-eslint';

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
);
