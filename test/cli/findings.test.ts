import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../../language-server/src/generator/findings.js';
import { findingFromDiagnostic, formatJson, isAtOrAbove, sortFindings } from '../../language-server/src/generator/findings.js';

function diagnostic(overrides: Partial<Diagnostic>): Diagnostic {
    return {
        range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } },
        message: 'message',
        ...overrides,
    };
}

function finding(file: string, line: number, column: number, code = 'tm/dread-missing', message = 'm'): Finding {
    return { file, line, column, endLine: line, endColumn: column + 1, severity: 'warning', code, message };
}

describe('findings', () => {
    describe('findingFromDiagnostic', () => {
        it('makes lines and columns 1-based and names the severity', () => {
            const result = findingFromDiagnostic('models/a.tm', diagnostic({ severity: 2, code: 'tm/stride-missing', message: "Process 'P' …" }));
            assert.deepEqual(result, {
                file: 'models/a.tm', line: 5, column: 3, endLine: 5, endColumn: 10,
                severity: 'warning', code: 'tm/stride-missing', message: "Process 'P' …",
            });
        });

        it("keeps Langium's own code for lexer, parser and linker errors, found in data", () => {
            assert.equal(findingFromDiagnostic('a.tm', diagnostic({ severity: 1, data: { code: 'parsing-error' } })).code, 'parsing-error');
            assert.equal(findingFromDiagnostic('a.tm', diagnostic({ severity: 1, data: { code: 'lexing-error' } })).code, 'lexing-error');
            const linking = findingFromDiagnostic('a.tm', diagnostic({ severity: 1, data: { code: 'linking-error', refText: 'X' } }));
            assert.equal(linking.code, 'linking-error');
            assert.equal(linking.severity, 'error');
        });

        it('maps every LSP severity, and no severity to error as editors do', () => {
            const severities = [1, 2, 3, 4, undefined] as const;
            assert.deepEqual(
                severities.map(severity => findingFromDiagnostic('a.tm', diagnostic({ severity, code: 'x' })).severity),
                ['error', 'warning', 'information', 'hint', 'error'],
            );
        });

        it('still gives a code to a diagnostic without one', () => {
            assert.equal(findingFromDiagnostic('a.tm', diagnostic({})).code, 'unknown');
            assert.equal(findingFromDiagnostic('a.tm', diagnostic({ code: 42 })).code, '42');
        });
    });

    describe('sortFindings', () => {
        it('orders by file, line, column, then code and message', () => {
            const sorted = sortFindings([
                finding('b.tm', 1, 1),
                finding('a.tm', 10, 1),
                finding('a.tm', 2, 7),
                finding('a.tm', 2, 3, 'tm/threat-unmitigated'),
                finding('a.tm', 2, 3, 'tm/dread-missing', 'z'),
                finding('a.tm', 2, 3, 'tm/dread-missing', 'a'),
                finding('a/z.tm', 1, 1),
            ]);
            assert.deepEqual(sorted.map(f => `${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`), [
                'a.tm:2:3 tm/dread-missing a',
                'a.tm:2:3 tm/dread-missing z',
                'a.tm:2:3 tm/threat-unmitigated m',
                'a.tm:2:7 tm/dread-missing m',
                'a.tm:10:1 tm/dread-missing m',
                'a/z.tm:1:1 tm/dread-missing m',
                'b.tm:1:1 tm/dread-missing m',
            ]);
        });

        it('compares lines as numbers, not text', () => {
            const sorted = sortFindings([finding('a.tm', 10, 1), finding('a.tm', 9, 1)]);
            assert.deepEqual(sorted.map(f => f.line), [9, 10]);
        });
    });

    it('ranks severities for --fail-on', () => {
        assert.equal(isAtOrAbove('error', 'warning'), true);
        assert.equal(isAtOrAbove('warning', 'warning'), true);
        assert.equal(isAtOrAbove('information', 'warning'), false);
        assert.equal(isAtOrAbove('warning', 'error'), false);
    });

    it('formats JSON as one array with the fields in the documented order', () => {
        const json = formatJson([{
            file: 'a.tm', line: 1, column: 2, endLine: 3, endColumn: 4, severity: 'error', code: 'tm/duplicate-name', message: "Name 'A' is declared twice.",
        }]);
        assert.equal(json, `[
  {
    "file": "a.tm",
    "line": 1,
    "column": 2,
    "endLine": 3,
    "endColumn": 4,
    "severity": "error",
    "code": "tm/duplicate-name",
    "message": "Name 'A' is declared twice."
  }
]
`);
        assert.equal(formatJson([]), '[]\n');
    });
});
