import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { starterModel, starterModelPath } from '../shared/starter-model.js';
import type { InitOptions } from './options.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { findModelFiles } from './load-workspace.js';

/**
 * `tml init`: writes a starter model (shared/starter-model.ts) for the system named on the
 * command line, or for the current folder, and says what to do next: to threat-model.tm, or, when
 * the current directory holds model files already, to a folder of its own named after the system
 * (a model of its own, docs/language.md#models-in-a-workspace). It never replaces a file.
 * @throws CliError when the file exists or cannot be written.
 */
export async function runInit(options: InitOptions, io: CliIo): Promise<number> {
    const title = options.title || path.basename(io.cwd);
    const out = options.out ?? starterModelPath(title, (await findModelFiles(['.'], io.cwd)).length > 0);
    const file = path.resolve(io.cwd, out);
    await mkdir(path.dirname(file), { recursive: true })
        .then(() => writeFile(file, starterModel(title), { encoding: 'utf8', flag: 'wx' }))
        .catch((error: unknown) => {
            const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
            const reason = code === 'EEXIST' ? 'it exists already (tml init never replaces a file; give another with --out)' : error instanceof Error ? error.message : String(error);
            throw new CliError(`cannot write ${out}: ${reason}`);
        });
    io.stdout(`Wrote ${out}, a starter threat model of '${title}'. Next: tml check ${out}\n`);
    return 0;
}
