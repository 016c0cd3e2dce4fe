import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'tml';

/**
 * tml's version from its package.json. The CLI runs both as the esbuild bundle (`out/cli/`) and
 * as tsc output (`out/tsc/…/cli/`, in tests), at different depths below the package, so the
 * nearest package.json named `tml` above this module is the one.
 */
export function readPackageVersion(moduleUrl: string = import.meta.url): string {
    let folder = path.dirname(fileURLToPath(moduleUrl));
    for (;;) {
        const version = versionIn(path.join(folder, 'package.json'));
        if (version !== undefined) return version;
        const parent = path.dirname(folder);
        if (parent === folder) return 'unknown';
        folder = parent;
    }
}

function versionIn(packageJson: string): string | undefined {
    try {
        const manifest: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
        if (typeof manifest === 'object' && manifest !== null && 'name' in manifest && 'version' in manifest
            && manifest.name === PACKAGE_NAME && typeof manifest.version === 'string') {
            return manifest.version;
        }
    } catch {
        // No package.json here, or not one we can read: keep looking further up.
    }
    return undefined;
}
