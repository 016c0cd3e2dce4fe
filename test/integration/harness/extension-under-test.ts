import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which build of the extension the VS Code suites run against, from TML_TEST_EXTENSION:
 * - `vsix` (the default, and what CI runs): `tml.vsix`, as `npm run package` writes it, installed
 *   with `--install-extension` into the run's own extensions folder, as a user installs it. This
 *   proves the package: a file .vscodeignore leaves out, or a bundle that needs node_modules,
 *   fails here.
 * - `folder`: the repository itself as the extension under development, straight from
 *   `npm run build` (quicker while working on the extension; no packaging).
 */
export type ExtensionUnderTest =
    | { readonly kind: 'vsix'; readonly vsix: string }
    | { readonly kind: 'folder'; readonly folder: string };

export const EXTENSION_UNDER_TEST_ENV = 'TML_TEST_EXTENSION';

/** What `npm run package` puts into tml.vsix from the build; the .vsix must be newer than each. */
const PACKAGED_BUILD_OUTPUTS = ['package.json', 'out/extension/extension.cjs', 'out/language-server/main.cjs', 'out/language-server/server.cjs', 'out/language-server/viz.cjs', 'out/webview/dfd-preview.js', 'out/vsix/README.md'];

export function extensionUnderTest(root: string): ExtensionUnderTest {
    const choice = process.env[EXTENSION_UNDER_TEST_ENV] ?? 'vsix';
    if (choice === 'folder') return { kind: 'folder', folder: root };
    if (choice !== 'vsix') throw new Error(`${EXTENSION_UNDER_TEST_ENV}=${choice}: expected 'vsix' (the default) or 'folder'`);
    const vsix = join(root, 'tml.vsix');
    if (!existsSync(vsix)) {
        throw new Error(`${vsix} is missing: run npm run package first (or ${EXTENSION_UNDER_TEST_ENV}=folder to test the build without packaging)`);
    }
    const packagedAt = statSync(vsix).mtimeMs;
    const newer = PACKAGED_BUILD_OUTPUTS.filter(file => existsSync(join(root, file)) && statSync(join(root, file)).mtimeMs > packagedAt);
    if (newer.length > 0) {
        throw new Error(`tml.vsix is older than ${newer.join(', ')}: run npm run package again (or ${EXTENSION_UNDER_TEST_ENV}=folder to test the build as it is)`);
    }
    return { kind: 'vsix', vsix };
}

/** One line for a runner's console: what it is about to test. */
export function describeExtensionUnderTest(extension: ExtensionUnderTest, loadedFrom: string): string {
    return extension.kind === 'vsix'
        ? `extension under test: ${extension.vsix}, installed into ${loadedFrom}`
        : `extension under test: the development folder ${loadedFrom} (${EXTENSION_UNDER_TEST_ENV}=folder)`;
}
