import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from out/tsc/test/cli/helpers/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

const TML = path.join(REPO_ROOT, 'bin', 'tml.cjs');

export interface TmlRun {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the built `tml` command as a user would (`node bin/tml.cjs …`), by default in the repository root. */
export function runTml(args: readonly string[], cwd: string = REPO_ROOT): TmlRun {
    const result = spawnSync(process.execPath, [TML, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
