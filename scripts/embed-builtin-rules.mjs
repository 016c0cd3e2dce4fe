// Writes language-server/src/rules/builtin-text.ts from language-server/src/rules/builtin.tm, so
// that the built-in rule library is one .tm file to edit (with tml's own highlighting and checks)
// and still reaches the server, the CLI and the tests as a string, whether they run from esbuild's
// bundles or from tsc's output. Part of `npm run build`; test/unit/builtin-rules.test.ts fails when
// the two differ.
import { readFileSync, writeFileSync } from 'node:fs';

const SOURCE = 'language-server/src/rules/builtin.tm';
const TARGET = 'language-server/src/rules/builtin-text.ts';

const text = readFileSync(SOURCE, 'utf8');
const generated = [
    `// Generated from ${SOURCE.replace('language-server/src/rules/', '')} by scripts/embed-builtin-rules.mjs (npm run build). Do not edit.`,
    '',
    '/** The text of the built-in rule library (docs/language.md#rules). */',
    `export const BUILTIN_RULES_TEXT = ${JSON.stringify(text)};`,
    '',
].join('\n');
let current = '';
try {
    current = readFileSync(TARGET, 'utf8');
} catch {
    // First build: nothing generated yet.
}
if (current !== generated) writeFileSync(TARGET, generated);
