import * as assert from 'node:assert/strict';
import type { ImportFormat } from '../../../language-server/src/interop/import-model.js';
import { assertImportedModelIsClean, importText, interopFixture, threatDragonModel } from './interop-helpers.js';

/**
 * Each converter field by field: hand-built files (test/fixtures/interop/built/, written from the
 * formats' specifications to exercise every mapping of docs/interop.md) give exactly the pinned
 * model and warnings, and the model parses, links and is formatted.
 */
const BUILT: readonly [string, string, ImportFormat][] = [
    ['shop.otm.json', 'shop', 'otm'],
    ['payments.td.json', 'payments', 'threat-dragon'],
    ['clinic.tm7', 'clinic', 'tm7'],
];

describe('tml import: the converters, field by field', () => {
    for (const [file, base, format] of BUILT) {
        it(`imports ${file} (${format}) exactly as pinned, with one warning per fact tml cannot express`, async () => {
            const result = importText(interopFixture('built', file), undefined, file);
            assert.equal(result.text, interopFixture('built', `${base}.expected.tm`));
            assert.equal(result.warnings.map(w => `tml: warning: ${w}\n`).join(''), interopFixture('built', `${base}.expected-warnings.txt`));
            await assertImportedModelIsClean(result.text);
        });

        it(`reads ${file} the same with --from ${format}`, () => {
            assert.equal(importText(interopFixture('built', file), format, file).text, interopFixture('built', `${base}.expected.tm`));
        });
    }

    it('maps the STRIDE labels Threat Dragon stores in English, German, French, Spanish and Portuguese', async () => {
        const labels: readonly [string, string][] = [
            ['Spoofing', 'Spoofing'], ['Usurpation d\'identité', 'Spoofing'], ['Falsificação', 'Spoofing'], ['Spoofing / Spoofing', 'Spoofing'],
            ['Tampering', 'Tampering'], ['Manipulation', 'Tampering'], ['Falsification', 'Tampering'], ['Tampering / Manipulación', 'Tampering'], ['Adulteração', 'Tampering'],
            ['Repudiation', 'Repudiation'], ['Nichtanerkennung', 'Repudiation'], ['Répudiation', 'Repudiation'], ['Repudiación', 'Repudiation'], ['Repúdio', 'Repudiation'],
            ['Information disclosure', 'InformationDisclosure'], ['Veröffentlichung von Informationen', 'InformationDisclosure'],
            ['Divulgation d\'information', 'InformationDisclosure'], ['Brecha de información', 'InformationDisclosure'], ['Divulgação de informações', 'InformationDisclosure'],
            ['Denial of service', 'DenialOfService'], ['Déni de service', 'DenialOfService'], ['Denegación de servicio', 'DenialOfService'], ['Negação de serviço', 'DenialOfService'],
            ['Elevation of privilege', 'ElevationOfPrivilege'], ['Erhöhung von Rechten', 'ElevationOfPrivilege'], ['Élévation de privilège', 'ElevationOfPrivilege'],
            ['Elevación de privilegios', 'ElevationOfPrivilege'], ['Elevação de privilégio', 'ElevationOfPrivilege'], ['ELEVATION OF PRIVILEGES', 'ElevationOfPrivilege'],
        ];
        const threats = labels.map(([type], i) => ({ title: `T${i}`, type, status: 'Open', severity: 'TBD', description: '', mitigation: '' }));
        const result = importText(JSON.stringify(threatDragonModel([{ id: 'p', shape: 'process', zIndex: 1, data: { type: 'tm.Process', name: 'P', hasOpenThreats: true, threats } }])));
        const stride = [...result.text.matchAll(/stride (\w+)/g)].map(m => m[1]);
        assert.deepEqual(stride, labels.map(([, category]) => category));
        assert.deepEqual(result.warnings, []);
        await assertImportedModelIsClean(result.text);
    });

    it('maps the threat statuses of old and new Threat Dragon versions to responses and excludes', () => {
        const statuses = ['Open', 'Mitigated', 'NotApplicable', 'N/A', 'Accepted', 'Transferred', 'Avoided', 'Eliminated', 'mitigated', 'Offen'];
        const threats = statuses.map(status => ({ title: status, type: 'Tampering', status, severity: 'TBD', description: '', mitigation: `Because ${status}` }));
        const result = importText(JSON.stringify(threatDragonModel([{ id: 'p', shape: 'process', zIndex: 1, data: { type: 'tm.Process', name: 'P', hasOpenThreats: true, threats } }])));
        const responses = [...result.text.matchAll(/^threat (\w+) "[^"]*" \{\n(?:.*\n)*?\}/gm)].map(m => `${m[1]}:${/response (\w+)/.exec(m[0])?.[1] ?? '-'}`);
        assert.deepEqual(responses, ['Open:-', 'Mitigated:fix', 'Accepted:accept', 'Transferred:warn', 'Avoided:remove', 'Eliminated:remove', 'Mitigated2:fix', 'Offen:-']);
        assert.deepEqual([...result.text.matchAll(/^exclude .*$/gm)].map(m => m[0]), [
            'exclude Tampering on P "Because NotApplicable"',
            'exclude Tampering on P "Because N/A"',
        ]);
    });

    it('maps OTM states and categories case- and space-insensitively', () => {
        const otm = {
            otmVersion: '0.2.0', project: { name: 'P', id: 'p' }, trustZones: [],
            components: [{ id: 'c', name: 'C', type: 'service', parent: { trustZone: 'none' }, threats: [
                { threat: 't1', state: 'EXPOSED' }, { threat: 't2', state: 'Mitigated' }, { threat: 't3', state: 'not-applicable' }, { threat: 't4', state: 'risk accepted' },
            ] }],
            dataflows: [],
            threats: [
                { id: 't1', name: 'One', categories: ['elevation of privileges'], risk: { likelihood: null, impact: 0 } },
                { id: 't2', name: 'Two', categories: ['Denial-Of-Service'], risk: { likelihood: null, impact: 0 } },
                { id: 't3', name: 'Three', categories: ['information disclosure', 'TAMPERING'], risk: { likelihood: null, impact: 0 } },
                { id: 't4', name: 'Four', categories: [' Spoofing '], risk: { likelihood: null, impact: 0 } },
            ],
        };
        const text = importText(JSON.stringify(otm)).text;
        assert.match(text, /threat One "One" \{\n {4}stride ElevationOfPrivilege\n {4}targets C\n\}/);
        assert.match(text, /threat Two "Two" \{\n {4}stride DenialOfService\n {4}targets C\n {4}response fix\n {4}mitigatedBy MitigationForTwo\n\}/);
        assert.match(text, /\nexclude InformationDisclosure, Tampering on C "Marked not applicable in the OTM file: Three"\n/);
        assert.match(text, /threat Four "Four" \{\n {4}stride Spoofing\n {4}targets C\n {4}response accept\n\}/);
    });
});

/** Public sample files (test/fixtures/interop/SOURCES.md): real tools' output. */
const SAMPLES: readonly [string, string, number, string][] = [
    ['otm/EXAMPLE.json', 'OTM 0.2.0 example of the specification', 14, 'system TestProject "Test project" {'],
    ['otm/mobile-cloud.otm.json', 'OTM 0.1.0 written by StartLeft from a Threat Modeling Tool model', 86, 'system MtmtProjectName "mtmt_project_name"'],
    ['threat-dragon/v2-threat-model.json', "Threat Dragon's demo model", 36, 'system DemoThreatModel "Demo Threat Model" {'],
    ['tm7/MTMT_nested_tz_line.tm7', 'a Threat Modeling Tool model with nested and line boundaries', 26, 'boundary SandboxEnvironment "Sandbox environment" {'],
];

describe('tml import: public sample files', () => {
    for (const [file, what, warnings, line] of SAMPLES) {
        it(`imports ${what} (${file}) into a model that parses, links and is formatted`, async () => {
            const result = importText(interopFixture('samples', ...file.split('/')));
            assert.equal(result.warnings.length, warnings);
            assert.ok(result.text.split('\n').includes(line), result.text);
            await assertImportedModelIsClean(result.text);
        });
    }
});
