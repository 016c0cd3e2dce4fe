import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { Range, TextEdit } from 'vscode-languageserver';

/** One level of indentation in canonical tml formatting. */
export const INDENT = '    ';

/** The leading whitespace of the line a node starts on. */
export function indentationOf(document: LangiumDocument, node: AstNode): string {
    const cst = node.$cstNode;
    if (!cst) return '';
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/**
 * Adds clauses (`response accept`, `bug "…"`) to the `{ }` body of a declaration, creating the
 * body when there is none. A multi-line body gets each clause on its own indented line before the
 * closing brace; a one-line body (`dread { damage 1 }`) gets them inline.
 */
export function insertIntoBody(document: LangiumDocument, node: AstNode, clauses: readonly string[]): TextEdit | undefined {
    const cst = node.$cstNode;
    if (!cst || clauses.length === 0) return undefined;
    const text = document.textDocument.getText();
    const indent = indentationOf(document, node);
    const closing = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!closing) {
        const body = clauses.map(c => `${indent}${INDENT}${c}\n`).join('');
        return insertAt(document, cst.end, ` {\n${body}${indent}}`);
    }
    const lineStart = text.lastIndexOf('\n', closing.offset - 1) + 1;
    const closingStartsLine = text.slice(lineStart, closing.offset).trim() === '';
    if (closingStartsLine) {
        return insertAt(document, lineStart, clauses.map(c => `${indent}${INDENT}${c}\n`).join(''));
    }
    const before = text[closing.offset - 1];
    const separator = before === ' ' || before === '\t' ? '' : ' ';
    return insertAt(document, closing.offset, `${separator}${clauses.join(' ')} `);
}

/** Inserts whole declarations after the top-level declaration that contains a node. */
export function insertAfterDeclaration(document: LangiumDocument, node: AstNode, declarations: readonly string[]): TextEdit | undefined {
    let top = node;
    while (top.$container && top.$container.$container) top = top.$container;
    const cst = top.$cstNode;
    if (!cst) return undefined;
    return insertAt(document, cst.end, declarations.map(d => `\n\n${d}`).join(''));
}

/** Removes entry `index` of a comma-separated list property, with its separating comma. */
export function removeListEntry(document: LangiumDocument, node: AstNode, property: string, index: number): TextEdit | undefined {
    const entries = GrammarUtils.findNodesForProperty(node.$cstNode, property);
    const entry = entries[index];
    if (!entry || entries.length < 2) return undefined;
    // Remove "X, " for any entry but the last, ", X" for the last.
    const [from, to] = index < entries.length - 1
        ? [entry.offset, entries[index + 1]!.offset]
        : [entries[index - 1]!.end, entry.end];
    return { range: rangeOf(document, from, to), newText: '' };
}

/** Removes a whole top-level declaration and the line it stood on. */
export function removeDeclaration(document: LangiumDocument, node: AstNode): TextEdit | undefined {
    const cst: CstNode | undefined = node.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    const onlyThingOnLine = text.slice(lineStart, cst.offset).trim() === '';
    const from = onlyThingOnLine ? lineStart : cst.offset;
    let to = cst.end;
    if (onlyThingOnLine && text[to] === '\n') to += 1;
    return { range: rangeOf(document, from, to), newText: '' };
}

function insertAt(document: LangiumDocument, offset: number, newText: string): TextEdit {
    return { range: rangeOf(document, offset, offset), newText };
}

function rangeOf(document: LangiumDocument, from: number, to: number): Range {
    return { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) };
}

/** A string literal for a tml file: quotes and backslashes escaped, line breaks as `\n`. */
export function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
