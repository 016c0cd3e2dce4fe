/**
 * The `tml` command (bundled to out/cli/tml.cjs, run by bin/tml.cjs). Wiring only: arguments
 * in, output and exit code out. Whatever goes wrong is reported as one line on stderr with exit
 * code 2, never as a stack trace: CI logs show it to people who did not write tml.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installCodeCache } from '../start-up/code-cache.js';
import { EXIT_USAGE } from './cli-error.js';
import type { CliIo } from './io.js';
import { failureMessage, runCli } from './run.js';

function fail(error: unknown): void {
    process.stderr.write(failureMessage(error));
    process.exitCode = EXIT_USAGE;
}

/** Something escaped every handler: the run's state is unknown, so stop now. */
function crash(error: unknown): void {
    fail(error);
    process.exit(EXIT_USAGE);
}

// `tml check | head` closes stdout early; that is the reader's choice, not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    crash(error);
});
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

const argv = process.argv.slice(2);
const io: CliIo = {
    cwd: process.cwd(),
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
};
// The commands' bundle (and Graphviz's) load with V8's code cache: most of a short run's start-up.
const loadWithCodeCache = (): void => void installCodeCache(path.dirname(fileURLToPath(import.meta.url)));
runCli(argv, io, loadWithCodeCache).then(code => {
    process.exitCode = code;
}, fail);
