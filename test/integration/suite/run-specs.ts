import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';
import { collectOutcomes, describeError } from '../harness/mocha-outcomes.js';
import { RESULTS_FILE_ENV, summaryLine, type SuiteResults } from '../harness/results.js';

/**
 * Runs the spec files `load` imports in mocha, inside VS Code's extension host, and writes the
 * results where the runner polls for them. Rejects when a test failed, so the extension host
 * reports the failure too.
 */
export async function runSpecs(name: string, load: () => Promise<void>): Promise<void> {
    let results: SuiteResults;
    try {
        const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
        // Defines describe/it as globals, as the mocha command does before it loads spec files.
        mocha.suite.emit('pre-require', globalThis, name, mocha);
        await load();
        results = await collectOutcomes(mocha.run());
    } catch (error) {
        // The suite could not even run (a spec file threw while loading): report that as a failure.
        results = { passed: 0, failed: 1, pending: 0, tests: [{ title: `loading the ${name}`, state: 'failed', error: describeError(error) }] };
    }
    writeResults(results);
    if (results.failed > 0) throw new Error(`${name}: ${summaryLine(results)}`);
}

/** Written whole and renamed into place, so a runner polling for the file never reads half of it. */
function writeResults(results: SuiteResults): void {
    const file = process.env[RESULTS_FILE_ENV];
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
    renameSync(`${file}.partial`, file);
}
