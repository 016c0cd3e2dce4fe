import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Written by `npm run bundle` (scripts/bundle.mjs, scripts/third-party-notices.mjs). */
const NOTICES = `${ROOT}out/THIRD-PARTY-NOTICES.txt`;
const META = `${ROOT}out/meta/`;

interface Metafile {
    readonly inputs: Readonly<Record<string, unknown>>;
}

/** `name version: licence` of every npm package an input of the bundles comes from, read here independently of the script. */
function bundledPackages(): string[] {
    const lines = new Set<string>();
    for (const file of readdirSync(META)) {
        const meta = JSON.parse(readFileSync(`${META}${file}`, 'utf8')) as Metafile;
        for (const input of Object.keys(meta.inputs)) {
            const folder = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
            if (!folder) continue;
            const manifest = JSON.parse(readFileSync(`${ROOT}${folder}/package.json`, 'utf8')) as { name: string; version: string; license: string };
            lines.add(`- ${manifest.name} ${manifest.version}: ${manifest.license}`);
        }
    }
    return [...lines].sort();
}

describe('THIRD-PARTY-NOTICES (out/THIRD-PARTY-NOTICES.txt, in the .vsix and the CLI package)', () => {
    it('is made from the metafiles of every bundle that ships', () => {
        assert.deepEqual(readdirSync(META).sort(), ['cli-commands.json', 'cli-viz.json', 'cli.json', 'extension.json', 'language-server-start.json', 'language-server-viz.json', 'language-server.json', 'webview.json']);
    });

    it('lists every package the bundles contain, with its version and licence, and nothing else', () => {
        const listed = readFileSync(NOTICES, 'utf8').split('\n').filter(line => line.startsWith('- ')).sort();
        const expected = bundledPackages();
        assert.deepEqual(listed, expected);
        assert.ok(expected.some(line => line.startsWith('- @viz-js/viz ')) && expected.some(line => line.startsWith('- langium ')), 'the DFD renderer and langium are bundled');
        assert.deepEqual(expected.filter(line => /: (UNKNOWN|undefined)$/.test(line)), [], 'every bundled package states its licence');
    });

    it('names Graphviz, compiled into @viz-js/viz, with its Eclipse Public License', () => {
        const text = readFileSync(NOTICES, 'utf8');
        assert.match(text, /^@viz-js\/viz [\d.]+ \(MIT\)\nAlso contains: Graphviz \(https:\/\/graphviz\.org, source at https:\/\/gitlab\.com\/graphviz\/graphviz\), compiled to WebAssembly: Eclipse Public License 1\.0/m);
    });
});
