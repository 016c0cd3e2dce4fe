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

/** The files `vsce package` puts into the .vsix: `vsce ls` applies the same rules without writing the archive. */
let listing: Promise<string[]> | undefined;
function packagedFiles(): Promise<string[]> {
    listing ??= promisify(execFile)(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT }).then(({ stdout }) => stdout.trim().split('\n').sort());
    return listing;
}

/** The relative targets of the links and images of a Markdown file, as paths from the repository root. */
function relativeTargets(markdownFile: string): string[] {
    const targets: string[] = [];
    const visit = (node: Nodes): void => {
        if ((node.type === 'image' || node.type === 'link') && !/^[a-z][a-z0-9+.-]*:|^#/i.test(node.url)) {
            targets.push(posix.join(posix.dirname(markdownFile), decodeURI(node.url.split('#')[0] ?? '')));
        }
        if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(readFileSync(`${ROOT}${markdownFile}`, 'utf8')));
    return targets;
}

describe('the .vsix package (.vscodeignore)', () => {
    it('holds only the bundles, the grammar, the language configuration, the documents and their images', async () => {
        assert.deepEqual(await packagedFiles(), [
            'LICENSE',
            'README.md',
            'docs/dfd.md',
            'docs/images/dfd-preview.png',
            'docs/images/quick-fix.png',
            'docs/images/threat-table-html.png',
            'docs/threat-table.md',
            'language-configuration.json',
            'out/extension/extension.cjs',
            'out/language-server/main.cjs',
            'out/webview/dfd-preview.js',
            'package.json',
            'syntaxes/threat-model.tmLanguage.json',
        ]);
    });

    it('holds every image and document the README refers to, and theirs, so the extension page shows them', async () => {
        const packaged = new Set(await packagedFiles());
        const missing: string[] = [];
        const seen = new Set<string>();
        const queue = ['README.md'];
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
            for (const target of relativeTargets(file)) {
                if (seen.has(target)) continue;
                seen.add(target);
                if (!packaged.has(target)) missing.push(`${target} (from ${file})`);
                else if (target.endsWith('.md')) queue.push(target);
            }
        }
        assert.deepEqual(missing, []);
        assert.ok(seen.has('docs/images/quick-fix.png') && seen.has('docs/images/threat-table-html.png'), [...seen].join(', '));
    });

    it('is packaged with the README\'s links kept relative and without a repository (npm run package)', () => {
        const manifest = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string>; repository?: unknown };
        assert.equal(manifest.repository, undefined, 'tml has no public repository; a made-up one would be worse than none');
        assert.match(manifest.scripts.package ?? '', / --no-rewrite-relative-links --allow-missing-repository /);
    });
});
