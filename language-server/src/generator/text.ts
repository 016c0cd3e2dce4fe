import type { Finding } from './findings.js';

/**
 * `check --format text`: one line per finding in the `file:line:column: severity code message`
 * form that editors and CI logs turn into links, then a summary line. No colours: the output is
 * read in CI logs and piped into other tools as often as it is read in a terminal.
 */
export function formatText(findings: readonly Finding[], fileCount: number): string {
    return [...textPieces(findings, fileCount)].join('');
}

/** How many findings' lines one piece of {@link textPieces} holds. */
const LINES_PER_PIECE = 1000;

/**
 * {@link formatText} in pieces of a thousand lines, which joined are its text: `tml check` writes
 * them one by one, so that the output of a large model (8 MB for 30,000 findings) is never one
 * string, nor one buffer, at the peak of its memory (docs/performance.md#memory-of-a-built-model).
 */
export function* textPieces(findings: readonly Finding[], fileCount: number): Generator<string> {
    for (let start = 0; start < findings.length; start += LINES_PER_PIECE) {
        yield `${findings.slice(start, start + LINES_PER_PIECE).map(formatFindingLine).join('\n')}\n`;
    }
    yield `${summaryLine(findings, fileCount)}\n`;
}

/** `file:line:column: severity code message`, always on one line (parser messages may span several). */
export function formatFindingLine(finding: Finding): string {
    const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    return `${finding.file}:${finding.line}:${finding.column}: ${finding.severity} ${finding.code} ${message}`;
}

/**
 * `4 warnings, 0 errors in 1 file`. Warnings and errors are always counted (so a clean run says
 * so explicitly); information and hints only when there are some.
 */
export function summaryLine(findings: readonly Finding[], fileCount: number): string {
    const count = (severity: Finding['severity']): number => findings.filter(f => f.severity === severity).length;
    const parts = [plural(count('warning'), 'warning', 'warnings'), plural(count('error'), 'error', 'errors')];
    const information = count('information');
    if (information > 0) parts.push(`${information} information`);
    const hints = count('hint');
    if (hints > 0) parts.push(plural(hints, 'hint', 'hints'));
    return `${parts.join(', ')} in ${plural(fileCount, 'file', 'files')}`;
}

function plural(n: number, one: string, many: string): string {
    return `${n} ${n === 1 ? one : many}`;
}
