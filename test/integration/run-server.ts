/**
 * Runs the integration suite inside real VS Code 1.100.3 (the server in the code-server package)
 * with the workbench open in headless Chromium, then prints the results and `N passed, N failed`.
 *
 *   node out/tsc/test/integration/run-server.js      (after `npm run build`)
 *
 * Environment: TML_INTEGRATION_TIMEOUT_S (default 300), TML_KEEP_STATE=1 keeps the temporary
 * user-data/workspace folder, TML_VSCODE_SERVER_CACHE (see scripts/vscode/provision.mjs).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain } from './harness/cleanup.js';
import { reportResults } from './harness/report.js';
import { RESULTS_FILE_ENV } from './harness/results.js';
import { bundleIntegrationSuite, prepareRunFolders, startWorkbenchSession } from './harness/session.js';
import { waitUntil } from './harness/wait.js';

const TIMEOUT_MS = Number(process.env.TML_INTEGRATION_TIMEOUT_S ?? 300) * 1000;

/**
 * Runs one bundled suite (out/integration/<bundle>) in the extension host of a workbench opened
 * on a copy of `source`, and reports its results.
 */
export async function runSuiteIn(name: string, source: string | undefined, bundle: string): Promise<number> {
    const started = Date.now();
    const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    const folders = prepareRunFolders(name, source);
    const suite = join(dirname(bundleIntegrationSuite(folders.root)), bundle);
    const resultsFile = join(folders.state, 'results.json');

    const { page } = await startWorkbenchSession(folders, { extensionTestsPath: suite, env: { [RESULTS_FILE_ENV]: resultsFile } });
    console.log(`workbench opened; the suite runs in VS Code's extension host (${elapsed()})`);
    try {
        await waitUntil(() => existsSync(resultsFile), { what: 'the suite to write its results', timeoutMs: TIMEOUT_MS, intervalMs: 250 });
    } catch (error) {
        await page.screenshot({ path: join(folders.artifacts, 'timeout.png') }).catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        return reportResults(resultsFile, `${reason}; logs and a screenshot are in ${folders.artifacts}`);
    }
    console.log(`${name} suite finished in ${elapsed()}`);
    return reportResults(resultsFile);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) runMain(() => runSuiteIn('integration', undefined, 'index.cjs'));
