/**
 * Invisible characters: the one visible form every output gives them, the hint on
 * the strings and comments that hold them, how the lexer reads them, and CSV formulas behind
 * whitespace.
 */
import * as assert from 'node:assert/strict';
import { neutraliseFormula } from '../../language-server/src/generator/escape-csv.js';
import { describeCodePoint, displayText, invisibleCodePoints, visibleText } from '../../language-server/src/model/visible-text.js';
import { checkModel, describeFinding, syntaxAndLinkErrors } from './helpers/workspace.js';

const RLO = '\u202E';

async function invisibleFindings(text: string): Promise<string[]> {
    const { diagnostics } = await checkModel(text);
    return diagnostics.filter(d => d.code === 'tm/invisible-character').map(d => `${describeFinding(d)} ${d.severity} ${d.message}`);
}

describe('invisible characters', () => {
    describe('visibleText', () => {
        it('writes bidirectional controls, zero-width characters, separators and controls as <U+XXXX>', () => {
            assert.equal(visibleText(`a${RLO}b`), 'a<U+202E>b');
            assert.equal(visibleText('\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C'),
                '<U+202A><U+202B><U+202C><U+202D><U+2066><U+2067><U+2068><U+2069><U+200E><U+200F><U+061C>');
            assert.equal(visibleText('\u200B\u200C\u200D\u2060\uFEFF\u00AD'), '<U+200B><U+200C><U+200D><U+2060><U+FEFF><U+00AD>');
            assert.equal(visibleText('\u2028\u2029'), '<U+2028><U+2029>');
            assert.equal(visibleText('\u0000\u0007\u001B\u007F\u0085\u009B'), '<U+0000><U+0007><U+001B><U+007F><U+0085><U+009B>');
            assert.equal(visibleText('\u{E0041}\uD800\uFFFE'), '<U+E0041><U+D800><U+FFFE>');
        });

        it('keeps tab, line breaks, visible text, emoji and surrogate pairs as they are, and changes nothing the second time', () => {
            const text = 'tab\there\nline\r\nbreak\rx é 漢字 😀 <U+202E> \u00A0';
            assert.equal(visibleText(text), text);
            const once = visibleText(`x${RLO}\u0000y`);
            assert.equal(visibleText(once), once);
        });

        it('gives every ASCII character alone and among printable ones the same form (a printable text is returned as it is)', () => {
            for (let code = 0; code < 0x80; code++) {
                const c = String.fromCharCode(code);
                const shown = (code >= 0x20 && code < 0x7f) || c === '\t' || c === '\n' || c === '\r' ? c : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
                assert.equal(visibleText(c), shown, `U+${code}`);
                assert.equal(visibleText(`Orders ${c} DB`), `Orders ${shown} DB`, `U+${code} in text`);
            }
            assert.equal(visibleText(''), '');
        });

        it('normalises line breaks for display, and lists each character once, in order', () => {
            assert.equal(displayText(`a\r\nb\rc${RLO}`), 'a\nb\nc<U+202E>');
            assert.equal(displayText(undefined), '');
            assert.deepEqual(invisibleCodePoints(`${RLO}a\u200B${RLO}`), [0x202e, 0x200b]);
            assert.deepEqual([0x202e, 0, 0x7, 0xe0041].map(describeCodePoint),
                ['U+202E (right-to-left override)', 'U+0000 (null)', 'U+0007 (control character)', 'U+E0041 (invisible formatting character)']);
        });
    });

    describe('tm/invisible-character', () => {
        it('is a hint on the string, naming the declaration, the property and each character', async () => {
            assert.deepEqual(await invisibleFindings(`threat T "a${RLO}b\u200Bc${RLO}" { description "fine" bug "x\u0000" }\n`), [
                'tm/invisible-character @1:10-1:18 4 The title of threat \'T\' contains U+202E (right-to-left override) and U+200B (zero width space), which changes how the text displays without being seen. Remove it, or write what you mean in visible characters.',
                'tm/invisible-character @1:44-1:48 4 The bug of threat \'T\' contains U+0000 (null), which changes how the text displays without being seen. Remove it, or write what you mean in visible characters.',
            ]);
        });

        it('names the exclude and the threat tree by what they belong to', async () => {
            const text = [
                'process P "p"',
                `threat T "t" { tree { or "a${RLO}" { leaf "b" } } }`,
                `exclude Tampering on P "r\u2066"`,
                '',
            ].join('\n');
            assert.deepEqual((await invisibleFindings(text)).map(f => f.replace(/, which.*/, '')), [
                'tm/invisible-character @2:26-2:30 4 A title in the threat tree of threat \'T\' contains U+202E (right-to-left override)',
                'tm/invisible-character @3:24-3:28 4 The reason of the exclude of Tampering contains U+2066 (left-to-right isolate)',
            ]);
        });

        it('is reported on a comment that holds a bidirectional control (Trojan Source)', async () => {
            const text = `process P "p" // ok\n/* x ${RLO} } */ process Q "q"\n// ${'\u2067'}\n`;
            assert.deepEqual(await invisibleFindings(text), [
                'tm/invisible-character @2:1-2:12 4 This comment contains U+202E (right-to-left override), which changes how the text displays without being seen: it can make code read as a comment, or a comment as code. Remove it.',
                'tm/invisible-character @3:1-3:5 4 This comment contains U+2067 (right-to-left isolate), which changes how the text displays without being seen: it can make code read as a comment, or a comment as code. Remove it.',
            ]);
        });

        it('is reported on a comment in a file that holds nothing else', async () => {
            assert.deepEqual((await invisibleFindings(`/* ${RLO} */\n`)).map(f => f.replace(/, which.*/, '')), ['tm/invisible-character @1:1-1:8 4 This comment contains U+202E (right-to-left override)']);
        });

        it('names at most five characters and counts the others', async () => {
            const [finding] = await invisibleFindings('asset A "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0001"\n');
            assert.equal(finding, 'tm/invisible-character @1:9-1:19 4 The title of asset \'A\' contains U+0001 (control character), U+0002 (control character), '
                + 'U+0003 (control character), U+0004 (control character), U+0005 (control character) and 2 other invisible characters, '
                + 'which changes how the text displays without being seen. Remove it, or write what you mean in visible characters.');
        });

        it('is not reported for escapes, which are visible in the source, nor for tab and visible text', async () => {
            assert.deepEqual(await invisibleFindings('threat T "a\\0b\\n\\tc\té 😀" // café\n'), []);
        });
    });

    describe('the lexer', () => {
        it('allows U+2028, NUL and U+202E inside a string, and reads U+2028 and U+FEFF between tokens as white space', async () => {
            const { diagnostics, document } = await checkModel(`\uFEFFprocess P "a\u2028b\u0000c${RLO}"\u2028process Q "q"\n`);
            assert.deepEqual(syntaxAndLinkErrors(diagnostics), []);
            assert.deepEqual(document.parseResult.value.declarations.map(d => ('title' in d ? d.title : undefined)), [`a\u2028b\u0000c${RLO}`, 'q']);
        });

        it('rejects a zero-width or bidirectional character between tokens (a lexer error)', async () => {
            const { diagnostics } = await checkModel(`process P "p" \u200B process Q${RLO} "q"\n`);
            assert.deepEqual(syntaxAndLinkErrors(diagnostics).map(d => d.data?.code ?? d.code), ['lexing-error', 'lexing-error']);
        });
    });

    describe('CSV formulas', () => {
        it('neutralises a formula trigger after leading white space, tabs and line breaks', () => {
            assert.deepEqual(['   =1+1', ' \t @x', '\n=1', '\u00A0+1', ' -1', '\t', '\r', 'a =1', ' a', ''].map(neutraliseFormula),
                ["'   =1+1", "' \t @x", "'\n=1", "'\u00A0+1", "' -1", "'\t", "'\r", 'a =1', ' a', '']);
        });
    });
});
