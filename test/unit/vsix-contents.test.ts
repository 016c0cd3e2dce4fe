import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const VSCE = createRequire(import.meta.url).resolve('@vscode/vsce/vsce');
/** The README that goes into the .vsix (scripts/vsix-readme.mjs, run by `npm run build`), as `npm run package` names it. */
const PACKAGED_README = 'out/vsix/README.md';

/** The files `vsce package` puts into the .vsix: `vsce ls` applies the same rules without writing the archive. */
let listing: Promise<string[]> | undefined;
function packagedFiles(): Promise<string[]> {
    listing ??= promisify(execFile)(process.execPath, [VSCE, 'ls', '--no-dependencies', '--readme-path', PACKAGED_README], { cwd: ROOT }).then(({ stdout }) => stdout.trim().split('\n').sort());
    return listing;
}

/** The images and links of a Markdown file, in order. */
function linksOf(markdownFile: string): { type: 'image' | 'link'; url: string }[] {
    const found: { type: 'image' | 'link'; url: string }[] = [];
    const visit = (node: Nodes): void => {
        if (node.type === 'image' || node.type === 'link') found.push({ type: node.type, url: node.url });
        if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(readFileSync(`${ROOT}${markdownFile}`, 'utf8')));
    return found;
}

const isRelative = (url: string): boolean => !/^[a-z][a-z0-9+.-]*:|^#/i.test(url);

/** The relative targets of the links and images of a Markdown file, as paths from `base`. */
function relativeTargets(markdownFile: string, base = posix.dirname(markdownFile)): string[] {
    return linksOf(markdownFile).filter(l => isRelative(l.url)).map(l => posix.join(base, decodeURI(l.url.split('#')[0] ?? '')));
}

describe('the .vsix package (.vscodeignore)', () => {
    it('holds only the bundles, the grammar, the language configuration, the documents and their images', async () => {
        assert.deepEqual(await packagedFiles(), [
            'LICENSE',
            'docs/ci.md',
            'docs/dfd.md',
            'docs/editors.md',
            'docs/images/dfd-preview.png',
            'docs/images/dfd-web-shop.png',
            'docs/images/new-threat-model.png',
            'docs/images/quick-fix.png',
            'docs/images/threat-table-html.png',
            'docs/interop.md',
            'docs/rules.md',
            'docs/technology.md',
            'docs/threat-table.md',
            'language-configuration.json',
            'media/file-dark.svg',
            'media/file-light.svg',
            'media/icon.png',
            'out/THIRD-PARTY-NOTICES.txt',
            'out/extension/extension.cjs',
            'out/language-server/main.cjs',
            'out/language-server/server.cjs',
            'out/language-server/viz.cjs',
            'out/vsix/README.md',
            'out/webview/dfd-preview.js',
            'package.json',
            'syntaxes/threat-model.tmLanguage.json',
        ]);
    });

    it('shows the README\'s images inlined, since VS Code\'s extension page loads images only from https: and data:', () => {
        const shown = linksOf('README.md').filter(l => l.type === 'image').map(l => l.url);
        const packaged = linksOf(PACKAGED_README).filter(l => l.type === 'image').map(l => l.url);
        assert.deepEqual(shown, ['docs/images/syntax-error.png', 'docs/images/quick-fix.png', 'docs/images/dfd-preview.png', 'docs/images/dfd-web-shop.png', 'docs/images/threat-table.png', 'docs/images/report-preview.png']);
        assert.deepEqual(packaged, shown.map(file => `data:image/png;base64,${readFileSync(`${ROOT}${file}`).toString('base64')}`));
        const text = (file: string) => readFileSync(`${ROOT}${file}`, 'utf8').replace(/!\[([^\]]*)\]\([^)]*\)/g, '![$1]()');
        assert.equal(text(PACKAGED_README), text('README.md'), 'the packaged README differs from README.md in more than its images');
    });

    it('holds every document the packaged README links to, and what those show and link to', async () => {
        const packaged = new Set(await packagedFiles());
        const missing: string[] = [];
        const seen = new Set<string>();
        // The packaged README becomes the extension's readme.md, at the root of the extension.
        const queue: [string, string][] = [[PACKAGED_README, '.']];
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
            const [file, base] = next;
            for (const target of relativeTargets(file, base)) {
                if (seen.has(target)) continue;
                seen.add(target);
                if (!packaged.has(target)) missing.push(`${target} (from ${file})`);
                else if (target.endsWith('.md')) queue.push([target, posix.dirname(target)]);
            }
        }
        assert.deepEqual(missing, []);
        assert.deepEqual([...seen].sort(), ['docs/ci.md', 'docs/dfd.md', 'docs/editors.md', 'docs/images/dfd-preview.png', 'docs/images/dfd-web-shop.png', 'docs/images/threat-table-html.png', 'docs/interop.md', 'docs/rules.md', 'docs/technology.md', 'docs/threat-table.md']);
    });

    it('is packaged with that README, its links kept relative, and without a repository (npm run package)', () => {
        const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string>; repository?: unknown };
        assert.equal(manifest.repository, undefined, 'tml has no public repository; a made-up one would be worse than none');
        assert.equal(manifest.scripts.package, 'npm run build && node scripts/package-vsix.mjs');
        const script = readFileSync(`${ROOT}scripts/package-vsix.mjs`, 'utf8');
        assert.ok(script.includes(`'--readme-path', '${PACKAGED_README}', '--no-rewrite-relative-links', '--allow-missing-repository'`), 'scripts/package-vsix.mjs passes vsce these options');
    });
});
