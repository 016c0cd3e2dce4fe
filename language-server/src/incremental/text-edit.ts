import type { Diagnostic, Position } from 'vscode-languageserver';

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

/** Offsets of the starts of the lines of a text. */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
}

/** Moves positions of the old text to where the same characters are in the new one. */
export class PositionMover {
    private oldLines: number[] | undefined;
    private newLines: number[] | undefined;

    constructor(private readonly edit: TextEdit, private readonly before: string, private readonly after: string) {}

    /** The position in the new text; `undefined` inside the edit, whose characters have no counterpart. */
    move(position: Position): Position | undefined {
        const oldLines = (this.oldLines ??= lineStarts(this.before));
        const offset = (oldLines[position.line] ?? this.before.length) + position.character;
        if (offset <= this.edit.start) return position;
        if (offset < this.edit.oldEnd) return undefined;
        const moved = offset + this.edit.delta;
        const newLines = (this.newLines ??= lineStarts(this.after));
        let low = 0;
        let high = newLines.length - 1;
        while (low < high) {
            const middle = (low + high + 1) >> 1;
            if (newLines[middle]! <= moved) low = middle;
            else high = middle - 1;
        }
        if (low === position.line && moved - newLines[low]! === position.character) return position;
        return { line: low, character: moved - newLines[low]! };
    }
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
        // A location in another file did not move.
        if (typeof (value as { uri?: unknown }).uri === 'string' && (value as { uri: string }).uri !== uri) return value;
        let copy: Record<string, unknown> | undefined;
        // for…in, not Object.entries: findings are many, and small.
        for (const key in value) {
            const item = (value as Record<string, unknown>)[key];
            const moved = move(item);
            if (moved !== item) (copy ??= { ...value as Record<string, unknown> })[key] = moved;
        }
        return copy ?? value;
    };
    const result = findings.map(finding => move(finding) as Diagnostic);
    return failed ? undefined : result;
}

function isPosition(value: object): value is Position {
    return typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}
