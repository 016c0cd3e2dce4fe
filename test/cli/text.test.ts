import * as assert from 'node:assert/strict';
import type { Finding } from '../../language-server/src/generator/findings.js';
import { formatText, textPieces } from '../../language-server/src/generator/text.js';

function finding(severity: Finding['severity'], line: number, code: string, message: string): Finding {
    return { file: 'models/store.tm', line, column: 5, endLine: line, endColumn: 9, severity, code, message };
}

describe('text output', () => {
    it('prints file:line:column: severity code message, then a summary', () => {
        const text = formatText([
            finding('error', 3, 'tm/dread-out-of-range', 'DREAD damage is 11; a factor must be an integer from 0 to 10.'),
            finding('warning', 8, 'tm/dread-missing', "Threat 'T' has no DREAD rating."),
        ], 2);
        assert.equal(text, [
            'models/store.tm:3:5: error tm/dread-out-of-range DREAD damage is 11; a factor must be an integer from 0 to 10.',
            "models/store.tm:8:5: warning tm/dread-missing Threat 'T' has no DREAD rating.",
            '1 warning, 1 error in 2 files',
            '',
        ].join('\n'));
    });

    it('says so when there is nothing to report', () => {
        assert.equal(formatText([], 1), '0 warnings, 0 errors in 1 file\n');
    });

    it('counts information and hints only when there are some', () => {
        const text = formatText([
            finding('information', 1, 'tm/fix-without-bug', 'No bug.'),
            finding('information', 2, 'tm/fix-without-bug', 'No bug.'),
            finding('hint', 3, 'x', 'Hint.'),
        ], 3);
        assert.equal(text.split('\n').at(-2), '0 warnings, 0 errors, 2 information, 1 hint in 3 files');
    });

    it('keeps a multi-line message on its line', () => {
        const text = formatText([finding('error', 1, 'parsing-error', 'Expecting one of these:\n  1. [ID]\n  2. [STRING]\nbut found `}`')], 1);
        assert.equal(text.split('\n')[0], 'models/store.tm:1:5: error parsing-error Expecting one of these: 1. [ID] 2. [STRING] but found `}`');
    });

    it('comes in pieces of a thousand lines that joined are the whole text', () => {
        const findings = Array.from({ length: 2_500 }, (_, i) => finding('warning', i + 1, 'tm/dread-missing', `Threat 'T${i}' has no DREAD rating.`));
        const pieces = [...textPieces(findings, 1)];
        assert.deepEqual(pieces.map(piece => piece.split('\n').length - 1), [1_000, 1_000, 500, 1]);
        const lines = findings.map(f => `models/store.tm:${f.line}:5: warning tm/dread-missing Threat 'T${f.line - 1}' has no DREAD rating.`);
        assert.equal(pieces.join(''), `${lines.join('\n')}\n2500 warnings, 0 errors in 1 file\n`);
        assert.equal(formatText(findings, 1), pieces.join(''));
        assert.deepEqual([...textPieces([], 1)], ['0 warnings, 0 errors in 1 file\n']);
    });
});
