/**
 * Runs the UI-level check (workbench.e2e.ts) in headless Chromium against the VS Code server and
 * prints the results and `N passed, N failed`. Screenshots go to test-results/e2e/.
 *
 *   node out/tsc/test/e2e/run-e2e.js      (after `npm run build`)
 */
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { runMain } from '../integration/harness/cleanup.js';
import { collectOutcomes } from '../integration/harness/mocha-outcomes.js';
import { summaryLine } from '../integration/harness/results.js';

async function main(): Promise<number> {
    const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, reporter: 'spec' });
    mocha.addFile(fileURLToPath(new URL('./workbench.e2e.js', import.meta.url)));
    await mocha.loadFilesAsync();
    // The spec reporter has already shown each test and every failure in full.
    const results = await collectOutcomes(mocha.run());
    console.log(summaryLine(results));
    return results.failed > 0 || results.passed === 0 ? 1 : 0;
}

runMain(main);
