import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { starterModel } from '../generator/starter-model.js';
import { NodeThreatModelContext } from '../node-context.js';
import { createThreatModelServices } from '../threat-model-module.js';
import type { InitOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { findModelFiles, loadWorkspace } from './load-workspace.js';

/**
 * `tml init`: writes a starter model (generator/starter-model.ts) for the system named on the
 * command line, or for the current folder, and says what to do next. It never replaces a file, and
 * numbers the names the .tm files below the current directory declare already (names are global).
 * @throws CliError when the file exists or cannot be written.
 */
export async function runInit(options: InitOptions, io: CliIo): Promise<number> {
    const title = options.title || path.basename(io.cwd);
    const text = starterModel(title, await declaredNames(io.cwd));
    await writeFile(path.resolve(io.cwd, options.out), text, { encoding: 'utf8', flag: 'wx' }).catch((error: unknown) => {
        const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
        const reason = code === 'EEXIST' ? 'it exists already (tml init never replaces a file; give another with --out)' : error instanceof Error ? error.message : String(error);
        throw new CliError(`cannot write ${options.out}: ${reason}`);
    });
    io.stdout(`Wrote ${options.out}, a starter threat model of '${title}'. Next: tml check ${options.out}\n`);
    return 0;
}

/** Every name the model files below `cwd` declare. */
async function declaredNames(cwd: string): Promise<Set<string>> {
    const files = await findModelFiles(['.'], cwd);
    if (files.length === 0) return new Set();
    const { shared } = createThreatModelServices(NodeThreatModelContext);
    await loadWorkspace(shared, files, cwd);
    return new Set(shared.workspace.IndexManager.allElements().map(element => element.name));
}
