import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import type { Model, Rule } from '../../../language-server/src/generated/ast.js';
import { isRule } from '../../../language-server/src/generated/ast.js';
import { BUILTIN_RULES_URI } from '../../../language-server/src/rules/builtin-document.js';
import { checkWorkspace, services } from './workspace.js';

/** The built-in rule library as every workspace holds it (built with an otherwise empty workspace). */
export async function builtinLibraryDocument(): Promise<LangiumDocument<Model>> {
    await checkWorkspace({ 'empty.tm': '' });
    const document = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(BUILTIN_RULES_URI));
    if (!document) throw new Error('the workspace holds no built-in rule library');
    return document as LangiumDocument<Model>;
}

/** The library's rules, in declaration order. */
export async function builtinLibraryRules(): Promise<Rule[]> {
    return (await builtinLibraryDocument()).parseResult.value.declarations.filter(isRule);
}
