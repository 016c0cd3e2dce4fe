// Bundles the language server, the CLI and the VS Code extension with esbuild.
// Every bundle is CommonJS (`.cjs`): VS Code loads extensions with require(), and a single-file
// CJS bundle starts faster than resolving langium's ESM graph at run time.
import * as esbuild from 'esbuild';

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    minify: true,
    logLevel: 'warning',
    // langium's ESM code reads import.meta.url in a few places; map it to the CJS equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * What is loaded only when needed, each in a file of its own next to the bundle that imports it
 * with import(). Start-up time is mostly reading and compiling the bundle, so what a run does not
 * use stays out of it: Graphviz (1.5 MB, its WebAssembly inlined) until a diagram is drawn, and
 * in the CLI everything behind `--help` and `--version` (Langium, the grammar, the commands).
 */
export const LAZY_BUNDLES = {
    '@viz-js/viz': 'viz.cjs',
    './commands.js': 'tml-commands.cjs',
};

/** Leaves the dynamic imports of {@link LAZY_BUNDLES} to require() their own file at run time. */
const lazyBundles = {
    name: 'lazy-bundles',
    setup(build) {
        build.onResolve({ filter: /.*/ }, args => {
            const file = args.kind === 'dynamic-import' ? LAZY_BUNDLES[args.path] : undefined;
            return file === undefined ? undefined : { path: `./${file}`, external: true };
        });
    },
};

const node = { ...common, plugins: [lazyBundles] };

await Promise.all([
    esbuild.build({ ...node, entryPoints: ['language-server/src/main.ts'], outfile: 'out/language-server/main.cjs' }),
    esbuild.build({ ...node, entryPoints: ['@viz-js/viz'], outfile: 'out/language-server/viz.cjs' }),
    esbuild.build({ ...node, entryPoints: ['language-server/src/cli/main.ts'], outfile: 'out/cli/tml.cjs' }),
    esbuild.build({ ...node, entryPoints: ['language-server/src/cli/commands.ts'], outfile: 'out/cli/tml-commands.cjs' }),
    esbuild.build({ ...node, entryPoints: ['@viz-js/viz'], outfile: 'out/cli/viz.cjs' }),
    esbuild.build({ ...common, entryPoints: ['extension/src/extension.ts'], outfile: 'out/extension/extension.cjs', external: ['vscode'] }),
    // The DFD preview's script runs in the webview (a browser page): its own IIFE bundle, no Node.
    esbuild.build({ entryPoints: ['extension/src/dfd-preview/webview/main.ts'], outfile: 'out/webview/dfd-preview.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, minify: true, logLevel: 'warning' }),
]);
