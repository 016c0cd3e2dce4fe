import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildDfdModel } from '../../language-server/src/dfd/build-graph.js';
import { toDot } from '../../language-server/src/dfd/dot.js';
import { formatDiagramJson, scenarioInfos } from '../../language-server/src/dfd/json.js';
import { toMermaid } from '../../language-server/src/dfd/mermaid.js';
import { modelsByUri, selectDiagram } from '../../language-server/src/dfd/select.js';
import { loadGraphviz, renderSvgWith } from '../../language-server/src/dfd/svg.js';
import { findingFromDiagnostic } from '../../language-server/src/generator/findings.js';
import { generateSecurityReport } from '../../language-server/src/generator/report-document.js';
import { formatSarif } from '../../language-server/src/generator/sarif.js';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { formatThreatTable } from '../../language-server/src/generator/table-format.js';
import { TABLE_FORMATS } from '../../language-server/src/shared/formats.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { checkWorkspace, services } from './helpers/workspace.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

/** Every offset where a token of the DESIGN example starts or ends (comments included), in order. */
function tokenBoundaries(text: string): number[] {
    const { tokens, hidden } = services.ThreatModel.parser.Lexer.tokenize(text);
    const offsets = new Set<number>();
    for (const token of [...tokens, ...hidden]) {
        offsets.add(token.startOffset);
        offsets.add(token.startOffset + token.image.length);
    }
    return [...offsets].sort((a, b) => a - b);
}

type Generator = 'report' | `table ${string}` | `dfd ${string}` | 'sarif';

/**
 * `tml report` crashed on a flow whose source did not parse ("Cannot read properties
 * of undefined (reading 'ref')"). Every generator takes whatever the parser could make of a file:
 * here every prefix of the DESIGN example, cut at each token boundary, through each output.
 */
describe('every generator on every prefix of the DESIGN example cut at a token boundary', function () {
    this.timeout(600_000);
    const failures = new Map<Generator, string[]>();
    let prefixes = 0;

    before(async () => {
        const viz = await loadGraphviz();
        for (const end of tokenBoundaries(DESIGN_EXAMPLE)) {
            prefixes++;
            const [file] = await checkWorkspace({ 'prefix.tm': DESIGN_EXAMPLE.slice(0, end) });
            const { document, diagnostics } = file!;
            const coverage = services.ThreatModel.workspace.ModelIndex.coverage(document.parseResult.value);
            const files = [{ path: 'prefix.tm', model: document.parseResult.value }];
            const findings = diagnostics.map(d => findingFromDiagnostic('prefix.tm', d));
            const attempt = (generator: Generator, generate: () => unknown): void => {
                try {
                    generate();
                } catch (error) {
                    const list = failures.get(generator) ?? [];
                    list.push(`cut at ${end}: ${error instanceof Error ? error.message : String(error)}`);
                    failures.set(generator, list);
                }
            };
            attempt('report', () => generateSecurityReport(files, files, coverage, findings));
            for (const format of TABLE_FORMATS) attempt(`table ${format}`, () => formatThreatTable(buildThreatTable(workspaceTableInput(files, coverage)), format));
            const model = () => buildDfdModel(modelsByUri([document]), coverage);
            const diagram = () => selectDiagram(model(), null)!;
            attempt('dfd svg', () => renderSvgWith(viz, toDot(diagram())));
            attempt('dfd dot', () => toDot(diagram()));
            attempt('dfd mermaid', () => toMermaid(diagram()));
            attempt('dfd json', () => formatDiagramJson(diagram(), scenarioInfos(model()), uri => uri));
            attempt('sarif', () => formatSarif(findings, { toolVersion: '0.0.0', sourceRootUri: 'file:///workspace/' }));
        }
    });

    it('cuts the example at more than 350 places', () => {
        assert.ok(prefixes > 350, `${prefixes} prefixes`);
    });

    const generators: Generator[] = ['report', ...TABLE_FORMATS.map(f => `table ${f}` as const), 'dfd svg', 'dfd dot', 'dfd mermaid', 'dfd json', 'sarif'];
    for (const generator of generators) {
        it(`${generator} never throws`, () => {
            assert.deepEqual(failures.get(generator) ?? [], []);
        });
    }
});
