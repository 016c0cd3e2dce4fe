import * as assert from 'node:assert/strict';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { capFindings, compareForCap, MAX_PUBLISHED_FINDINGS } from '../../language-server/src/lsp/findings-cap.js';
import { checkModel, describeFinding } from '../unit/helpers/workspace.js';
import { LanguageServerProcess } from './helpers/language-server-process.js';

const URI = 'file:///capped/many.tm';
/** 600 external entities: 1,201 findings (each has tm/external-without-flow and tm/stride-missing; the file has tm/background-missing). */
const MANY = Array.from({ length: 600 }, (_, i) => `external E${i} "e"\n`).join('');

function finding(line: number, severity: DiagnosticSeverity = 2): Diagnostic {
    return { message: `m${line}`, range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity, code: 'tm/stride-missing' };
}

const capped = (more: string, severity: DiagnosticSeverity): Diagnostic => ({
    message: `${more} not shown; run tml check to see them all.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity,
    code: 'tm/findings-capped',
    data: { code: 'tm/findings-capped' },
    source: 'threat-model',
});

describe('the findings the editor is sent for one file', () => {
    it('are all of them up to 1,000', () => {
        const findings = Array.from({ length: MAX_PUBLISHED_FINDINGS }, (_, i) => finding(i));
        assert.deepEqual(capFindings(findings, 'threat-model'), findings);
    });

    it('are, past 1,000, the first 1,000 in document order (of one severity) and one tm/findings-capped saying how many more there are', () => {
        const findings = Array.from({ length: 1001 }, (_, i) => finding(1000 - i));
        assert.deepEqual(capFindings(findings, 'threat-model'), [...findings.slice(1).reverse(), capped('1 more finding in this file is', 3)]);
        const more = Array.from({ length: 1500 }, (_, i) => finding(i));
        assert.deepEqual(capFindings(more, 'threat-model').at(-1), capped('500 more findings in this file are', 3));
    });

    it('keep the most severe ones: an error after a thousand hints is shown, the last hint is left out', () => {
        const hints = Array.from({ length: 1000 }, (_, i) => finding(i, 4));
        const error = finding(5000, 1);
        const warning = finding(4000, 2);
        assert.deepEqual(capFindings([...hints, warning, error], 'threat-model'), [error, warning, ...hints.slice(0, 998), capped('2 more findings in this file are', 3)]);
    });

    it('have the severity the user set for tm/findings-capped, and no such finding when it is off', () => {
        const findings = Array.from({ length: 1001 }, (_, i) => finding(i));
        assert.deepEqual(capFindings(findings, 'threat-model', 'warning').at(-1), capped('1 more finding in this file is', 2));
        assert.deepEqual(capFindings(findings, 'threat-model', 'off'), findings.slice(0, 1000));
    });
});

/** The editor was sent every finding of a file, 86,000 for a 5 MB model. */
describe('the bundled server publishing a file with 1,201 findings', () => {
    let server: LanguageServerProcess;

    before(async () => {
        server = new LanguageServerProcess();
        await server.initialize();
    });
    after(async () => {
        await server.dispose();
    });

    it('sends the 1,000 most severe in document order and tm/findings-capped for the other 201, while tml check sees all of them', async () => {
        const mark = server.mark();
        await server.open(URI, MANY);
        const { diagnostics } = await server.nextDiagnostics(URI, mark, 60_000);
        const all = (await checkModel(MANY)).diagnostics;
        assert.equal(all.length, 1201);
        const mostSevereFirst = [...all].sort(compareForCap);
        assert.equal(diagnostics.length, 1001);
        // The 600 tm/stride-missing warnings, then the first 400 information findings.
        assert.deepEqual(diagnostics.slice(0, 1000).map(describeFinding), mostSevereFirst.slice(0, 1000).map(describeFinding));
        assert.deepEqual(diagnostics.slice(0, 1000).map(d => d.severity).filter(s => s === 2).length, 600);
        assert.deepEqual(diagnostics[1000], capped('201 more findings in this file are', 3));
    });
});
