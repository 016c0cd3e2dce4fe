import type { Diagnostic } from 'vscode-languageserver';

/**
 * Expected findings written into a `.tm` text as comments, so the text stays a valid model. The
 * convention (documented for readers in test/fixtures/validation/README.md):
 *
 * ```
 * flow Copy: Db -> Cache "copy"
 * //   ^^^^ warning tm/flow-needs-process "Flow 'Copy' goes from …"
 * ```
 *
 * A marker line is a `//` comment whose first non-blank character after the slashes is `^`. The
 * carets stand under the finding's range on the nearest line above that is not a marker line (so
 * several markers may be stacked under one line), followed by the severity (error, warning, information,
 * hint), the code and the exact message as a JSON string. `data {…}` may follow: the finding's
 * data without its `code`, asserted exactly. Without it the data is not compared.
 *
 * Directives select which findings are compared, each on its own comment line:
 * `// $only tm/a tm/b` compares only those codes; `// $ignore tm/a tm/b` leaves those codes out.
 * Every other finding of the text (syntax and linking errors included) must be marked.
 */
export interface ExpectedFinding {
    /** `line:col-line:col`, 1-based, as {@link findingPlace} writes it. */
    readonly at: string;
    readonly severity: SeverityName;
    readonly code: string;
    readonly message: string;
    readonly data?: Record<string, unknown>;
}

export interface FindingMarkers {
    readonly expected: readonly ExpectedFinding[];
    /** Whether a finding of this code is compared at all. */
    readonly compares: (code: string) => boolean;
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

const MARKER_START = /^\s*\/\/\s*\^/;
const MARKER = /^(\s*\/\/\s*)(\^+)\s+(error|warning|information|hint)\s+(\S+)\s+("(?:[^"\\]|\\.)*")(?:\s+data\s+(\{.*\}))?\s*$/;
const DIRECTIVE = /^\s*\/\/\s*\$(only|ignore)\b(.*)$/;

/** Reads the markers and directives of one text; throws on a marker line it cannot read, so none is silently skipped. */
export function readFindingMarkers(text: string): FindingMarkers {
    const expected: ExpectedFinding[] = [];
    const only: string[] = [];
    const ignored: string[] = [];
    let codeLine = -1;
    text.split(/\r?\n/).forEach((line, index) => {
        const directive = DIRECTIVE.exec(line);
        if (directive) {
            (directive[1] === 'only' ? only : ignored).push(...directive[2]!.split(/[\s,]+/).filter(c => c !== ''));
            return;
        }
        if (!MARKER_START.test(line)) {
            codeLine = index;
            return;
        }
        const marker = MARKER.exec(line);
        if (!marker || codeLine < 0) {
            throw new Error(`line ${index + 1}: not a finding marker (// ^^^ severity code "message" [data {…}]): ${line}`);
        }
        const [, prefix, carets, severity, code, message, data] = marker;
        const start = prefix!.length;
        expected.push({
            at: `${codeLine + 1}:${start + 1}-${codeLine + 1}:${start + carets!.length + 1}`,
            severity: severity as SeverityName,
            code: code!,
            message: JSON.parse(message!) as string,
            ...(data === undefined ? {} : { data: JSON.parse(data) as Record<string, unknown> }),
        });
    });
    return {
        expected,
        compares: code => (only.length === 0 || only.includes(code)) && !ignored.includes(code),
    };
}

/** `line:col-line:col`, 1-based. */
export function findingPlace(d: Diagnostic): string {
    const { start, end } = d.range;
    return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** A finding as one readable line, so a failing comparison shows a line diff. */
function findingLine(at: string, severity: string, code: string, message: string, data?: unknown): string {
    return `${at} ${severity} ${code} ${JSON.stringify(message)}${data === undefined ? '' : ` data ${JSON.stringify(data)}`}`;
}

function withoutCode(data: unknown): unknown {
    if (typeof data !== 'object' || data === null) return data;
    const { code: _code, ...rest } = data as Record<string, unknown>;
    return rest;
}

/**
 * The compared findings of a text and its markers' expectations, both as sorted readable lines, for
 * `assert.deepEqual(actual, expected)`. A finding's data is shown where its marker asserts data.
 */
export function compareWithMarkers(markers: FindingMarkers, diagnostics: readonly Diagnostic[]): { actual: string[]; expected: string[] } {
    const expected = markers.expected.map(e => findingLine(e.at, e.severity, e.code, e.message, e.data));
    const withData = new Set(markers.expected.filter(e => e.data !== undefined).map(e => findingLine(e.at, e.severity, e.code, e.message)));
    const actual = diagnostics
        .filter(d => markers.compares(String(d.code)))
        .map(d => {
            const [at, severity, code] = [findingPlace(d), SEVERITIES[(d.severity ?? 1) - 1] ?? String(d.severity), String(d.code)];
            const line = findingLine(at, severity, code, d.message);
            return withData.has(line) ? findingLine(at, severity, code, d.message, withoutCode(d.data)) : line;
        });
    const byPlace = (a: string, b: string): number => comparePlaces(a, b) || a.localeCompare(b);
    return { actual: actual.sort(byPlace), expected: expected.sort(byPlace) };
}

function comparePlaces(a: string, b: string): number {
    const numbers = (s: string): number[] => s.slice(0, s.indexOf(' ')).split(/[:-]/).map(Number);
    const [x, y] = [numbers(a), numbers(b)];
    for (let i = 0; i < x.length; i++) {
        const d = (x[i] ?? 0) - (y[i] ?? 0);
        if (d !== 0) return d;
    }
    return 0;
}
