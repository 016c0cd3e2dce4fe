import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ImportError } from '../interop/imported-model.js';
import { importModel, MAX_IMPORT_BYTES } from '../interop/import-model.js';
import type { ImportOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { displayPath } from './load-workspace.js';

/**
 * `tml import` (DESIGN.md §10): converts one OTM, Threat Dragon or `.tm7` file into a formatted
 * `.tm` model, on stdout or in `--out`; what tml cannot express is reported as warnings on stderr.
 * @throws CliError "cannot import FILE: …" when the file cannot be read or converted.
 */
export async function runImport(options: ImportOptions, io: CliIo): Promise<number> {
    const absolute = path.resolve(io.cwd, options.file);
    const shown = displayPath(io.cwd, absolute);
    const fail = (reason: string): CliError => new CliError(`cannot import ${shown}: ${reason}`);
    const stats = await stat(absolute).catch((error: unknown) => {
        throw fail(reasonOf(error));
    });
    if (stats.isDirectory()) throw fail('is a directory');
    if (stats.size > MAX_IMPORT_BYTES) throw fail(`the file is ${megabytes(stats.size)} MB; tml imports files of at most ${megabytes(MAX_IMPORT_BYTES)} MB`);
    const text = await readFile(absolute, 'utf8').catch((error: unknown) => {
        throw fail(reasonOf(error));
    });
    let result;
    try {
        result = importModel(text, { fileName: path.basename(absolute), ...(options.from !== undefined ? { from: options.from } : {}) });
    } catch (error) {
        if (error instanceof ImportError) throw fail(error.message);
        throw error;
    }
    for (const warning of result.warnings) io.stderr(`tml: warning: ${warning}\n`);
    await writeOutput(result.text, options.out, io);
    return 0;
}

function megabytes(bytes: number): string {
    return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

function reasonOf(error: unknown): string {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : error instanceof Error ? error.message : String(error);
}
