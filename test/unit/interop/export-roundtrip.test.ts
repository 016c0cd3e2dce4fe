import * as assert from 'node:assert/strict';
import { dirname } from 'node:path/posix';
import * as fc from 'fast-check';
import Ajv from 'ajv';
import type { Diagnostic } from 'vscode-languageserver';
import { buildDfdModel } from '../../../language-server/src/dfd/build-graph.js';
import { modelsByUri } from '../../../language-server/src/dfd/select.js';
import type { Model } from '../../../language-server/src/generated/ast.js';
import { viewModel } from '../../../language-server/src/interop/export-model.js';
import { layoutDiagram } from '../../../language-server/src/interop/layout.js';
import { exportOtm } from '../../../language-server/src/interop/otm-export.js';
import { exportThreatDragon } from '../../../language-server/src/interop/threat-dragon-export.js';
import { exampleNames, filesBelow } from '../dfd-helpers.js';
import { FUZZ_SEED } from '../helpers/fuzz-inputs.js';
import { checkWorkspace, services, syntaxAndLinkErrors } from '../helpers/workspace.js';
import { assertImportedModelIsClean, importText, interopFixture } from './interop-helpers.js';
import { generatedModel } from './model-arbitrary.js';

// Threat Dragon's schema uses OpenAPI's `nullable` without `type` next to it, which Ajv's strict mode rejects; Threat Dragon itself compiles it without strict mode too.
const ajv = new Ajv.default({ allErrors: true, allowUnionTypes: true, strict: false });
const validateOtm = ajv.compile(JSON.parse(interopFixture('schemas', 'otm', 'otm_schema.json')) as object);
const validateThreatDragon = ajv.compile(JSON.parse(interopFixture('schemas', 'threat-dragon', 'threat-dragon-v2.schema.json')) as object);

/** The workspaces the tests export: each example model, and the DESIGN.md example. */
function workspaces(): [string, Record<string, string>][] {
    return [
        ...exampleNames().map(name => [`examples/${name}`, filesBelow(`examples/${name}`)] as [string, Record<string, string>]),
        ['DESIGN.md example', filesBelow('test/fixtures/design')],
    ];
}

/** `code: message` of every finding, sorted: what `tml check` reports, whatever the file layout. */
function findingsOf(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics.map(d => `${String(d.code)}: ${d.message}`).sort();
}

/**
 * The optional attributes (docs/language.md#optional-attributes) of every declaration, one line each, sorted: `boundary B0: trust partial;
 * tags ["a"]`. Names come back from the OTM file (`tml.name`), so the lines compare across the trip.
 */
function factsOf(models: readonly Model[]): string[] {
    const view = viewModel(models);
    const line = (what: string, facts: readonly (string | false | undefined)[]): string => `${what}: ${facts.filter(f => f).join('; ')}`;
    const tags = (list: readonly string[]): string | undefined => (list.length > 0 ? `tags ${JSON.stringify(list)}` : undefined);
    return [
        ...view.boundaries.map(({ boundary: b }) => line(`boundary ${b.name}`, [b.trust && `trust ${b.trust}`, tags(b.tags)])),
        ...view.nodes.map(({ node: n }) => line(`${n.$type} ${n.name}`, [
            n.$type === 'External' && n.type && `type ${n.type}`, n.$type === 'Process' && n.privileged && 'privileged', n.$type === 'Datastore' && n.encrypted && 'encrypted', tags(n.tags),
        ])),
        ...view.flows.map(f => line(`flow ${f.name}`, [f.bidirectional && 'bidirectional', tags(f.tags)])),
        ...view.assets.map(a => line(`asset ${a.name}`, [a.classification && `classification ${a.classification}`, a.type && `type ${a.type}`])),
        ...view.threats.map(t => line(`threat ${t.name}`, [t.cwe.length > 0 && `cwe ${t.cwe.join(', ')}`, t.capec.length > 0 && `capec ${t.capec.join(', ')}`, t.rule && `rule ${t.rule.$refText}`])),
    ].sort();
}

/** Exports the workspace to OTM, imports the OTM back into one file beside the first, and returns both models' findings and optional attributes. */
async function roundTrip(files: Record<string, string>): Promise<{ before: string[]; after: string[]; factsBefore: string[]; factsAfter: string[]; otm: object; text: string }> {
    const checked = await checkWorkspace(files);
    assert.deepEqual(checked.flatMap(c => syntaxAndLinkErrors(c.diagnostics)).map(d => d.message), []);
    const before = findingsOf(checked.flatMap(c => c.diagnostics));
    const otm = exportOtm(viewModel(checked.map(c => c.document.parseResult.value)));
    const { text } = importText(JSON.stringify(otm), 'otm');
    const folder = dirname(Object.keys(files)[0]!);
    const [imported] = await checkWorkspace({ [`${folder === '.' ? '' : `${folder}/`}imported-roundtrip.tm`]: text });
    assert.deepEqual(syntaxAndLinkErrors(imported!.diagnostics).map(d => d.message), [], text);
    const factsBefore = factsOf(checked.map(c => c.document.parseResult.value));
    return { before, after: findingsOf(imported!.diagnostics), factsBefore, factsAfter: factsOf([imported!.document.parseResult.value]), otm, text };
}

describe('tml export', () => {
    for (const [name, files] of workspaces()) {
        it(`writes ${name} as OTM 0.2.0 that validates against the published OTM schema`, async () => {
            const checked = await checkWorkspace(files);
            const otm = exportOtm(viewModel(checked.map(c => c.document.parseResult.value)));
            assert.ok(validateOtm(otm), JSON.stringify(validateOtm.errors, null, 2));
        });

        it(`writes ${name} as Threat Dragon v2 JSON that validates against Threat Dragon's schema, laid out by the DFD layout`, async () => {
            const checked = await checkWorkspace(files);
            const models = checked.map(c => c.document.parseResult.value);
            const dfd = buildDfdModel(modelsByUri(checked.map(c => c.document)), services.ThreatModel.workspace.ModelIndex.coverage(models[0]!));
            const td = exportThreatDragon(viewModel(models), await layoutDiagram(dfd.overview)) as { detail: { diagrams: { cells: { position?: { x: number; y: number }; data: { type: string } }[] }[] } };
            assert.ok(validateThreatDragon(td), JSON.stringify(validateThreatDragon.errors, null, 2));
            const placed = td.detail.diagrams[0]!.cells.filter(c => c.position);
            // Every node and boundary has a position of its own from Graphviz: no two nodes share one.
            const nodes = placed.filter(c => c.data.type !== 'tm.BoundaryBox').map(c => `${c.position!.x},${c.position!.y}`);
            assert.equal(new Set(nodes).size, nodes.length);
            assert.ok(nodes.length > 0);
        });

        it(`round-trips ${name} through OTM with the same tml check findings`, async () => {
            const { before, after } = await roundTrip(files);
            assert.deepEqual(after, before);
        });
    }

    it('imports what it exported from the DESIGN.md example: same declarations, responses and mitigations', async () => {
        const { text } = await roundTrip(filesBelow('test/fixtures/design'));
        await assertImportedModelIsClean(text);
        for (const expected of [
            'system OnlineStore "Online Store" {', 'boundary Internet "Public internet" {', 'external Customer "Customer\'s browser"',
            'flow PlaceOrder: Customer -> Storefront "Submit order" {', '    response fix\n    mitigatedBy SecureCookies\n    bug "SEC-142"',
            '    response accept\n    justification "Only the application\'s DB role can write; audited quarterly."',
            'exclude Repudiation on Customer "Customer actions are confirmed by signed payment receipts."',
            'scenario Checkout "A customer pays for the basket" {\n    flows PlaceOrder, SaveOrder\n}',
        ]) {
            assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in\n${text}`);
        }
    });

    it('round-trips generated models through OTM: same findings and optional attributes, schema-valid OTM, a clean imported model (property)', async () => {
        await fc.assert(fc.asyncProperty(generatedModel, async source => {
            const { before, after, factsBefore, factsAfter, otm, text } = await roundTrip({ 'generated.tm': source });
            assert.ok(validateOtm(otm), JSON.stringify(validateOtm.errors));
            assert.deepEqual(after, before, `${source}\n----\n${text}`);
            assert.deepEqual(factsAfter, factsBefore, `${source}\n----\n${text}`);
        }), { numRuns: 300, seed: FUZZ_SEED });
    }).timeout(180_000); // 300 round trips: about 10 s on an idle machine, 55 s on a busy one
});

