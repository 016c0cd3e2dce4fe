import * as assert from 'node:assert/strict';
import { isBoundary, isModel } from '../../../language-server/src/generated/ast.js';
import { ImportError } from '../../../language-server/src/interop/imported-model.js';
import { MAX_IMPORT_BYTES } from '../../../language-server/src/interop/import-model.js';
import { checkModel } from '../helpers/workspace.js';
import { assertImportedModelIsClean, importText, threatDragonModel } from './interop-helpers.js';

/** The ImportError message of importing `text`, or a failure when it imports. */
function refusal(text: string, from?: 'otm' | 'threat-dragon' | 'tm7'): string {
    try {
        importText(text, from);
    } catch (error) {
        assert.ok(error instanceof ImportError, `not an ImportError: ${String(error)}`);
        return error.message;
    }
    return assert.fail('the input was imported');
}

function otm(parts: object): string {
    return JSON.stringify({ otmVersion: '0.2.0', project: { name: 'P', id: 'p' }, trustZones: [], components: [], dataflows: [], ...parts });
}

const NASTY_TITLES = [
    'process', 'Spoofing', 'threat', '123 go', '', '日本語', 'a-b c', '<script>alert(1)</script>', 'a | b', '=cmd|\' /C calc\'!A0',
    'right\u202Eleft', 'say "hi"', 'back\\slash', 'two\nlines', 'cr\rlf', 'x'.repeat(5000), '\u2028sep', 'zero\u200Bwidth',
];

describe('tml import: hostile and broken input', () => {
    it('refuses malformed JSON and XML with one line saying what is wrong', () => {
        assert.equal(refusal('{"otmVersion": "0.2.0",\n  "project": }'), 'malformed JSON: Unexpected token \'}\'');
        assert.equal(refusal('{"otmVersion": "0.2.0"'), 'malformed JSON at line 1, column 23: Expected \',\' or \'}\' after property value in JSON');
        assert.equal(refusal('<ThreatModel>\n<A></ThreatModel>'), 'malformed XML at line 2: end tag </ThreatModel> does not match <A>');
        assert.equal(refusal('<ThreatModel><A>'), 'malformed XML at line 1: <A> is not closed');
        assert.equal(refusal('<ThreatModel a=1/>'), 'malformed XML at line 1: malformed tag <ThreatModel>');
        assert.equal(refusal('<ThreatModel>&nbsp;</ThreatModel>'), 'malformed XML at line 1: entity reference &nbsp; is refused: only &lt; &gt; &amp; &quot; &apos; and character references are read');
        assert.equal(refusal('<ThreatModel>a & b</ThreatModel>'), 'malformed XML at line 1: a bare & (write &amp;)');
        assert.equal(refusal('<A/><B/>'), 'malformed XML at line 1: more than one root element');
        assert.equal(refusal(''), 'malformed JSON: Unexpected end of JSON input');
    });

    it('refuses a file that is not of the format: the wrong root, the wrong shape, a v1 Threat Dragon model', () => {
        assert.equal(refusal('[1, 2]'), 'not an OTM, Threat Dragon or Threat Modeling Tool model: JSON without "otmVersion" (OTM) or "summary" and "detail" (Threat Dragon)');
        assert.equal(refusal('[1, 2]', 'otm'), 'not an OTM file: "otmVersion" is missing or not a string');
        assert.equal(refusal('{"otmVersion": "0.2.0", "project": "x"}'), 'not a valid OTM file: "project" must be an object with a "name"');
        assert.equal(refusal('{"summary": {}, "detail": {"diagrams": 3}}'), 'not a Threat Dragon model: "detail.diagrams" must be an array');
        assert.equal(refusal('{"summary": {}, "detail": {"diagrams": [{"diagramJson": {}}]}}'), 'a Threat Dragon v1 model (diagrams with "diagramJson"): open and save it in Threat Dragon 2, then import it');
        assert.equal(refusal('{"summary": {}, "detail": {"diagrams": [{"cells": {}}]}}'), 'not a Threat Dragon v2 model: diagram 1 has no "cells" array');
        assert.equal(refusal('<html><body/></html>'), 'not a Threat Modeling Tool model: the root element is <html>, not <ThreatModel>');
    });

    it('refuses DTDs at once: a billion-laughs file is rejected in milliseconds, and so is an external entity', () => {
        const laughs = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', ' <!ENTITY lol "lol">',
            ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`), ']>', '<ThreatModel>&lol9;</ThreatModel>'].join('\n');
        const start = performance.now();
        assert.equal(refusal(laughs), 'malformed XML at line 2: a DTD (<!DOCTYPE>) is refused: tml reads no DTDs or entity declarations');
        assert.ok(performance.now() - start < 50);
        assert.equal(refusal('<!DOCTYPE x SYSTEM "file:///etc/passwd"><ThreatModel>&x;</ThreatModel>', 'tm7'), 'malformed XML at line 1: a DTD (<!DOCTYPE>) is refused: tml reads no DTDs or entity declarations');
    });

    it('refuses XML nested deeper than any model, and text larger than the import limit, without reading it all', () => {
        assert.equal(refusal(`${'<a>'.repeat(300)}${'</a>'.repeat(300)}`), 'malformed XML at line 1: elements nested more than 256 levels deep');
        assert.equal(refusal(' '.repeat(MAX_IMPORT_BYTES + 1)), 'the file is larger than 32 MB, the most tml imports');
    });

    it('breaks cycles of OTM parents, and keeps what it can, with a warning each', async () => {
        const result = importText(otm({
            trustZones: [
                { id: 'a', name: 'A', risk: { trustRating: 1 }, parent: { trustZone: 'b' } },
                { id: 'b', name: 'B', risk: { trustRating: 1 }, parent: { trustZone: 'a' } },
                { id: 'c', name: 'C', risk: { trustRating: 1 }, parent: { trustZone: 'c' } },
            ],
            components: [
                { id: 'x', name: 'X', type: 'service', parent: { component: 'y' } },
                { id: 'y', name: 'Y', type: 'service', parent: { component: 'x' } },
                { id: 'z', name: 'Z', type: 'service', parent: { trustZone: 'a' } },
            ],
        }));
        assert.deepEqual(result.warnings, [
            "process 'X': its chain of parent components is a cycle; it is written outside every boundary",
            "process 'Y': its chain of parent components is a cycle; it is written outside every boundary",
            "boundary 'A' is written at the top level: its chain of enclosing boundaries is a cycle",
            "boundary 'B' is written at the top level: its chain of enclosing boundaries is a cycle",
            "boundary 'C' is written at the top level: its chain of enclosing boundaries is a cycle",
        ]);
        await assertImportedModelIsClean(result.text);
        assert.match(result.text, /boundary A "A" \{\n {4}trust untrusted\n {4}process Z "Z"\n\}/);
    });

    it('flattens boundaries nested deeper than the parser reads, and keeps the rest', async () => {
        const zones = Array.from({ length: 80 }, (_, i) => ({ id: `z${i}`, name: `Z${i}`, risk: { trustRating: 1 }, ...(i > 0 ? { parent: { trustZone: `z${i - 1}` } } : {}) }));
        const result = importText(otm({ trustZones: zones, components: [{ id: 'p', name: 'P', type: 'service', parent: { trustZone: 'z79' } }] }));
        assert.equal(result.warnings.filter(w => w.includes('nested more than 63 levels')).length, 17);
        await assertImportedModelIsClean(result.text);
    });

    it('imports the first of duplicate ids and says so; skips flows to elements the file does not have', async () => {
        const result = importText(otm({
            components: [{ id: 'c', name: 'First', type: 'service', parent: { trustZone: 'none' } }, { id: 'c', name: 'Second', type: 'service', parent: { trustZone: 'none' } }],
            dataflows: [{ id: 'f', name: 'To nowhere', source: 'c', destination: 'ghost' }, { id: 'g', name: 'Self', source: 'c', destination: 'c' }, { id: 'g', name: 'Again', source: 'c', destination: 'c' }],
            threats: [{ id: 't', name: 'T', categories: ['Tampering'], risk: { likelihood: null, impact: 0 } }],
        }));
        assert.deepEqual(result.warnings.filter(w => !w.includes('OTM risk')), [
            "process 'First' names trust zone 'none', which the file does not declare; it is written outside every boundary",
            "component id 'c' is declared more than once; only the first is imported",
            "dataflow 'To nowhere' is skipped: it connects 'ghost', which is not a component of the file",
            "dataflow id 'g' is declared more than once; only the first is imported",
        ]);
        assert.match(result.text, /process First "First"\n\nflow Self: First -> First "Self"\n/);
        await assertImportedModelIsClean(result.text);
    });

    it('makes valid, unique names from any title, never a keyword, and keeps every title exactly', async () => {
        const cells = NASTY_TITLES.map((name, i) => ({ id: `c${i}`, shape: 'process', zIndex: i, data: { type: 'tm.Process', name, hasOpenThreats: false } }));
        const result = importText(JSON.stringify(threatDragonModel(cells)));
        await assertImportedModelIsClean(result.text);
        const { document } = await checkModel(result.text);
        const model = document.parseResult.value;
        assert.ok(isModel(model));
        const processes = model.declarations.filter(d => d.$type === 'Process');
        // A blank name falls back to the cell's shown text, then to the kind.
        assert.deepEqual(processes.map(p => p.title), NASTY_TITLES.map(t => (t === '' ? 'process' : t)));
        assert.deepEqual(processes.map(p => p.name), [
            'Process', 'SpoofingProcess', 'Threat', 'Process123Go', 'Process2', 'Process3', 'ABC', 'ScriptAlert1Script', 'AB', 'CmdCCalcA0',
            'RightLeft', 'SayHi', 'BackSlash', 'TwoLines', 'CrLf', `X${'x'.repeat(63)}`, 'Sep', 'ZeroWidth',
        ]);
        assert.equal(new Set(processes.map(p => p.name)).size, processes.length);
        assert.ok(!model.declarations.some(isBoundary));
    });

    it('keeps warnings and comments on one line, with invisible characters shown, however the source names things', () => {
        const result = importText(otm({ components: [{ id: 'c', name: 'evil\u202E\nname', type: 'service', parent: { trustZone: 'none' }, tags: ['a\nb', 'c\u202Ed'], assets: { processed: ['a\nb', 'c\u202Ed'] } }] }));
        assert.deepEqual(result.warnings, [
            "process 'evil<U+202E> name': processes assets a b, c<U+202E>d (kept as a // comment)",
            "process 'evil<U+202E> name' names trust zone 'none', which the file does not declare; it is written outside every boundary",
        ]);
        // Tags are tml strings: the line break escaped, the invisible character kept for tml's checks to show.
        assert.match(result.text, /\n\/\/ processes assets a b, c<U\+202E>d\nprocess EvilName "evil\u202E\\nname" \{\n {4}tags "a\\nb", "c\u202Ed"\n\}\n/);
    });
});

describe('tml import: size', () => {
    it('names 5,000 threats of one title in linear time (T, T2 … T5000)', () => {
        const threats = Array.from({ length: 5000 }, () => ({ title: 'T', type: 'Tampering', status: 'Open', severity: 'TBD', description: '', mitigation: '' }));
        const start = performance.now();
        const { text } = importText(JSON.stringify(threatDragonModel([{ id: 'p', shape: 'process', zIndex: 1, data: { type: 'tm.Process', name: 'P', hasOpenThreats: true, threats } }])));
        assert.ok(performance.now() - start < 2000, `took ${Math.round(performance.now() - start)} ms`);
        assert.deepEqual([...text.matchAll(/^threat (\w+)/gm)].map(m => m[1]).slice(-2), ['T4999', 'T5000']);
    });
});
