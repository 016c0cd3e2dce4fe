/**
 * Every quick-fix the server offers on real models yields a model that still parses and links:
 * for each example workspace (each folder of examples/, and the design example), for each
 * finding, each code action offered on it (quick-fixes and "Fix all" source actions) is applied on
 * its own, and the whole workspace is validated again.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './helpers/code-actions.js';
import { checkWorkspace, describeFinding, syntaxAndLinkErrors } from './helpers/workspace.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const WORKSPACE_URI = 'file:///workspace/';
/** Enough that the test cannot pass by finding nothing to fix; the examples offered 75 when written. */
const MINIMUM_FIXES = 50;

/** A workspace to check: file name (as in `checkWorkspace`) → text. */
type Files = Record<string, string>;

function exampleWorkspaces(): Array<[string, Files]> {
    const examples = join(REPO, 'examples');
    const below = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
        entry.isDirectory() ? below(join(dir, entry.name)) : entry.name.endsWith('.tm') ? [join(dir, entry.name)] : []);
    const workspaces = readdirSync(examples, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
        .sort()
        .map((name): [string, Files] => [`examples/${name}`, Object.fromEntries(below(join(examples, name))
            .sort()
            .map(path => [relative(examples, path).split(sep).join('/'), readFileSync(path, 'utf8')]))]);
    const design = join(REPO, 'test/fixtures/design/online-store.tm');
    return [...workspaces, ['DESIGN.md example', { 'online-store.tm': readFileSync(design, 'utf8') }]];
}

/** The workspace after the action's edits, as an editor applies a WorkspaceEdit. */
function applyToWorkspace(files: Files, action: CodeAction): Files {
    assert.equal(action.edit?.documentChanges, undefined, 'the provider uses `changes`, which this test applies');
    const result = { ...files };
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const name = uri.startsWith(WORKSPACE_URI) ? uri.slice(WORKSPACE_URI.length) : uri;
        const text = result[name];
        assert.ok(text !== undefined, `'${action.title}' edits ${uri}, which is not in the workspace`);
        result[name] = TextDocument.applyEdits(TextDocument.create(uri, 'threat-model', 0, text), edits);
    }
    return result;
}

describe('every quick-fix offered on the examples', () => {
    let exercised = 0;

    for (const [label, files] of exampleWorkspaces()) {
        it(`${label}: leaves a model that parses and links`, async function () {
            this.timeout(300_000);
            const offered: Array<{ where: string; action: CodeAction }> = [];
            for (const { document, diagnostics } of await checkWorkspace(files)) {
                const seen = new Set<string>();
                for (const diagnostic of diagnostics) {
                    for (const action of codeActionsFor(document, diagnostic)) {
                        // "Fix all" is offered on every finding of its code: apply it once.
                        const key = JSON.stringify([action.title, action.edit]);
                        if (seen.has(key)) continue;
                        seen.add(key);
                        offered.push({ where: `${document.uri.path} ${describeFinding(diagnostic)}`, action });
                    }
                }
            }
            const failures: string[] = [];
            for (const { where, action } of offered) {
                assert.ok(action.edit, `'${action.title}' at ${where} has no edit`);
                const fixed = applyToWorkspace(files, action);
                const errors = (await checkWorkspace(fixed)).flatMap(({ document, diagnostics }) =>
                    syntaxAndLinkErrors(diagnostics).map(d => `${document.uri.path} ${describeFinding(d)} ${d.message}`));
                if (errors.length > 0) failures.push(`'${action.title}' at ${where}:\n  ${errors.join('\n  ')}`);
            }
            exercised += offered.length;
            assert.deepEqual(failures, []);
        });
    }

    it(`exercised at least ${MINIMUM_FIXES} fixes`, () => {
        console.log(`      quick-fixes exercised on the examples: ${exercised}`);
        assert.ok(exercised >= MINIMUM_FIXES, `only ${exercised} fixes exercised`);
    });
});
