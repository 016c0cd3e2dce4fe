import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareWithMarkers, readFindingMarkers } from './helpers/finding-markers.js';
import { checkModel, syntaxAndLinkErrors } from './helpers/workspace.js';

/**
 * docs/language.md is the language reference: every ```tml block in it parses and links with no
 * error, and every ```tml findings block gives exactly the findings marked under its lines (markers
 * as in test/fixtures/validation/README.md) among the codes it marks.
 */
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DOC = readFileSync(join(REPO_ROOT, 'docs/language.md'), 'utf8');

interface Snippet { readonly line: number; readonly text: string; readonly findings: boolean }

function snippets(markdown: string): Snippet[] {
    const found: Snippet[] = [];
    const lines = markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const fence = /^```tml( findings)?$/.exec(lines[i]!);
        if (!fence) continue;
        const end = lines.indexOf('```', i + 1);
        found.push({ line: i + 1, text: lines.slice(i + 1, end).join('\n'), findings: fence[1] !== undefined });
        i = end;
    }
    return found;
}

describe('docs/language.md', () => {
    it('has tml blocks, some of them with findings', () => {
        const all = snippets(DOC);
        assert.ok(all.length >= 5 && all.some(s => s.findings), `${all.length} blocks`);
    });

    for (const snippet of snippets(DOC)) {
        it(`the block at line ${snippet.line} parses and links${snippet.findings ? ', and gives exactly its marked findings' : ''}`, async () => {
            const { diagnostics } = await checkModel(snippet.text);
            assert.deepEqual(syntaxAndLinkErrors(diagnostics).map(d => d.message), []);
            if (!snippet.findings) return;
            const markers = readFindingMarkers(snippet.text);
            const marked = new Set(markers.expected.map(e => e.code));
            const { actual, expected } = compareWithMarkers({ ...markers, compares: code => marked.has(code) }, diagnostics);
            assert.deepEqual(actual, expected);
        });
    }

    it('has every section that a comment of the code points to (docs/*.md#… and README.md#…)', () => {
        const anchorsOf = new Map<string, Set<string>>();
        const anchors = (file: string): Set<string> => {
            let known = anchorsOf.get(file);
            if (!known) anchorsOf.set(file, known = headingAnchors(readFileSync(join(REPO_ROOT, file), 'utf8')));
            return known;
        };
        const broken = sourceFiles(['language-server/src', 'extension/src', 'test', 'scripts']).flatMap(path =>
            [...readFileSync(join(REPO_ROOT, path), 'utf8').matchAll(/\b(docs\/[\w-]+\.md|README\.md)#([\w-]+)/g)]
                .filter(([, file, anchor]) => !anchors(file!).has(anchor!))
                .map(([pointer]) => `${path}: ${pointer}`));
        assert.deepEqual(broken, []);
    });

    it('is what the product code points to: no comment points outside the repository (DESIGN.md, an issue number)', () => {
        const outside = sourceFiles(['language-server/src', 'extension/src']).flatMap(path =>
            readFileSync(join(REPO_ROOT, path), 'utf8').split('\n').flatMap((line, i) =>
                /DESIGN\.md|\bissue \d+/.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : []));
        assert.deepEqual(outside, []);
    });
});

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as dashes. */
function headingAnchors(markdown: string): Set<string> {
    return new Set([...markdown.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
        heading!.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
}

/** The source files below the folders (repository-relative), fixtures and generated code left out. */
function sourceFiles(folders: readonly string[]): string[] {
    return folders.flatMap(folder => readdirSync(join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })
        .map(name => `${folder}/${name.split('\\').join('/')}`)
        .filter(path => /\.(ts|mjs|langium|tm)$/.test(path) && !path.includes('/fixtures/') && !path.includes('/generated/')));
}
