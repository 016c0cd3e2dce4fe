import { readFile, stat } from 'node:fs/promises';
import { ImportError } from './imported-model.js';
import { MAX_IMPORT_BYTES } from './import-model.js';

/**
 * Reads a file to import, refusing before reading it one that is larger than
 * {@link MAX_IMPORT_BYTES} (so a 50 MB file costs a `stat`, not 50 MB of memory).
 * @throws ImportError with the reason in words.
 */
export async function readImportFile(path: string): Promise<string> {
    const stats = await stat(path).catch((error: unknown) => {
        throw new ImportError(reasonOf(error));
    });
    if (stats.isDirectory()) throw new ImportError('is a directory');
    if (stats.size > MAX_IMPORT_BYTES) throw new ImportError(`the file is ${megabytes(stats.size)} MB; tml imports files of at most ${megabytes(MAX_IMPORT_BYTES)} MB`);
    return readFile(path, 'utf8').catch((error: unknown) => {
        throw new ImportError(reasonOf(error));
    });
}

function megabytes(bytes: number): string {
    return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

function reasonOf(error: unknown): string {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : error instanceof Error ? error.message : String(error);
}
