/**
 * The report's shortcuts give what the plain path gives: a Markdown cell that needs no escaping is
 * its visible text, a table without links is written as one whose links are all empty, and the DFD outline the Mermaid diagrams are drawn from is the DFD model
 * without the elements' locations and the flows' findings.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { buildDfdModel, buildDfdOutline } from '../../../language-server/src/dfd/build-graph.js';
import { toMermaid } from '../../../language-server/src/dfd/mermaid.js';
import { modelsByUri } from '../../../language-server/src/dfd/select.js';
import { coverageOnce } from '../../../language-server/src/generator/coverage-once.js';
import { escapeMarkdownCell, escapeVisibleCell } from '../../../language-server/src/generator/escape-markdown.js';
import type { TableColumn } from '../../../language-server/src/generator/table-model.js';
import { formatMarkdownTable } from '../../../language-server/src/generator/table-markdown.js';
import { elementsOf } from '../../../language-server/src/generator/table-scope.js';
import { visibleText } from '../../../language-server/src/model/visible-text.js';
import type { DfdModel } from '../../../language-server/src/shared/dfd/graph.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { DESIGN_EXAMPLE, exampleNames, filesBelow } from '../dfd-helpers.js';
import { checkWorkspace, services } from '../helpers/workspace.js';
import { modelText, PROPERTY_RUNS } from '../table-arbitraries.js';

/** Text made of what escaping looks at: specials, spaces and tabs at the edges, line breaks, invisible characters. */
const escapingText = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '\\', '|', '`', '*', '_', '~', '[', ']', '<', '>', '&', '#', '-', '1', '.', '\u202e', '\u200b', 'é') });

/** The model with every element's location and every flow's findings taken out: what the outline should be. */
function withoutLocations(model: DfdModel): unknown {
    const strip = <T extends object>(item: T): object => Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'location' && key !== 'findings'));
    const diagram = (d: DfdModel['overview']): unknown => ({ ...d, boundaries: d.boundaries.map(strip), nodes: d.nodes.map(strip), edges: d.edges.map(strip) });
    return { overview: diagram(model.overview), scenarios: model.scenarios.map(diagram) };
}

async function bothModels(files: Record<string, string>): Promise<{ full: DfdModel; outline: ReturnType<typeof buildDfdOutline> }> {
    const checked = await checkWorkspace(files);
    const models = modelsByUri(checked.map(c => c.document));
    const coverage = services.ThreatModel.workspace.ModelIndex.coverage(checked[0]!.document.parseResult.value);
    return { full: buildDfdModel(models, coverage), outline: buildDfdOutline(models, coverage) };
}

describe('report shortcuts', () => {
    it('escapes a Markdown cell as every pass does', () => {
        fc.assert(fc.property(fc.oneof(modelText, escapingText), text => {
            assert.equal(escapeMarkdownCell(text), escapeVisibleCell(visibleText(text)));
        }), { numRuns: PROPERTY_RUNS });
    });

    it('writes a Markdown table without links as the path that links cells does when no cell has a link', () => {
        const column = fc.record({ header: modelText, style: fc.constantFrom<TableColumn['style']>('text', 'number') });
        const table = fc.array(column, { minLength: 1, maxLength: 4 }).chain(columns => fc.record({
            columns: fc.constant(columns.map((c, i): TableColumn => ({ key: `c${i}`, ...c }))),
            // Rows shorter or longer than the columns too.
            rows: fc.array(fc.array(modelText, { maxLength: columns.length + 1 }), { maxLength: 5 }),
        }));
        fc.assert(fc.property(table, ({ columns, rows }) => {
            const withLinks = { columns: [...columns, { key: 'url', header: 'URL', style: 'text' as const, linkFor: 'c0' }], rows: rows.map(row => columns.map((_, i) => row[i] ?? '').concat('')) };
            assert.equal(formatMarkdownTable({ columns, rows }), formatMarkdownTable(withLinks));
        }), { numRuns: PROPERTY_RUNS });
    });

    const workspaces: [string, () => Record<string, string>][] = [
        ['the DESIGN example', () => filesBelow(DESIGN_EXAMPLE.replace(/\/[^/]*$/, ''))],
        ...exampleNames().map((name): [string, () => Record<string, string>] => [`examples/${name}`, () => filesBelow(`examples/${name}`)]),
        ['a generated model of 300 elements in 3 files', () => generateModel(300, 3).files],
    ];
    for (const [name, files] of workspaces) {
        it(`builds the DFD outline of ${name} as the DFD model without locations and findings`, async () => {
            const { full, outline } = await bothModels(files());
            assert.ok(full.overview.nodes.length > 0);
            assert.deepEqual(outline, withoutLocations(full));
            const diagrams = [full.overview, ...full.scenarios];
            assert.deepEqual([outline.overview, ...outline.scenarios].map(toMermaid), diagrams.map(toMermaid));
        });
    }

    for (const [name, files] of workspaces) {
        it(`works out the coverage of each element of ${name} once, as the coverage index does`, async () => {
            const checked = await checkWorkspace(files());
            const coverage = services.ThreatModel.workspace.ModelIndex.coverage(checked[0]!.document.parseResult.value);
            const once = coverageOnce(coverage);
            const elements = [...modelsByUri(checked.map(c => c.document)).values()].flatMap(elementsOf);
            assert.ok(elements.length > 0);
            for (const element of elements) {
                const first = once.coverageOf(element);
                assert.deepEqual(first, coverage.coverageOf(element));
                assert.equal(once.coverageOf(element), first, 'worked out once');
            }
        });
    }

    it('leaves out the findings the full model has on flows, and every location', async () => {
        const { full, outline } = await bothModels({
            'model.tm': 'boundary Outside "o" { external User "u" }\nboundary Inside "i" { process Api "a" }\nflow In: User -> Api "in"\n',
        });
        assert.equal(full.overview.edges[0]!.findings?.length, 1);
        assert.equal(full.overview.edges[0]!.location.uri, 'file:///workspace/model.tm');
        const edge = outline.overview.edges[0]!;
        assert.equal('findings' in edge || 'location' in edge, false);
        assert.equal([...outline.overview.nodes, ...outline.overview.boundaries].some(item => 'location' in item), false);
    });
});
