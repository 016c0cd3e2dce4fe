import { existsSync } from 'node:fs';
import type { URI } from 'langium';
import type { SourceFiles } from './source-files.js';

/** {@link SourceFiles} on the local disk, for the language server and the CLI. */
export class NodeSourceFiles implements SourceFiles {
    exists(uri: URI): boolean {
        if (uri.scheme !== 'file') return false;
        try {
            return existsSync(uri.fsPath);
        } catch {
            return false;
        }
    }
}
