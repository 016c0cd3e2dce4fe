/**
 * What the integration suite reports to its runner. The suite runs inside VS Code's extension host,
 * a process the runner does not start itself, so it writes this JSON to the file named by the
 * environment variable below (inherited from the VS Code server process, or passed by
 * @vscode/test-electron's `extensionTestsEnv`).
 */
export const RESULTS_FILE_ENV = 'TML_INTEGRATION_RESULTS';

export type TestState = 'passed' | 'failed' | 'pending';

export interface TestOutcome {
    /** Titles from the outermost `describe` to the test, joined by ' › '. */
    readonly title: string;
    readonly state: TestState;
    readonly durationMs?: number;
    /** Message and stack of the failure. */
    readonly error?: string;
}

export interface SuiteResults {
    readonly passed: number;
    readonly failed: number;
    readonly pending: number;
    readonly tests: readonly TestOutcome[];
}

/** The one closing line every runner prints. */
export function summaryLine(results: Pick<SuiteResults, 'passed' | 'failed'>): string {
    return `${results.passed} passed, ${results.failed} failed`;
}

/** Failures in full, then one line per test, for a runner's console. */
export function formatResults(results: SuiteResults): string {
    const marks: Record<TestState, string> = { passed: 'ok  ', failed: 'FAIL', pending: 'skip' };
    const lines = results.tests.map(t => `  ${marks[t.state]} ${t.title}${t.durationMs === undefined ? '' : ` (${t.durationMs} ms)`}`);
    const failures = results.tests
        .filter(t => t.state === 'failed')
        .map((t, i) => `${i + 1}) ${t.title}\n${indent(t.error ?? 'no error recorded')}`);
    return [...lines, ...(failures.length > 0 ? ['', 'Failures:', ...failures] : [])].join('\n');
}

function indent(text: string): string {
    return text.split('\n').map(line => `     ${line}`).join('\n');
}
