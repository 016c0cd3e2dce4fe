/**
 * The models suite's entry point (docs/language.md#models-in-a-workspace), run in VS Code's extension host with a copy of
 * the repository's examples/ folder as the workspace (test/integration/run-models.ts). Bundled to
 * out/integration/models.cjs by scripts/vscode/build-integration.mjs.
 */
import { runSpecs } from '../suite/run-specs.js';

export function run(): Promise<void> {
    return runSpecs('models suite', async () => {
        await import('./models.test.js');
    });
}
