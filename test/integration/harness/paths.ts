import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file whose package.json is the tml package. */
export function repositoryRoot(): string {
    let folder = dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const manifest = join(folder, 'package.json');
        if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tml') {
            return folder;
        }
        const parent = dirname(folder);
        if (parent === folder) throw new Error('cannot find the tml repository root above ' + fileURLToPath(import.meta.url));
        folder = parent;
    }
}

/** Where every test run of the harness leaves its artifacts (logs, screenshots); gitignored. */
export function testResultsFolder(root: string): string {
    return join(root, 'test-results');
}

export const FIXTURE_WORKSPACE = join('test', 'fixtures', 'workspace');
export const INTEGRATION_BUNDLE = join('out', 'integration', 'index.cjs');
