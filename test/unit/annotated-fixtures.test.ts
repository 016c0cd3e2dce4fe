import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithMarkers, readFindingMarkers } from './helpers/finding-markers.js';
import { checkWorkspace } from './helpers/workspace.js';

/**
 * Validation specs as annotated fixtures: every `.tm` file under test/fixtures/validation/<concern>/
 * is validated on its own, and every folder there (`<concern>/<case>/`) as one workspace of its
 * `.tm` files. The expected findings are written next to the text they are about, as comment
 * markers (test/unit/helpers/finding-markers.ts, test/fixtures/validation/README.md); a finding
 * without a marker, or a marker without a finding, fails the test.
 */
const FIXTURES = 'test/fixtures/validation';
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function entries(folder: string): Array<{ name: string; isFolder: boolean }> {
    return readdirSync(join(REPO_ROOT, folder), { withFileTypes: true })
        .filter(e => e.isDirectory() || e.name.endsWith('.tm'))
        .map(e => ({ name: e.name, isFolder: e.isDirectory() }))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** The case's title: the first line of its (first) file when that is a plain comment, else its name. */
function title(name: string, firstText: string): string {
    const first = /^\/\/\s*([^$^\s].*)$/.exec(firstText.split('\n')[0] ?? '');
    return first ? `${name}: ${first[1]!.trim()}` : name;
}

/** Validates the files (repository-relative paths) together and compares each with its markers. */
async function checkAgainstMarkers(paths: readonly string[]): Promise<void> {
    const texts = Object.fromEntries(paths.map(path => [path, readFileSync(join(REPO_ROOT, path), 'utf8')]));
    const checked = await checkWorkspace(texts);
    paths.forEach((path, i) => {
        const { actual, expected } = compareWithMarkers(readFindingMarkers(texts[path]!), checked[i]!.diagnostics);
        assert.deepEqual(actual, expected, `findings of ${path}`);
    });
}

for (const concern of entries(FIXTURES).filter(e => e.isFolder)) {
    describe(`validation fixtures: ${concern.name}`, () => {
        for (const fixture of entries(`${FIXTURES}/${concern.name}`)) {
            const base = `${FIXTURES}/${concern.name}/${fixture.name}`;
            const paths = fixture.isFolder ? entries(base).filter(e => !e.isFolder).map(e => `${base}/${e.name}`) : [base];
            it(title(fixture.name, readFileSync(join(REPO_ROOT, paths[0]!), 'utf8')), () => checkAgainstMarkers(paths));
        }
    });
}
