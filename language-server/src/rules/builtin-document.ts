import type { LangiumDocument, LangiumDocuments, LangiumSharedCoreServices } from 'langium';
import { isModel, isRule } from '../generated/ast.js';
import { URI } from 'langium';
import { BUILTIN_RULES_SCHEME } from '../shared/protocol.js';
import { BUILTIN_RULES_TEXT } from './builtin-text.js';

/** Where the built-in rule library lives in every workspace: not a file, so no command lists it as one. */
export const BUILTIN_RULES_URI = `${BUILTIN_RULES_SCHEME}:/rules.tm`;

/** Whether a document (by URI) is the built-in rule library: not a user file, so it has no findings of its own. */
export function isBuiltinRules(uri: URI | string): boolean {
    return (typeof uri === 'string' ? URI.parse(uri) : uri).scheme === BUILTIN_RULES_SCHEME;
}

/**
 * Adds the built-in rule library to the workspace if it is not there (a fresh workspace, or one a
 * test cleared), and returns it when it was added, so the caller builds it with the rest.
 */
export function ensureBuiltinRules(shared: LangiumSharedCoreServices): LangiumDocument | undefined {
    const documents = shared.workspace.LangiumDocuments;
    const uri = URI.parse(BUILTIN_RULES_URI);
    if (documents.hasDocument(uri)) return undefined;
    const document = shared.workspace.LangiumDocumentFactory.fromString(BUILTIN_RULES_TEXT, uri);
    documents.addDocument(document);
    return document;
}

/** The names of the built-in rules, as the workspace holds them. */
export function builtinRuleNames(documents: LangiumDocuments): ReadonlySet<string> {
    const root = documents.getDocument(URI.parse(BUILTIN_RULES_URI))?.parseResult.value;
    return new Set(isModel(root) ? root.declarations.filter(isRule).map(r => r.name) : []);
}
