import * as assert from 'node:assert/strict';
import { buildDfdModel } from '../../../language-server/src/dfd/build-graph.js';
import { modelsByUri } from '../../../language-server/src/dfd/select.js';
import { exportLosses, viewModel } from '../../../language-server/src/interop/export-model.js';
import { layoutDiagram } from '../../../language-server/src/interop/layout.js';
import { exportOtm } from '../../../language-server/src/interop/otm-export.js';
import { classificationOfConfidentiality, cweNumber, trustOfRating } from '../../../language-server/src/interop/otm-facts.js';
import { exportThreatDragon } from '../../../language-server/src/interop/threat-dragon-export.js';
import { checkWorkspace, services } from '../helpers/workspace.js';
import { assertImportedModelIsClean, importText, threatDragonModel } from './interop-helpers.js';

/** A model with every optional attribute (docs/language.md#optional-attributes) the formats can carry, and one boundary and asset without them. */
const MODEL = `system Shop "Shop"

asset Cards "Card data" {
    classification secret
    type payment
}

asset Prices "Prices"

boundary Internet "Internet" {
    trust untrusted
    tags "edge", "a, b"
    external Buyer "Buyer" {
        type person
        tags "public"
    }
}

boundary Inside "Inside"

process Api "API" {
    privileged
}

datastore Vault "Vault" {
    encrypted
}

flow Pay: Buyer -> Api "Pay" {
    bidirectional
    tags "pci"
}

flow Save: Api -> Vault "Save"

threat Csrf "CSRF" {
    stride Spoofing
    targets Api
    cwe 352, 79
    capec 62
    rule ServiceCallerForged
}
`;

interface OtmOut {
    assets: { id: string; risk: object; attributes: object }[];
    trustZones: { id: string; risk: object; attributes: object }[];
    components: { id: string; tags?: unknown; attributes: object }[];
    dataflows: { id: string; bidirectional: boolean; tags?: unknown }[];
    threats: { id: string; cwes?: unknown; attributes: Record<string, string> }[];
}

async function exportedOtm(text: string): Promise<OtmOut> {
    const checked = await checkWorkspace({ 'model.tm': text });
    return exportOtm(viewModel(checked.map(c => c.document.parseResult.value))) as OtmOut;
}

describe('tml import/export: the optional attributes (docs/language.md#optional-attributes)', () => {
    it('reads OTM trust ratings in three bands, confidentiality in four, and CWE entries by number', () => {
        assert.deepEqual([0, 33, 34, 50, 66, 67, 100].map(trustOfRating), ['untrusted', 'untrusted', 'partial', 'partial', 'partial', 'trusted', 'trusted']);
        assert.deepEqual([0, 24, 25, 49, 50, 74, 75, 100].map(classificationOfConfidentiality), ['public', 'public', 'internal', 'internal', 'confidential', 'confidential', 'secret', 'secret']);
        assert.deepEqual(['CWE-79', 'cwe 352', 'CWE:20', '  862 ', 'cwe-', 'OWASP A01', 'CWE-79a'].map(cweNumber), [79, 352, 20, 862, undefined, undefined, undefined]);
    });

    it('exports them to OTM field by field', async () => {
        const otm = await exportedOtm(MODEL);
        assert.deepEqual(otm.assets.map(a => [a.id, a.risk, a.attributes]), [
            ['Cards', { confidentiality: 100, integrity: 0, availability: 0, comment: 'Classification secret in tml; integrity and availability not rated' }, { 'tml.name': 'Cards', 'tml.type': 'payment' }],
            ['Prices', { confidentiality: 0, integrity: 0, availability: 0, comment: 'Not rated in tml' }, { 'tml.name': 'Prices', 'tml.classification': 'unknown' }],
        ]);
        assert.deepEqual(otm.trustZones.map(z => [z.id, z.risk, z.attributes]), [
            ['Internet', { trustRating: 0 }, { 'tml.name': 'Internet', 'tml.tags': '["edge","a, b"]' }],
            ['Inside', { trustRating: 50 }, { 'tml.name': 'Inside', 'tml.trust': 'unknown' }],
            ['tml-outside-boundaries', { trustRating: 50 }, { 'tml.outside': 'true' }],
        ]);
        assert.deepEqual(otm.components.map(c => [c.id, c.tags, c.attributes]), [
            ['Buyer', ['public'], { 'tml.name': 'Buyer', 'tml.kind': 'external', 'tml.type': 'person' }],
            ['Api', undefined, { 'tml.name': 'Api', 'tml.kind': 'process', 'tml.privileged': 'true' }],
            ['Vault', undefined, { 'tml.name': 'Vault', 'tml.kind': 'datastore', 'tml.encrypted': 'true' }],
        ]);
        assert.deepEqual(otm.dataflows.map(f => [f.id, f.bidirectional, f.tags]), [['Pay', true, ['pci']], ['Save', false, undefined]]);
        assert.deepEqual(otm.threats.map(t => [t.id, t.cwes, t.attributes['tml.capec'], t.attributes['tml.rule']]), [['Csrf', ['CWE-352', 'CWE-79'], '62', 'ServiceCallerForged']]);
    });

    it('imports the OTM export back into the same clauses', async () => {
        const { text, warnings } = importText(JSON.stringify(await exportedOtm(MODEL)), 'otm');
        assert.deepEqual(warnings, []);
        for (const expected of [
            'asset Cards "Card data" {\n    classification secret\n    type payment\n}', 'asset Prices "Prices"\n',
            'boundary Internet "Internet" {\n    trust untrusted\n    tags "edge", "a, b"\n    external Buyer "Buyer" {\n        type person\n        tags "public"\n    }\n}',
            'boundary Inside "Inside"\n', 'process Api "API" {\n    privileged\n}', 'datastore Vault "Vault" {\n    encrypted\n}',
            'flow Pay: Buyer -> Api "Pay" {\n    bidirectional\n    tags "pci"\n}', 'flow Save: Api -> Vault "Save"\n',
            '    targets Api\n    cwe 352, 79\n    capec 62\n    rule ServiceCallerForged\n}',
        ]) {
            assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in\n${text}`);
        }
        await assertImportedModelIsClean(text);
    });

    it('keeps a rule that is not built in as a comment: rules are not exported, so it would not resolve', () => {
        const otm = {
            otmVersion: '0.2.0', project: { name: 'P', id: 'p' }, trustZones: [], components: [], dataflows: [],
            threats: [{ id: 't', name: 'T', risk: { likelihood: null, impact: 0 }, attributes: { 'tml.name': 'T', 'tml.rule': 'OurRule' } }],
        };
        const { text, warnings } = importText(JSON.stringify(otm));
        assert.ok(text.includes('// answers rule OurRule, which is not a built-in rule\nthreat T "T"\n'), text);
        assert.deepEqual(warnings, ["threat 'T': answers rule OurRule, which is not a built-in rule (kept as a // comment)"]);
    });

    it('exports a bidirectional flow and an encrypted data store to Threat Dragon, and imports them back', async () => {
        const checked = await checkWorkspace({ 'model.tm': MODEL });
        const models = checked.map(c => c.document.parseResult.value);
        const dfd = buildDfdModel(modelsByUri(checked.map(c => c.document)), services.ThreatModel.workspace.ModelIndex.coverage(models[0]!));
        const td = exportThreatDragon(viewModel(models), await layoutDiagram(dfd.overview)) as { detail: { diagrams: { cells: { id: string; data: Record<string, unknown> }[] }[] } };
        const data = (id: string): Record<string, unknown> => td.detail.diagrams[0]!.cells.find(c => c.id === id)!.data;
        assert.deepEqual([data('Pay')['isBidirectional'], data('Save')['isBidirectional'], data('Vault')['isEncrypted']], [true, false, true]);
        const { text } = importText(JSON.stringify(td), 'threat-dragon');
        assert.ok(text.includes('flow Pay: Buyer -> API "Pay" {\n    bidirectional\n}\n\nflow Save: API -> Vault "Save"\n'), text);
        assert.ok(text.includes('datastore Vault "Vault" {\n    encrypted\n}'), text);
    });

    it('says which facts Threat Dragon cannot hold, one line each; OTM holds them all', async () => {
        const checked = await checkWorkspace({ 'model.tm': MODEL });
        const view = viewModel(checked.map(c => c.document.parseResult.value));
        assert.deepEqual(exportLosses(view, 'threat-dragon'), [
            '2 assets are not exported (Threat Dragon has no field for them)',
            '1 trust level is not exported (Threat Dragon has no field for them)',
            '3 tags lists are not exported (Threat Dragon has no field for them)',
            '1 external type is not exported (Threat Dragon has no field for them)',
            '1 privileged flag is not exported (Threat Dragon has no field for them)',
            '1 CWE or CAPEC list is not exported (Threat Dragon has no field for them)',
        ]);
        assert.deepEqual(exportLosses(view, 'otm'), []);
    });

    it('gives a Threat Dragon actor no type: an actor may be a person or another system', () => {
        const { text } = importText(JSON.stringify(threatDragonModel([
            { id: 'a', shape: 'actor', zIndex: 1, data: { type: 'tm.Actor', name: 'Partner', providesAuthentication: true } },
        ])));
        assert.ok(text.includes('// provides authentication\nexternal Partner "Partner"\n'), text);
    });
});
