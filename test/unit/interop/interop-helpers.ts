import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { canonicalLayoutEdits } from '../../../language-server/src/lsp/formatting/whitespace-edits.js';
import type { ImportFormat } from '../../../language-server/src/interop/import-model.js';
import { importModel } from '../../../language-server/src/interop/import-model.js';
import type { ImportResult } from '../../../language-server/src/interop/imported-model.js';
import { checkWorkspace, syntaxAndLinkErrors } from '../helpers/workspace.js';

/** The repository root (this file runs from out/tsc/test/unit/interop/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

export function interopFixture(...segments: string[]): string {
    return readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'interop', ...segments), 'utf8');
}

export function importText(text: string, from?: ImportFormat, fileName = 'input'): ImportResult {
    return importModel(text, { fileName, ...(from !== undefined ? { from } : {}) });
}

/**
 * Checks an imported model with the real parser, linker and validator, asserts that it has no
 * syntax or reference error and is already in the formatter's layout, and returns its findings.
 */
export async function assertImportedModelIsClean(text: string): Promise<Diagnostic[]> {
    const [file] = await checkWorkspace({ 'imported.tm': text });
    const { document, diagnostics } = file!;
    assert.deepEqual(syntaxAndLinkErrors(diagnostics).map(d => d.message), []);
    assert.deepEqual(canonicalLayoutEdits(document.parseResult.value, document.textDocument), [], 'the writer lays the model out as the formatter does');
    return diagnostics;
}

/** A Threat Dragon v2 model with one diagram of the given cells. */
export function threatDragonModel(cells: readonly object[]): object {
    return {
        version: '2.3.0', summary: { title: 'Model' },
        detail: { contributors: [], diagramTop: 1, reviewer: '', threatTop: 0, diagrams: [{ id: 0, title: 'D', diagramType: 'STRIDE', thumbnail: '', version: '2.3.0', cells }] },
    };
}
