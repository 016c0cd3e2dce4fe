import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Tests run from out/tsc/test/unit/, so the repository root is four levels up from this module.
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const GOLDEN_DIR = join(REPO_ROOT, 'test', 'fixtures', 'tables');
const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';

/** The models with pinned tables and reports, and the paths given to `tml` (from the repository root). */
export const GOLDEN_FIXTURES: readonly { readonly name: string; readonly paths: readonly string[] }[] = [
    { name: 'online-store', paths: ['test/fixtures/design/online-store.tm'] },
    { name: 'web-shop', paths: ['examples/web-shop'] },
    { name: 'iot-device', paths: ['examples/iot-device'] },
    { name: 'saas-api', paths: ['examples/saas-api'] },
];

export function goldenPath(name: string): string {
    return join(GOLDEN_DIR, name);
}

/** Compares with the golden file, or writes it with UPDATE_GOLDEN=1. */
export function matchGolden(file: string, actual: string): void {
    if (UPDATE_GOLDEN) {
        writeFileSync(file, actual);
        return;
    }
    assert.ok(existsSync(file), `${file} is missing: review the output and run UPDATE_GOLDEN=1 npm run test:unit to create it`);
    assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs: review, then UPDATE_GOLDEN=1 npm run test:unit`);
}
