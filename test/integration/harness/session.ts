import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { onCleanup } from './cleanup.js';
import { installExtension, provisionVsCodeServer, startCodeServer, type RunningCodeServer } from './code-server.js';
import { describeExtensionUnderTest, extensionUnderTest, type ExtensionUnderTest } from './extension-under-test.js';
import { FIXTURE_WORKSPACE, INTEGRATION_BUNDLE, repositoryRoot, testResultsFolder } from './paths.js';
import { EXPECTED_EXTENSION_PATH_ENV, REPOSITORY_ROOT_ENV } from './suite-environment.js';
import { launchChromium, openWorkbench, workbenchUrl } from './workbench.js';

/** What a run works with: the repository, a throw-away copy of the fixture workspace, its artifacts. */
export interface RunFolders {
    readonly root: string;
    /** Temporary; removed at the end unless TML_KEEP_STATE=1. */
    readonly state: string;
    /** A copy of test/fixtures/workspace (or another source folder): nothing a test does can change the repository's files. */
    readonly workspace: string;
    /** test-results/<name>: logs and screenshots, kept after the run. */
    readonly artifacts: string;
}

/** `source`: the folder (relative to the repository) copied as the workspace; the fixture workspace by default. */
export function prepareRunFolders(name: string, source = FIXTURE_WORKSPACE): RunFolders {
    const root = repositoryRoot();
    const extensionBundle = join(root, 'out', 'extension', 'extension.cjs');
    if (!existsSync(extensionBundle)) throw new Error(`${extensionBundle} is missing: run npm run build first`);
    const artifacts = join(testResultsFolder(root), name);
    mkdirSync(artifacts, { recursive: true });
    const state = mkdtempSync(join(tmpdir(), `tml-${name}-`));
    if (process.env.TML_KEEP_STATE !== '1') onCleanup(() => rmSync(state, { recursive: true, force: true }));
    const workspace = join(state, 'workspace');
    cpSync(join(root, source), workspace, { recursive: true });
    return { root, state, workspace, artifacts };
}

/** Bundles the suite for the extension host (scripts/vscode/build-integration.mjs); returns its path. */
export function bundleIntegrationSuite(root: string): string {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'vscode', 'build-integration.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('bundling the integration suite failed');
    return join(root, INTEGRATION_BUNDLE);
}

export interface WorkbenchSession {
    readonly server: RunningCodeServer;
    readonly browser: Browser;
    readonly page: Page;
    /** The folder VS Code loads the extension under test from: the installed .vsix, or the repository. */
    readonly extensionPath: string;
}

export interface WorkbenchSessionOptions {
    /** The test module the extension host runs; without it the workbench is left to the caller to drive. */
    readonly extensionTestsPath?: string;
    /** Environment of the server, and so of the extension host. */
    readonly env?: Readonly<Record<string, string>>;
}

/**
 * Starts the VS Code server on the run's workspace with the extension under test (see
 * extension-under-test.ts: by default tml.vsix, installed into the run's extensions folder) and
 * opens the workbench in headless Chromium. Everything it starts is stopped by the clean-up of
 * cleanup.ts.
 */
export async function startWorkbenchSession(folders: RunFolders, options: WorkbenchSessionOptions = {}): Promise<WorkbenchSession> {
    const extension = extensionUnderTest(folders.root);
    const serverFolder = provisionVsCodeServer(folders.root);
    const extensionPath = extension.kind === 'vsix' ? installExtension(serverFolder, folders.state, extension.vsix) : extension.folder;
    console.log(describeExtensionUnderTest(extension, extensionPath));
    const server = await startCodeServer({
        serverFolder,
        workspace: folders.workspace,
        stateFolder: folders.state,
        logFile: join(folders.artifacts, 'code-server.log'),
        env: { ...options.env, [EXPECTED_EXTENSION_PATH_ENV]: extensionPath, [REPOSITORY_ROOT_ENV]: folders.root },
    });
    const browser = await launchChromium();
    const url = workbenchUrl(server, folders.workspace, {
        extensionDevelopmentPath: developmentPath(extension, folders, options.extensionTestsPath !== undefined),
        extensionTestsPath: options.extensionTestsPath,
    });
    const page = await openWorkbench(browser, url, join(folders.artifacts, 'workbench-console.log'));
    return { server, browser, page, extensionPath };
}

/**
 * The extension development path of the payload. VS Code runs a test module only in an extension
 * development session, so a suite that tests the installed extension names an empty folder: VS
 * Code finds no extension there and loads tml from the extensions folder, as it does for a user.
 * A workbench that a user drives with the installed extension needs none.
 */
function developmentPath(extension: ExtensionUnderTest, folders: RunFolders, runsTests: boolean): string | undefined {
    if (extension.kind === 'folder') return extension.folder;
    if (!runsTests) return undefined;
    const empty = join(folders.state, 'no-extension-under-development');
    mkdirSync(empty, { recursive: true });
    return empty;
}
