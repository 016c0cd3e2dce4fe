import type { CliCommand } from './options.js';
import { runCheck } from './check.js';
import { runDfd } from './dfd-command.js';
import { runExport } from './export-command.js';
import { runImport } from './import-command.js';
import { runInit } from './init-command.js';
import type { CliIo } from './io.js';
import { runReport } from './report-command.js';
import { runRules } from './rules-command.js';
import { runTable } from './table-command.js';
import { readPackageVersion } from './version.js';

/** A command line that asks for work on models: everything but help, the version and usage errors. */
export type WorkCommand = Exclude<CliCommand, { kind: 'usage-error' | 'help' | 'version' }>;

/**
 * Runs one command that reads or writes models. It lives apart from run.ts, which answers
 * `--help` and `--version` itself, because this is what loads Langium and the grammar:
 * scripts/bundle.mjs bundles it into a file of its own, read only when a command needs it.
 */
export function runCommand(command: WorkCommand, io: CliIo): Promise<number> {
    switch (command.kind) {
        case 'check':
            return runCheck(command.options, io, readPackageVersion());
        case 'table':
            return runTable(command.options, io);
        case 'report':
            return runReport(command.options, io);
        case 'dfd':
            return runDfd(command.options, io);
        case 'init':
            return runInit(command.options, io);
        case 'rules':
            return runRules(command.options, io);
        case 'import':
            return runImport(command.options, io);
        case 'export':
            return runExport(command.options, io);
    }
}
