import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { csvRecord, escapeCsvField, neutraliseFormula } from '../../language-server/src/generator/escape-csv.js';
import { escapeHtml } from '../../language-server/src/generator/escape-html.js';
import { escapeMarkdownCell, escapeMarkdownText } from '../../language-server/src/generator/escape-markdown.js';
import { normaliseText } from '../../language-server/src/generator/table-cells.js';
import { displayText, visibleText } from '../../language-server/src/model/visible-text.js';
import { modelText, PROPERTY_RUNS } from './table-arbitraries.js';
import { CSV_FORMULA, htmlTexts, parseCsvRecords, parseHtmlTable, parseMarkdownTables } from './table-parse-back.js';

/** What any Markdown parser makes of the text: one kind of line break, invisible characters as tml shows them. */
function asMarkdownReadsIt(text: string): string {
    return displayText(text);
}

describe('cell escaping', () => {
    describe('Markdown', () => {
        it('escapes pipes, backslashes, backticks, brackets and the rest of the inline syntax', () => {
            assert.equal(escapeMarkdownCell('a|b\\c`d[e](f)*g*_h_~i~<j>&k#l'), 'a\\|b\\\\c\\`d\\[e\\](f)\\*g\\*\\_h\\_\\~i\\~\\<j\\>\\&k\\#l');
        });

        it('turns every kind of line break into <br> and keeps edge whitespace as character references', () => {
            assert.equal(escapeMarkdownCell('a\nb\r\nc\rd'), 'a<br>b<br>c<br>d');
            assert.equal(escapeMarkdownCell(' \ta b\t '), '&#32;&#9;a b&#9;&#32;');
            assert.equal(escapeMarkdownCell(''), '');
        });

        it('escapes what would start a block in a paragraph', () => {
            assert.deepEqual(['- item', '+ item', '=== x', '12. x', '3) x', '> q', '# h', 'plain'].map(escapeMarkdownText),
                ['\\- item', '\\+ item', '\\=== x', '12\\. x', '3\\) x', '\\> q', '\\# h', 'plain']);
        });

        it('reads back, with a GFM table parser, as the original text in its own column', () => {
            fc.assert(fc.property(modelText, text => {
                const markdown = `| a | b | c |\n| --- | --- | --- |\n| x | ${escapeMarkdownCell(text)} | y |\n`;
                assert.deepEqual(parseMarkdownTables(markdown), [[['a', 'b', 'c'], ['x', asMarkdownReadsIt(text), 'y']]]);
            }), { numRuns: PROPERTY_RUNS });
        });
    });

    describe('CSV', () => {
        it('quotes every field, doubles quotes and neutralises formula triggers with a leading quote', () => {
            assert.equal(escapeCsvField('a "b", c'), '"a ""b"", c"');
            assert.deepEqual(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a=1', ''].map(neutraliseFormula),
                ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", 'a=1', '']);
            assert.equal(csvRecord(['a', 'b\nc']), '"a","b\nc"\r\n');
        });

        it('reads back, with a CSV parser, as the original text after the neutralising quote, never starting with a trigger', () => {
            fc.assert(fc.property(modelText, modelText, (first, second) => {
                const [record, ...others] = parseCsvRecords(csvRecord([first, 'x', second]));
                assert.deepEqual(others, []);
                const neutralised = (text: string): string => (CSV_FORMULA.test(visibleText(text)) ? `'${visibleText(text)}` : visibleText(text));
                assert.deepEqual(record, [neutralised(first), 'x', neutralised(second)]);
                for (const field of record ?? []) assert.doesNotMatch(field, CSV_FORMULA);
            }), { numRuns: PROPERTY_RUNS });
        });
    });

    describe('HTML', () => {
        it('escapes the five special characters', () => {
            assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
        });

        it('reads back, with an HTML parser, as the original text, in content and in attributes', () => {
            fc.assert(fc.property(modelText, raw => {
                const text = normaliseText(raw);
                const html = `<!DOCTYPE html><title>${escapeHtml(text)}</title><table id="t"><tr><td title="${escapeHtml(text)}">${escapeHtml(text)}</td></tr></table>`;
                assert.deepEqual(parseHtmlTable(html, 't'), [[text]]);
                assert.deepEqual(htmlTexts(html, 'title'), [text]);
            }), { numRuns: PROPERTY_RUNS });
        });

        it('never lets a < of the text through', () => {
            fc.assert(fc.property(modelText, text => {
                assert.ok(!escapeHtml(text).includes('<'));
            }), { numRuns: PROPERTY_RUNS });
        });
    });
});
