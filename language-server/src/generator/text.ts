import type { Finding } from './findings.js';

/**
 * `check --format text`: one line per finding in the `file:line:column: severity code message`
 * form that editors and CI logs turn into links, then a summary line. No colours: the output is
 * read in CI logs and piped into other tools as often as it is read in a terminal.
 */
export function formatText(findings: readonly Finding[], fileCount: number): string {
    const lines = findings.map(formatFindingLine);
    lines.push(summaryLine(findings, fileCount));
    return `${lines.join('\n')}\n`;
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
