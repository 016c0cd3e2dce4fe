import { existsSync, readFileSync } from 'node:fs';
import { formatResults, summaryLine, type SuiteResults } from './results.js';

/**
 * Prints the suite's results and the closing `N passed, N failed` line; returns the exit code.
 * Missing results (the suite never ran to its end) count as one failure.
 */
export function reportResults(resultsFile: string, problem?: string): number {
    if (!existsSync(resultsFile)) {
        console.error(problem ?? `the suite wrote no results to ${resultsFile}`);
        console.log(summaryLine({ passed: 0, failed: 1 }));
        return 1;
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteResults;
    console.log(formatResults(results));
    if (problem) console.error(problem);
    console.log(summaryLine(results));
    return results.failed > 0 || results.passed === 0 || problem ? 1 : 0;
}
