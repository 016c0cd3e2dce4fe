// Writes out/THIRD-PARTY-NOTICES.txt: every npm package the esbuild bundles contain, with its
// version, licence and licence text, for the .vsix and the CLI package. The packages are read from
// the bundles' esbuild metafiles (out/meta/*.json, written by scripts/bundle.mjs), so the list is
// exactly what ships; test/unit/third-party-notices.test.ts checks it against the metafiles.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const META_FOLDER = join(ROOT, 'out', 'meta');
export const NOTICES_FILE = join(ROOT, 'out', 'THIRD-PARTY-NOTICES.txt');

/**
 * Code that a bundled package carries inside it without a package of its own: Graphviz and the
 * libraries it is built with, compiled to WebAssembly in @viz-js/viz.
 */
export const EMBEDDED = {
    '@viz-js/viz': [
        'Graphviz (https://graphviz.org, source at https://gitlab.com/graphviz/graphviz), compiled to WebAssembly: Eclipse Public License 1.0 (https://www.eclipse.org/legal/epl-v10.html).',
        'Expat (https://libexpat.github.io), compiled to WebAssembly with Graphviz: MIT License.',
    ],
};

/** The folder of the package a bundled input file belongs to (`node_modules/@scope/name`, nested ones too). */
export function packageFolderOf(input) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll('\\', '/'));
    return match ? match[1] : undefined;
}

/** The package folders of every input of the bundles' metafiles, each once, sorted. */
export function bundledPackageFolders(metaFolder = META_FOLDER) {
    const folders = new Set();
    for (const file of readdirSync(metaFolder).filter(f => f.endsWith('.json')).sort()) {
        const meta = JSON.parse(readFileSync(join(metaFolder, file), 'utf8'));
        for (const input of Object.keys(meta.inputs)) {
            const folder = packageFolderOf(input);
            if (folder) folders.add(folder);
        }
    }
    return [...folders].sort();
}

const LICENCE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i;

/** A package's name, version, licence (SPDX expression of its package.json) and licence text, if it ships one. */
export function describePackage(folder) {
    const manifest = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(join(ROOT, folder)).find(f => LICENCE_FILE.test(f));
    const license = typeof manifest.license === 'string' ? manifest.license : manifest.license?.type ?? 'UNKNOWN';
    return {
        name: manifest.name,
        version: manifest.version,
        license,
        text: licenceFile ? readFileSync(join(ROOT, folder, licenceFile), 'utf8').trim() : undefined,
    };
}

/** The notices file's text. */
export function noticesText(folders) {
    const packages = folders.map(describePackage);
    const seen = new Set();
    const unique = packages
        .filter(p => (seen.has(`${p.name}@${p.version}`) ? false : seen.add(`${p.name}@${p.version}`)))
        .sort((a, b) => (a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1));
    const rule = '-'.repeat(78);
    return [
        'THIRD-PARTY NOTICES',
        '',
        'tml (the VS Code extension, the tml CLI and tml-language-server) bundles the following',
        'open-source packages. Each is listed with its version and licence, then its licence text',
        'as the package ships it.',
        '',
        ...unique.map(p => `- ${p.name} ${p.version}: ${p.license}`),
        '',
        ...unique.flatMap(p => [
            rule,
            `${p.name} ${p.version} (${p.license})`,
            ...(EMBEDDED[p.name] ?? []).map(line => `Also contains: ${line}`),
            '',
            p.text ?? `The package ships no licence file; its package.json gives the licence ${p.license}.`,
            '',
        ]),
    ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    if (!existsSync(META_FOLDER)) {
        console.error('third-party-notices: out/meta is missing: run npm run bundle first');
        process.exit(1);
    }
    writeFileSync(NOTICES_FILE, noticesText(bundledPackageFolders()));
}
