/**
 * The integration suite's entry point, loaded by VS Code's extension host (with require(), hence
 * bundled to out/integration/index.cjs by scripts/vscode/build-integration.mjs). `run()` is the
 * convention @vscode/test-electron and the `extensionTestsPath` payload both use; when it settles,
 * the extension host exits.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';
import { collectOutcomes, describeError } from '../harness/mocha-outcomes.js';
import { RESULTS_FILE_ENV, summaryLine, type SuiteResults } from '../harness/results.js';

export async function run(): Promise<void> {
    let results: SuiteResults;
    try {
        results = await runSuite();
    } catch (error) {
        // The suite could not even run (a spec file threw while loading): report that as a failure.
        results = { passed: 0, failed: 1, pending: 0, tests: [{ title: 'loading the integration suite', state: 'failed', error: describeError(error) }] };
    }
    writeResults(results);
    if (results.failed > 0) throw new Error(`integration suite: ${summaryLine(results)}`);
}

async function runSuite(): Promise<SuiteResults> {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    // Defines describe/it as globals, as the mocha command does before it loads spec files.
    mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
    // In the order they run: which extension is under test, then activation, while it is still inactive.
    await import('./installed-extension.test.js');
    await import('./activation.test.js');
    await import('./diagnostics.test.js');
    await import('./commands.test.js');
    await import('./editing.test.js');
    await import('./dfd-preview.test.js');
    await import('./threat-table.test.js');
    await import('./import-export.test.js');
    // Last: it opens a model from outside the fixture workspace.
    await import('./staleness.test.js');
    return collectOutcomes(mocha.run());
}

/** Written whole and renamed into place, so a runner polling for the file never reads half of it. */
function writeResults(results: SuiteResults): void {
    const file = process.env[RESULTS_FILE_ENV];
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
    renameSync(`${file}.partial`, file);
}
