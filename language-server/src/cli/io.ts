import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { CliError } from './cli-error.js';

/** The outside world as the CLI sees it; tests pass their own to capture output. */
export interface CliIo {
    /** The directory relative paths are resolved against and findings are shown relative to. */
    readonly cwd: string;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

/**
 * Writes `text` (or bytes) to `out` (relative to cwd), or to stdout without `out`: the `--out FILE` of every
 * command that has one, so an unwritable file reads the same from each.
 * @throws CliError when the file cannot be written.
 */
export async function writeOutput(text: string | Uint8Array, out: string | undefined, io: CliIo): Promise<void> {
    if (out === undefined) {
        // Binary output (xlsx) comes with --out: the argument parser asks for it.
        if (typeof text !== 'string') throw new CliError('a binary file cannot be written to standard output: give --out FILE');
        io.stdout(text);
        return;
    }
    await writeFile(path.resolve(io.cwd, out), text, typeof text === 'string' ? 'utf8' : undefined).catch((error: unknown) => {
        throw writeFailure(out, error);
    });
}

/** "cannot write FILE: permission denied": a failed write or mkdir of `out`, in one line. */
export function writeFailure(out: string, error: unknown): CliError {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const reason = WRITE_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
    return new CliError(`cannot write ${out}: ${reason}`);
}

const WRITE_ERRORS: Readonly<Record<string, string>> = {
    ENOENT: 'no such directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a part of the path is not a directory',
    EROFS: 'read-only file system',
    EEXIST: 'a file of that name is in the way',
};
