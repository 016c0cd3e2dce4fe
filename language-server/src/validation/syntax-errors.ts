import type { AstNode, ParseResult } from 'langium';
import { isBoundary, isModel } from '../generated/ast.js';

/** Where a lexer or parser error is, and whether the parser was inside a declaration then. */
export interface SyntaxErrorSite {
    readonly offset: number;
    readonly inDeclaration: boolean;
}

/** The site of each lexer and parser error of a parse (at the end of the file: after the last token). */
export function syntaxErrorSites(parseResult: ParseResult): SyntaxErrorSite[] {
    const sites = parseResult.lexerErrors.map(e => ({ offset: e.offset, inDeclaration: false }));
    for (const error of parseResult.parserErrors) {
        const previous = (error as { previousToken?: { endOffset?: number } }).previousToken;
        const offset = Number.isNaN(error.token.startOffset) ? (previous?.endOffset ?? Number.NaN) + 1 : error.token.startOffset;
        // The top level (rule Model alone) is in no declaration.
        if (!Number.isNaN(offset)) sites.push({ offset, inDeclaration: (error.context?.ruleStack?.length ?? 0) > 1 });
    }
    return sites;
}

/** A declaration: a node directly in the file or in a boundary. */
function isDeclarationNode(node: AstNode): boolean {
    return node.$container !== undefined && (isModel(node.$container) || isBoundary(node.$container));
}

/**
 * The declarations a syntax error is in: for each error, the innermost declaration that starts
 * before it and ends at or after it, or else, when the parser was inside a declaration, the last
 * one that starts before it (a body the error left unclosed ends where the parser gave up on it).
 * Checks skip these declarations and everything inside them: a half-parsed flow that lost its
 * `encrypted` to an error must not be reported as unencrypted.
 */
export function declarationsWithSyntaxErrors(root: AstNode, sites: readonly SyntaxErrorSite[]): Set<AstNode> {
    const broken = new Set<AstNode>();
    if (sites.length === 0) return broken;
    // In document order: a boundary before its members, members before the next declaration.
    const declarations: AstNode[] = [];
    const collect = (node: AstNode): void => {
        for (const child of (node as { declarations?: AstNode[] }).declarations ?? (node as { members?: AstNode[] }).members ?? []) {
            if (!child.$cstNode || !isDeclarationNode(child)) continue;
            declarations.push(child);
            if (isBoundary(child)) collect(child);
        }
    };
    collect(root);
    for (const site of sites) {
        const before = lastStartingBefore(declarations, site.offset);
        let containing: AstNode | undefined = before;
        while (containing && !(isDeclarationNode(containing) && containing.$cstNode!.end >= site.offset)) containing = containing.$container;
        const found = containing && isDeclarationNode(containing) ? containing : site.inDeclaration ? before : undefined;
        if (found) broken.add(found);
    }
    return broken;
}

/** The last of `declarations` (in document order) that starts before `offset`. */
function lastStartingBefore(declarations: readonly AstNode[], offset: number): AstNode | undefined {
    let low = 0;
    let high = declarations.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (declarations[middle]!.$cstNode!.offset < offset) low = middle + 1;
        else high = middle;
    }
    return declarations[low - 1];
}
