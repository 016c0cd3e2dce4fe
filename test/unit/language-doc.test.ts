import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareWithMarkers, readFindingMarkers } from './helpers/finding-markers.js';
import { checkModel, syntaxAndLinkErrors } from './helpers/workspace.js';

/**
 * docs/language.md is the language reference: every ```tml block in it parses and links with no
 * error, and every ```tml findings block gives exactly the findings marked under its lines (markers
 * as in test/fixtures/validation/README.md) among the codes it marks.
 */
const DOC = readFileSync(fileURLToPath(new URL('../../../../docs/language.md', import.meta.url)), 'utf8');

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
});
