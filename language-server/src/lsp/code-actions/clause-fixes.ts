import type { CodeAction, Range, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DREAD_FACTORS } from '../../model/risk.js';
import type { FixContext } from './fix-context.js';
import { quickFix } from './fix-context.js';

/**
 * `tm/clause-duplicate`: the finding is on a clause the parser ignores (it keeps the last), so the
 * preferred fix removes that clause and the file goes on meaning what every check, the table and
 * the DFD already show. The other fix is for when the ignored clause is the one meant: keep it,
 * and remove every other occurrence instead.
 */
export function fixDuplicateClause(context: FixContext): CodeAction[] {
    const { clause, actionRange, duplicates = [] } = context.data;
    if (!clause || !actionRange) return [];
    const document = context.document.textDocument;
    const what = (DREAD_FACTORS as readonly string[]).includes(clause) ? 'factor' : 'clause';
    const actions = quickFix(context, `Remove this duplicate '${clause}' ${what}`, removal(document, [actionRange]), true);
    if (duplicates.length > 0) {
        const others = duplicates.length === 1 ? 'the other one' : `the other ${duplicates.length}`;
        actions.push(...quickFix(context, `Keep this '${clause}' ${what} and remove ${others}`, removal(document, duplicates)));
    }
    return actions;
}

/**
 * Edits that remove whole clauses, with the blanks that would be left: a clause alone on its
 * line(s) takes its line(s) with it. Clauses with only white space between them are removed as
 * one, so that no two edits claim the same blanks.
 */
function removal(document: TextDocument, clauses: readonly Range[]): TextEdit[] {
    const text = document.getText();
    const spans = clauses.map(r => [document.offsetAt(r.start), document.offsetAt(r.end)] as const).sort((a, b) => a[0] - b[0]);
    const groups: Array<[number, number]> = [];
    for (const [from, to] of spans) {
        const last = groups.at(-1);
        if (last && text.slice(last[1], from).trim() === '') last[1] = Math.max(last[1], to);
        else groups.push([from, to]);
    }
    return groups.map(([from, to]) => {
        const [start, end] = blankExtent(text, from, to);
        return { range: { start: document.positionAt(start), end: document.positionAt(end) }, newText: '' };
    });
}

/** The offsets a clause's removal covers: its lines when it is alone on them, else it and the blanks next to it. */
function blankExtent(text: string, from: number, to: number): [number, number] {
    const lineStart = text.lastIndexOf('\n', from - 1) + 1;
    const newline = text.indexOf('\n', to);
    const lineEnd = newline < 0 ? text.length : newline;
    const restOfLine = text.slice(to, lineEnd).trim();
    if (text.slice(lineStart, from).trim() === '' && restOfLine === '') return [lineStart, newline < 0 ? text.length : newline + 1];
    let end = to;
    while (isBlank(text[end])) end++;
    if (restOfLine !== '') return [from, end];
    // Last on its line: take the blanks before it, so that none is left trailing.
    let start = from;
    while (start > lineStart && isBlank(text[start - 1])) start--;
    return [start, end];
}

function isBlank(char: string | undefined): boolean {
    return char === ' ' || char === '\t';
}
