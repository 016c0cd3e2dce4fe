/**
 * Shared by the DFD tests: the examples and the DESIGN example as in-memory workspaces, their
 * diagrams, and pinned (golden) files under test/fixtures/dfd/. A pinned file is never written by
 * a normal run; after an intended change, regenerate and review:
 *
 *     npm run build && UPDATE_GOLDEN=1 npm run test:unit
 *     git diff test/fixtures/dfd/
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../language-server/src/cli/run.js';
import { buildDfdModel } from '../../language-server/src/dfd/build-graph.js';
import type { DfdModel } from '../../language-server/src/shared/dfd/graph.js';
import { diagramJson, scenarioInfos } from '../../language-server/src/dfd/json.js';
import { modelsByUri } from '../../language-server/src/dfd/select.js';
import { checkWorkspace, services } from './helpers/workspace.js';

/** Tests run from out/tsc/test/unit/. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const DFD_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'dfd');
export const DESIGN_EXAMPLE = 'test/fixtures/design/online-store.tm';
const UPDATE_GOLDEN = process.env['UPDATE_GOLDEN'] === '1';
const WORKSPACE_PREFIX = 'file:///workspace/';

/** The folders of examples/, sorted. */
export function exampleNames(): string[] {
    return readdirSync(join(REPO_ROOT, 'examples'), { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
        .sort();
}

/** Every `.tm` file below a repository folder: repository-relative path → text. */
export function filesBelow(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith('.tm')) files[relative(REPO_ROOT, path).split(sep).join('/')] = readFileSync(path, 'utf8');
        }
    };
    walk(join(REPO_ROOT, folder));
    return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Builds the files as one workspace and returns its diagrams. */
export async function dfdModelOf(files: Record<string, string>): Promise<DfdModel> {
    const checked = await checkWorkspace(files);
    return buildDfdModel(modelsByUri(checked.map(c => c.document)), services.ThreatModel.workspace.ModelIndex.coverage(checked[0]!.document.parseResult.value));
}

/** The name a test workspace's URI was created from. */
export function workspaceFileName(uri: string): string {
    return uri.startsWith(WORKSPACE_PREFIX) ? uri.slice(WORKSPACE_PREFIX.length) : uri;
}

/** Every diagram of a model, as `tml dfd --format json` prints each. */
export function modelJson(model: DfdModel): unknown {
    const scenarios = scenarioInfos(model);
    return {
        overview: diagramJson(model.overview, scenarios, workspaceFileName),
        scenarios: model.scenarios.map(d => diagramJson(d, scenarios, workspaceFileName)),
    };
}

/** Compares text with the pinned file test/fixtures/dfd/<name> (or writes it, with UPDATE_GOLDEN=1). */
export function assertPinned(name: string, actual: string): void {
    const path = join(DFD_FIXTURES, name);
    if (UPDATE_GOLDEN) {
        writeFileSync(path, actual);
        return;
    }
    assert.ok(existsSync(path), `no pinned file test/fixtures/dfd/${name}: review the output and run with UPDATE_GOLDEN=1`);
    assert.equal(actual, readFileSync(path, 'utf8'), `differs from test/fixtures/dfd/${name}`);
}

export interface DfdRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * `tml dfd <args>` in this process, from the repository root, with output captured.
 * @throws CliError as runCli does (main.ts turns it into one line on stderr and exit code 2).
 */
export async function runDfd(args: readonly string[], cwd = REPO_ROOT): Promise<DfdRun> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['dfd', ...args], { cwd, stdout: text => (stdout += text), stderr: text => (stderr += text) });
    return { code, stdout, stderr };
}
