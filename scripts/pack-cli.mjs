// `npm run pack:cli`: the npm package of the `tml` CLI and `tml-language-server`, for
// `npm install -g ./tml-<version>.tgz` on a machine with nothing but Node 20 (docs/ci.md).
//
//   node scripts/pack-cli.mjs [--out FOLDER]      # after `npm run build`; prints the tarball's path
//
// The repository's package.json is the VS Code extension's manifest: it stays `private` (vsce) and
// lists the libraries the esbuild bundles are made of as dependencies. The bundles need none of
// them at run time (Graphviz's WebAssembly is inside out/cli/viz.cjs too), so the CLI package is
// staged in out/cli-package/ with a manifest of its own, without dependencies, and packed from there.
// The package.json `files` field cannot do this: vsce refuses a manifest with both `files` and a
// .vscodeignore.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAGE = join(ROOT, 'out', 'cli-package');

/** What the package holds, from the repository: the two commands, the two bundles they load, the licences and the README. */
export const CLI_PACKAGE_FILES = [
    'bin/tml.cjs',
    'bin/tml-language-server.cjs',
    'out/cli/tml.cjs',
    'out/cli/tml-commands.cjs',
    'out/cli/viz.cjs',
    'out/language-server/main.cjs',
    'out/language-server/server.cjs',
    'out/language-server/viz.cjs',
    'out/THIRD-PARTY-NOTICES.txt',
    'LICENSE',
    'README.md',
];

/** The CLI package's manifest, made from the extension's: same name and version, the commands, no dependencies. */
export function cliManifest(manifest) {
    return {
        name: manifest.name,
        version: manifest.version,
        description: 'The tml command line (check, table, dfd, report) and tml-language-server: threat modeling as code, STRIDE per element and DREAD risk for *.tm files.',
        license: manifest.license,
        keywords: manifest.keywords,
        engines: { node: manifest.engines.node },
        bin: manifest.bin,
        files: CLI_PACKAGE_FILES.filter(file => file.startsWith('bin/') || file.startsWith('out/')),
    };
}

/** Stages the package and runs `npm pack` on it; returns the tarball's path. */
export function packCli(outFolder = ROOT) {
    const missing = CLI_PACKAGE_FILES.filter(file => !existsSync(join(ROOT, file)));
    if (missing.length > 0) throw new Error(`missing ${missing.join(', ')}: run 'npm run build' first`);
    rmSync(STAGE, { recursive: true, force: true });
    for (const file of CLI_PACKAGE_FILES) {
        mkdirSync(dirname(join(STAGE, file)), { recursive: true });
        copyFileSync(join(ROOT, file), join(STAGE, file));
    }
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    writeFileSync(join(STAGE, 'package.json'), `${JSON.stringify(cliManifest(manifest), null, 2)}\n`);
    mkdirSync(outFolder, { recursive: true });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['pack', '--json', '--pack-destination', resolve(outFolder)], { cwd: STAGE, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm pack exited with ${result.status ?? result.signal}:\n${result.stderr}`);
    const [packed] = JSON.parse(result.stdout);
    return join(resolve(outFolder), packed.filename);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const outAt = process.argv.indexOf('--out');
    try {
        console.log(packCli(outAt > 0 ? process.argv[outAt + 1] : ROOT));
    } catch (error) {
        console.error(`pack-cli: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}
