import { CompletionItemKind, SemanticTokenTypes, SymbolKind } from 'vscode-languageserver';
import type { ThreatModelAstType } from '../generated/ast.js';

/** How the editor presents one kind of named declaration: outline icon, completion icon, colour. */
export interface DeclarationPresentation {
    readonly symbol: SymbolKind;
    readonly completion: CompletionItemKind;
    /** A standard semantic token type, so every colour theme already has a colour for it. */
    readonly token: SemanticTokenTypes;
}

/**
 * One presentation per kind of named declaration. The LSP has no threat-modeling kinds, so each
 * borrows the programming kind closest in role, and the four DFD elements get four distinct
 * icons and colours that match their DFD shapes' roles:
 * - external entity → interface (what the system talks to but does not own);
 * - process → function (what transforms data);
 * - data store → struct (data at rest);
 * - flow → event (data in motion);
 * - boundary and system → namespace (they group elements), dependency → module (imported from outside);
 * - threat → class (the model's central, most numerous entity, so it stands out in the outline);
 * - mitigation → property (a property the system gains), asset → variable (the data at stake);
 * - assumption → parameter (a premise the model takes as given);
 * - scenario → method (a use case: one thing the system does, step by step);
 * - rule → operator (it computes suggestions from the model), coloured as a macro (it expands to a threat).
 */
export const DECLARATION_PRESENTATION: Readonly<Partial<Record<keyof ThreatModelAstType, DeclarationPresentation>>> = {
    System: { symbol: SymbolKind.Package, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace },
    Assumption: { symbol: SymbolKind.Boolean, completion: CompletionItemKind.Value, token: SemanticTokenTypes.parameter },
    Dependency: { symbol: SymbolKind.Module, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace },
    Asset: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable, token: SemanticTokenTypes.variable },
    Boundary: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module, token: SemanticTokenTypes.namespace },
    External: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface, token: SemanticTokenTypes.interface },
    Process: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function, token: SemanticTokenTypes.function },
    Datastore: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct, token: SemanticTokenTypes.struct },
    Flow: { symbol: SymbolKind.Event, completion: CompletionItemKind.Event, token: SemanticTokenTypes.event },
    Scenario: { symbol: SymbolKind.Method, completion: CompletionItemKind.Method, token: SemanticTokenTypes.method },
    Threat: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class, token: SemanticTokenTypes.class },
    Mitigation: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property, token: SemanticTokenTypes.property },
    Rule: { symbol: SymbolKind.Operator, completion: CompletionItemKind.Operator, token: SemanticTokenTypes.macro },
};

/** The presentation of a declaration type (`$type` of a node, or `type` of an index entry). */
export function presentationOf(type: string): DeclarationPresentation | undefined {
    return (DECLARATION_PRESENTATION as Readonly<Record<string, DeclarationPresentation | undefined>>)[type];
}
