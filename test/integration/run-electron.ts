/**
 * Runs the integration suite with @vscode/test-electron, which downloads VS Code (desktop) into
 * .vscode-test/ and starts it with the suite. For machines that can reach VS Code's download
 * servers (a developer's laptop, public CI); on Linux without a display run it under xvfb-run.
 *
 *   node out/tsc/test/integration/run-electron.js      (after `npm run build`)
 *
 * Environment: TML_VSCODE_VERSION (default 'stable'; e.g. '1.100.3'), TML_KEEP_STATE=1.
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { runMain } from './harness/cleanup.js';
import { reportResults } from './harness/report.js';
import { RESULTS_FILE_ENV } from './harness/results.js';
import { bundleIntegrationSuite, prepareRunFolders } from './harness/session.js';
import { EXPECTED_EXTENSION_PATH_ENV, REPOSITORY_ROOT_ENV } from './harness/suite-environment.js';
import { writeUserSettings } from './harness/user-settings.js';

async function main(): Promise<number> {
    const folders = prepareRunFolders('integration-electron');
    const suite = bundleIntegrationSuite(folders.root);
    const resultsFile = join(folders.state, 'results.json');
    const userData = join(folders.state, 'user-data');
    writeUserSettings(userData);
    try {
        await runTests({
            version: process.env.TML_VSCODE_VERSION ?? 'stable',
            extensionDevelopmentPath: folders.root,
            extensionTestsPath: suite,
            extensionTestsEnv: { [RESULTS_FILE_ENV]: resultsFile, [EXPECTED_EXTENSION_PATH_ENV]: folders.root, [REPOSITORY_ROOT_ENV]: folders.root },
            launchArgs: [
                folders.workspace,
                `--user-data-dir=${userData}`,
                `--extensions-dir=${join(folders.state, 'extensions')}`,
                '--disable-extensions',
                '--disable-workspace-trust',
                '--skip-welcome',
                '--skip-release-notes',
            ],
        });
    } catch (error) {
        // runTests rejects when the suite fails (run() rejected) and when VS Code could not be
        // downloaded or started; the results file tells the two apart.
        const reason = error instanceof Error ? error.message : String(error);
        return reportResults(resultsFile, `@vscode/test-electron: ${reason}`);
    }
    return reportResults(resultsFile);
}

runMain(main);
