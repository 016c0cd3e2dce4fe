import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { URI } from 'langium';
import type { Model } from '../../language-server/src/generated/ast.js';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { normaliseText } from '../../language-server/src/generator/table-cells.js';
import { formatThreatTable } from '../../language-server/src/generator/table-format.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { assertFormatsAgree } from './table-agreement.js';
import { modelText, PROPERTY_RUNS } from './table-arbitraries.js';
import { checkWorkspace, services } from './helpers/workspace.js';

/** A `.tm` string literal for any text: the escapes Langium's value converter undoes. */
function tmString(text: string): string {
    return `"${text.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

interface ThreatTexts {
    readonly element: string;
    readonly title: string;
    readonly description: string;
    readonly impact: string;
    readonly gate: string;
    readonly leaf: string;
    readonly justification: string;
    readonly bug: string;
}

const threatTexts: fc.Arbitrary<ThreatTexts> = fc.record({
    element: modelText, title: modelText, description: modelText, impact: modelText,
    gate: modelText, leaf: modelText, justification: modelText, bug: modelText,
});

function modelWith(t: ThreatTexts): string {
    return [
        `process P ${tmString(t.element)}`,
        `threat T ${tmString(t.title)} {`,
        '    stride Spoofing',
        '    targets P',
        `    description ${tmString(t.description)}`,
        `    impact ${tmString(t.impact)}`,
        `    tree { or ${tmString(t.gate)} { leaf ${tmString(t.leaf)} } }`,
        '    dread { damage 9 reproducibility 8 exploitability 7 affectedUsers 6 discoverability 5 }',
        '    response accept',
        `    justification ${tmString(t.justification)}`,
        `    bug ${tmString(t.bug)}`,
        '}',
    ].join('\n');
}

const MODEL_URI = URI.parse('file:///random/model.tm');

/** Takes the model of the previous run out of the workspace, index included. */
async function removeModel(): Promise<void> {
    const { shared } = services;
    if (shared.workspace.LangiumDocuments.hasDocument(MODEL_URI)) await shared.workspace.DocumentBuilder.update([], [MODEL_URI]);
}

/**
 * Parses and links one model on its own, without validation (which the table does not need):
 * a thousand runs must stay quick.
 */
async function linkModel(text: string): Promise<Model> {
    const { shared } = services;
    await removeModel();
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, MODEL_URI);
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    const { lexerErrors, parserErrors } = document.parseResult;
    assert.deepEqual([...lexerErrors, ...parserErrors].map(e => e.message), [], 'the model parses');
    return document.parseResult.value;
}

describe('threat tables of models with random text', function () {
    // A thousand models, each parsed and written in four formats that are parsed back: generous
    // room for a loaded CI machine (a guard against a hang, not a time limit).
    this.timeout(180_000);
    // Other tests leave their files in the shared in-memory workspace; start from an empty one, and leave it so.
    before(() => checkWorkspace({}));
    after(removeModel);

    it('show every title and description as written, in the same cells of every format', async () => {
        await fc.assert(fc.asyncProperty(threatTexts, async texts => {
            const model = await linkModel(modelWith(texts));
            const table = buildThreatTable(workspaceTableInput([{ path: 'model.tm', model }], services.ThreatModel.workspace.ModelIndex.coverage(model)));
            const json = assertFormatsAgree({
                md: formatThreatTable(table, 'md'),
                csv: formatThreatTable(table, 'csv'),
                html: formatThreatTable(table, 'html'),
                json: formatThreatTable(table, 'json'),
            });
            const n = normaliseText;
            const [row] = json.threats.rows;
            assert.deepEqual(
                [row?.['title'], row?.['description'], row?.['impact'], row?.['response'], row?.['bug'], row?.['risk']],
                [n(texts.title), `${n(texts.description)}\n\nThreat tree:\nOR ${n(texts.gate)}\n\u00A0\u00A0- ${n(texts.leaf)}`,
                    n(texts.impact), `accept: ${n(texts.justification)}`, n(texts.bug), '7.0'],
            );
            assert.equal(json.coverage.rows[0]?.['title'], n(texts.element));
        }), { numRuns: PROPERTY_RUNS });
    });
});
