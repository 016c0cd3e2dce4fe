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

const results = await Promise.all([
    esbuild.build({ ...common, entryPoints: ['language-server/src/main.ts'], outfile: 'out/language-server/main.cjs' }),
    esbuild.build({ ...common, entryPoints: ['language-server/src/cli/main.ts'], outfile: 'out/cli/tml.cjs' }),
    esbuild.build({ ...common, entryPoints: ['extension/src/extension.ts'], outfile: 'out/extension/extension.cjs', external: ['vscode'] }),
    // The DFD preview's script runs in the webview (a browser page): its own IIFE bundle, no Node.
    esbuild.build({ entryPoints: ['extension/src/dfd-preview/webview/main.ts'], outfile: 'out/webview/dfd-preview.js', bundle: true, platform: 'browser', format: 'iife', target: 'es2022', sourcemap: true, minify: true, logLevel: 'warning', metafile: true }),
]);
mkdirSync('out/meta', { recursive: true });
['language-server', 'cli', 'extension', 'webview'].forEach((name, i) => writeFileSync(`out/meta/${name}.json`, JSON.stringify(results[i].metafile)));
const { bundledPackageFolders, noticesText, NOTICES_FILE } = await import('./third-party-notices.mjs');
writeFileSync(NOTICES_FILE, noticesText(bundledPackageFolders()));
