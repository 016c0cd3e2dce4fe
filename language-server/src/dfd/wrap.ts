/** Longest line of a diagram label, in characters, before it wraps onto the next line. */
export const LABEL_LINE_LENGTH = 24;

const LINE_BREAK = /\r\n|\r|\n/;

/**
 * A title as lines of at most `width` characters, broken at spaces between words; a word longer
 * than `width` keeps a line of its own, whole. Line breaks in the title stay; the spaces at a break
 * are dropped, all other text is kept as written. Pure; the DOT writer draws each line on its own.
 */
export function wrapLabel(title: string, width: number = LABEL_LINE_LENGTH): string[] {
    return title.split(LINE_BREAK).flatMap(line => wrapLine(line, width));
}

function wrapLine(line: string, width: number): string[] {
    if (line.length <= width) return [line];
    const lines: string[] = [];
    let start = 0;
    let end = 0;
    for (const word of line.matchAll(/[^ ]+/g)) {
        const wordStart = word.index;
        const wordEnd = wordStart + word[0].length;
        if (end > start && wordEnd - start > width) {
            lines.push(line.slice(start, end));
            start = wordStart;
        }
        end = wordEnd;
    }
    lines.push(line.slice(start, end));
    return lines;
}
