/**
 * What a runner tells the integration suite through the environment of the VS Code server, which
 * the extension host inherits (or @vscode/test-electron's `extensionTestsEnv`). The suite's results
 * go the other way: RESULTS_FILE_ENV in results.ts.
 */

/**
 * The folder the extension under test must be loaded from (see extension-under-test.ts). The suite
 * checks it first, so a run cannot test the repository while claiming to test the .vsix.
 */
export const EXPECTED_EXTENSION_PATH_ENV = 'TML_EXPECTED_EXTENSION_PATH';

/** The repository, for a suite that reads its fixtures: an installed extension holds none of them. */
export const REPOSITORY_ROOT_ENV = 'TML_REPOSITORY_ROOT';
