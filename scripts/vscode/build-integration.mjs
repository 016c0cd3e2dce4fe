// Bundles the integration suite into out/integration/index.cjs, and the models suite (examples/ as
// the workspace) into out/integration/models.cjs. VS Code's extension host loads the
// test module with require(), and this package is ESM ("type": "module"), so the suite's compiled
// .js files cannot be loaded as they are. `vscode` comes from the extension host and mocha from the
// repository's node_modules at run time.
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

await esbuild.build({
    absWorkingDir: root,
    entryPoints: { index: 'test/integration/suite/index.ts', models: 'test/integration/models-suite/index.ts' },
    outdir: 'out/integration',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
});
