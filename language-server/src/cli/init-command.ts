import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { starterModel } from '../generator/starter-model.js';
import type { InitOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';

/**
 * `tml init`: writes a starter model (generator/starter-model.ts) for the system named on the
 * command line, or for the current folder, and says what to do next. It never replaces a file.
 * @throws CliError when the file exists or cannot be written.
 */
export async function runInit(options: InitOptions, io: CliIo): Promise<number> {
    const title = options.title || path.basename(io.cwd);
    await writeFile(path.resolve(io.cwd, options.out), starterModel(title), { encoding: 'utf8', flag: 'wx' }).catch((error: unknown) => {
        const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
        const reason = code === 'EEXIST' ? 'it exists already (tml init never replaces a file; give another with --out)' : error instanceof Error ? error.message : String(error);
        throw new CliError(`cannot write ${options.out}: ${reason}`);
    });
    io.stdout(`Wrote ${options.out}, a starter threat model of '${title}'. Next: tml check ${options.out}\n`);
    return 0;
}
