import { parseArgs } from './args.js';
import { USAGE } from './usage.js';
import { CliError } from './cli-error.js';
import { DFD_USAGE } from './dfd-usage.js';
import type { CliIo } from './io.js';
import { readPackageVersion } from './version.js';

/**
 * Runs one `tml` command line (the arguments after `tml`) and returns its exit code.
 * `beforeLoadingCommands` runs only when a command needs the commands' bundle (main.ts installs the
 * code cache there), so that help and the version do nothing more.
 * @throws CliError on a usage error or unreadable input; the caller (main.ts) reports it, and
 * any other failure, with {@link failureMessage} and exit code 2.
 */
export async function runCli(argv: readonly string[], io: CliIo, beforeLoadingCommands?: () => void): Promise<number> {
    const command = parseArgs(argv);
    switch (command.kind) {
        case 'usage-error':
            throw new CliError(command.message);
        case 'help':
            io.stdout(command.command === 'dfd' ? DFD_USAGE : USAGE);
            return 0;
        case 'version':
            io.stdout(`${readPackageVersion()}\n`);
            return 0;
        default: {
            // Imported on demand: help and the version answer without loading Langium (commands.ts).
            beforeLoadingCommands?.();
            const { runCommand } = await import('./commands.js');
            return runCommand(command, io);
        }
    }
}

/** The one line `tml: <message>` that reports any failure: first line only, never a stack trace. */
export function failureMessage(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    const firstLine = text.split(/\r?\n/, 1)[0]?.trim() || 'unexpected error';
    return `tml: ${firstLine}\n`;
}
