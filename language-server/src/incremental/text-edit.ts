import type { Diagnostic, Position } from 'vscode-languageserver';
import { lineAt, lineStarts } from '../parser/cst-nodes.js';

/** What changed between two texts: [start, oldEnd) of the old became [start, newEnd) of the new. */
export interface TextEdit {
    readonly start: number;
    readonly oldEnd: number;
    readonly newEnd: number;
    /** newEnd - oldEnd: how far the text after the edit moved. */
    readonly delta: number;
}

const CHUNK = 1024;

/** The one span in which `before` and `after` differ (their common start and end left out); `undefined` when they are equal. */
export function textEdit(before: string, after: string): TextEdit | undefined {
    if (before === after) return undefined;
    const shorter = Math.min(before.length, after.length);
    let start = 0;
    // By chunks first: comparing two slices is one comparison of memory, many times faster than a
    // loop over the characters of a large file.
    while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
    while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let tail = 0;
    while (tail + CHUNK <= shorter - start && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
    while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
    return { start, oldEnd: before.length - tail, newEnd: after.length - tail, delta: after.length - before.length };
}

/** Moves positions of the old text to where the same characters are in the new one. */
export class PositionMover {
    private readonly oldLines: Uint32Array;
    private newLines: Uint32Array | undefined;
    /** The line of the old text the edit starts on: every position on a line before it stays. */
    readonly firstLine: number;
    /** Whether the edit leaves the lines as they were (no line break removed or typed): every position on a line after its first stays too. */
    readonly sameLines: boolean;

    constructor(private readonly edit: TextEdit, private readonly before: string, private readonly after: string) {
        this.oldLines = lineStarts(before);
        this.firstLine = lineAt(this.oldLines, edit.start);
        // Between a \r and a \n, an edit joins or splits a \r\n even without a line break of its own.
        const betweenCrLf = before.charCodeAt(edit.start - 1) === 0x0d && before.charCodeAt(edit.oldEnd) === 0x0a;
        this.sameLines = !betweenCrLf && !/[\r\n]/.test(before.slice(edit.start, edit.oldEnd)) && !/[\r\n]/.test(after.slice(edit.start, edit.newEnd));
    }

    /** The position in the new text; `undefined` inside the edit, whose characters have no counterpart. */
    move(position: Position): Position | undefined {
        const offset = (this.oldLines[position.line] ?? this.before.length) + position.character;
        if (offset <= this.edit.start) return position;
        if (offset < this.edit.oldEnd) return undefined;
        const moved = offset + this.edit.delta;
        const newLines = (this.newLines ??= lineStarts(this.after));
        const line = lineAt(newLines, moved);
        if (line === position.line && moved - newLines[line]! === position.character) return position;
        return { line, character: moved - newLines[line]! };
    }

    /** Whether every position of a finding whose positions lie on lines `span` stays where it is. */
    keeps(span: LineSpan): boolean {
        return span.last < this.firstLine || (this.sameLines && span.first > this.firstLine && span.last < this.oldLines.length);
    }
}

/** The first and last line of the positions of this file in a finding. */
interface LineSpan {
    readonly first: number;
    readonly last: number;
}

/** Per finding, its {@link LineSpan}: a finding is not changed once made, and one the edit does not touch is the same object the next time. */
const lineSpans = new WeakMap<Diagnostic, LineSpan>();

function lineSpanOf(finding: Diagnostic, uri: string): LineSpan {
    let span = lineSpans.get(finding);
    if (span === undefined) {
        let first = Infinity;
        let last = -Infinity;
        const visit = (value: unknown): void => {
            if (typeof value !== 'object' || value === null) return;
            if (Array.isArray(value)) {
                for (const item of value) visit(item);
            } else if (isPosition(value)) {
                first = Math.min(first, value.line);
                last = Math.max(last, value.line);
            } else if (!inOtherFile(value, uri)) {
                for (const key in value) visit((value as Record<string, unknown>)[key]);
            }
        };
        visit(finding);
        span = { first, last };
        lineSpans.set(finding, span);
    }
    return span;
}

/**
 * `findings` of the old text with every range of this document in them (the finding's, its
 * quick-fix's, its related locations' in the same file) moved past the edit; the same objects
 * where nothing moved. `undefined` when a range touches the edit.
 */
export function moveFindings(findings: readonly Diagnostic[], mover: PositionMover, uri: string): readonly Diagnostic[] | undefined {
    if (findings.length === 0) return findings;
    let failed = false;
    const move = (value: unknown): unknown => {
        if (failed || typeof value !== 'object' || value === null) return value;
        if (Array.isArray(value)) {
            const items = value.map(move);
            return items.some((item, i) => item !== value[i]) ? items : value;
        }
        if (isPosition(value)) {
            const moved = mover.move(value);
            if (!moved) failed = true;
            return moved ?? value;
        }
        if (inOtherFile(value, uri)) return value;
        let copy: Record<string, unknown> | undefined;
        // for…in, not Object.entries: findings are many, and small.
        for (const key in value) {
            const item = (value as Record<string, unknown>)[key];
            const moved = move(item);
            if (moved !== item) (copy ??= { ...value as Record<string, unknown> })[key] = moved;
        }
        return copy ?? value;
    };
    const result = findings.map(finding => (mover.keeps(lineSpanOf(finding, uri)) ? finding : move(finding) as Diagnostic));
    return failed ? undefined : result;
}

/** A location in another file: the edit did not move it. */
function inOtherFile(value: object, uri: string): boolean {
    return typeof (value as { uri?: unknown }).uri === 'string' && (value as { uri: string }).uri !== uri;
}

function isPosition(value: object): value is Position {
    return typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}
