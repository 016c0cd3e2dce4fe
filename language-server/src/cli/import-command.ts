import * as path from 'node:path';
import { ImportError } from '../interop/imported-model.js';
import { importModel } from '../interop/import-model.js';
import { readImportFile } from '../interop/read-import-file.js';
import type { ImportOptions } from './options.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import { displayPath } from './load-workspace.js';

/**
 * `tml import` (docs/language.md#import-and-export): converts one OTM, Threat Dragon or `.tm7` file into a formatted
 * `.tm` model, on stdout or in `--out`; what tml cannot express is reported as warnings on stderr.
 * @throws CliError "cannot import FILE: …" when the file cannot be read or converted.
 */
export async function runImport(options: ImportOptions, io: CliIo): Promise<number> {
    const absolute = path.resolve(io.cwd, options.file);
    let result;
    try {
        const text = await readImportFile(absolute);
        result = importModel(text, { fileName: path.basename(absolute), ...(options.from !== undefined ? { from: options.from } : {}) });
    } catch (error) {
        if (error instanceof ImportError) throw new CliError(`cannot import ${displayPath(io.cwd, absolute)}: ${error.message}`);
        throw error;
    }
    for (const warning of result.warnings) io.stderr(`tml: warning: ${warning}\n`);
    await writeOutput(result.text, options.out, io);
    return 0;
}
