import { readFileSync } from 'node:fs';
import type { Rule } from '../../../language-server/src/generated/ast.js';
import { isRule } from '../../../language-server/src/generated/ast.js';
import type { CheckedFile } from './workspace.js';
import { checkWorkspace } from './workspace.js';

/** The text of the built-in threat library, as shipped. */
export const BUILTIN_LIBRARY_TEXT = readFileSync(new URL('../../../../../language-server/src/rules/builtin-library.tm', import.meta.url), 'utf8');

/** The library as a workspace file of its own, built and validated. */
export async function checkBuiltinLibrary(): Promise<CheckedFile> {
    const [file] = await checkWorkspace({ 'builtin-library.tm': BUILTIN_LIBRARY_TEXT });
    return file!;
}

/** The library's rules, in declaration order. */
export async function builtinLibraryRules(): Promise<Rule[]> {
    return (await checkBuiltinLibrary()).document.parseResult.value.declarations.filter(isRule);
}
