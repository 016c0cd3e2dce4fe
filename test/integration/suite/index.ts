/**
 * The integration suite's entry point, loaded by VS Code's extension host (with require(), hence
 * bundled to out/integration/index.cjs by scripts/vscode/build-integration.mjs). `run()` is the
 * convention @vscode/test-electron and the `extensionTestsPath` payload both use; when it settles,
 * the extension host exits.
 */
import { runSpecs } from './run-specs.js';

export function run(): Promise<void> {
    return runSpecs('integration suite', async () => {
        // In the order they run: which extension is under test, then activation, while it is still inactive.
        await import('./installed-extension.test.js');
        await import('./activation.test.js');
        await import('./diagnostics.test.js');
        await import('./commands.test.js');
        await import('./editing.test.js');
        await import('./dfd-preview.test.js');
        await import('./threat-table.test.js');
        await import('./bug-links.test.js');
        await import('./rules.test.js');
        await import('./import-export.test.js');
        // Last: it opens a model from outside the fixture workspace.
        await import('./staleness.test.js');
    });
}
