// Bundles the language server, the CLI and the VS Code extension with esbuild.
// Every bundle is CommonJS (`.cjs`): VS Code loads extensions with require(), and a single-file
// CJS bundle starts faster than resolving langium's ESM graph at run time.
import { mkdirSync, writeFileSync } from 'node:fs';
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
    // What each bundle is made of, for the third-party notices (scripts/third-party-notices.mjs).
    metafile: true,
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
    // The language server's entry (start-server.ts) installs the code cache, then loads the server.
    './main.js': 'server.cjs',
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

/**
 * CommonJS packages that many of the bundle's ES modules import: esbuild gives each importing
 * module its own copy of the package's exports (its `__toESM`), which for vscode-languageserver
 * (28 importers, a thousand exports with the protocol's) was 15 ms of every start-up. Imported
 * through one ES module that re-exports the package, they are copied once.
 */
export const SHARED_COMMONJS = ['vscode-languageserver', 'vscode-languageserver-protocol'];

/** Resolves every import of a {@link SHARED_COMMONJS} package to one module that re-exports it. */
const sharedCommonJs = {
    name: 'shared-commonjs',
    setup(build) {
        const filter = new RegExp(`^(${SHARED_COMMONJS.join('|')})$`);
        build.onResolve({ filter }, args => (args.kind !== 'import-statement' || args.namespace === 'shared-commonjs' ? undefined : { path: args.path, namespace: 'shared-commonjs' }));
        build.onLoad({ filter: /.*/, namespace: 'shared-commonjs' }, args => ({ contents: `export * from '${args.path}';`, resolveDir: process.cwd(), loader: 'js' }));
    },
};

/**
 * Node bundles load them with require(): left as import(), Node would read each through its ESM
 * loader, which first scans the whole CommonJS file for its export names (about 0.1 s of CPU for
 * the commands and as much for Graphviz, on every command that loads them).
 */
const node = { ...common, plugins: [lazyBundles, sharedCommonJs], supported: { 'dynamic-import': false } };

/** The bundles by the name of their metafile in out/meta/, in the order built. */
const BUNDLE_NAMES = ['language-server-start', 'language-server', 'language-server-viz', 'cli', 'cli-commands', 'cli-viz', 'extension', 'webview'];
const results = await Promise.all([
    esbuild.build({ ...node, entryPoints: ['language-server/src/start-server.ts'], outfile: 'out/language-server/main.cjs' }),
    esbuild.build({ ...node, entryPoints: ['language-server/src/main.ts'], outfile: 'out/language-server/server.cjs' }),
    esbuild.build({ ...node, entryPoints: ['@viz-js/viz'], outfile: 'out/language-server/viz.cjs' }),
    esbuild.build({ ...node, entryPoints: ['language-server/src/cli/main.ts'], outfile: 'out/cli/tml.cjs' }),
    esbuild.build({ ...node, entryPoints: ['language-server/src/cli/commands.ts'], outfile: 'out/cli/tml-commands.cjs' }),
    esbuild.build({ ...node, entryPoints: ['@viz-js/viz'], outfile: 'out/cli/viz.cjs' }),
    esbuild.build({ ...common, entryPoints: ['extension/src/extension.ts'], outfile: 'out/extension/extension.cjs', external: ['vscode'] }),
    // The DFD preview's script runs in the webview (a browser page): its own IIFE bundle, no Node.
    esbuild.build({ entryPoints: ['extension/src/dfd-preview/webview/main.ts'], outfile: 'out/webview/dfd-preview.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, minify: true, logLevel: 'warning', metafile: true }),
]);
mkdirSync('out/meta', { recursive: true });
BUNDLE_NAMES.forEach((name, i) => writeFileSync(`out/meta/${name}.json`, JSON.stringify(results[i].metafile)));
const { bundledPackageFolders, noticesText, NOTICES_FILE } = await import('./third-party-notices.mjs');
writeFileSync(NOTICES_FILE, noticesText(bundledPackageFolders()));
