import { buildDfdModel } from '../dfd/build-graph.js';
import { toDot } from '../dfd/dot.js';
import type { DfdDiagram, DfdModel } from '../dfd/graph.js';
import { formatDiagramJson, scenarioInfos } from '../dfd/json.js';
import { toMermaid } from '../dfd/mermaid.js';
import { modelsByUri, selectDiagram } from '../dfd/select.js';
import { renderSvg } from '../dfd/svg.js';
import type { DfdFormat, DfdOptions } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath } from './load-workspace.js';
import { loadModel } from './table-command.js';

export const DFD_USAGE = `Usage: tml dfd [paths…] [--scenario NAME] [--format svg|dot|mermaid|json] [--out FILE]

Writes one data flow diagram of the model made of every .tm file given (default: the current
directory): the overview of the whole model, or with --scenario the diagram of that scenario.
--format  svg (default; laid out with Graphviz), dot (Graphviz source), mermaid (flowchart for
          Markdown) or json (nodes, flows, boundaries, STRIDE coverage and source locations)
--out     write to FILE instead of stdout
Exit codes: 0 ok; 2 usage error, unknown scenario or unreadable input.
`;

/**
 * `tml dfd` (DESIGN.md §5): builds every model file given as one workspace and writes the chosen
 * diagram in the chosen format. Returns the exit code.
 * @throws CliError on an unknown scenario or unreadable input.
 */
export async function runDfd(options: DfdOptions, io: CliIo): Promise<number> {
    const { loaded, coverage } = await loadModel(options.paths, io.cwd);
    const model = buildDfdModel(modelsByUri(loaded.map(f => f.document)), coverage);
    const diagram = selectDiagram(model, options.scenario);
    if (!diagram) throw new CliError(unknownScenario(options.scenario ?? '', model));
    reportUnreadableParts(loaded, io);
    await writeOutput(await formatDiagram(diagram, model, options.format, fileNamer(loaded, io.cwd)), options.out, io);
    return 0;
}

function formatDiagram(diagram: DfdDiagram, model: DfdModel, format: DfdFormat, fileOf: (uri: string) => string): Promise<string> | string {
    switch (format) {
        case 'svg': return renderSvg(toDot(diagram));
        case 'dot': return toDot(diagram);
        case 'mermaid': return toMermaid(diagram);
        case 'json': return formatDiagramJson(diagram, scenarioInfos(model), fileOf);
    }
}

function unknownScenario(name: string, model: DfdModel): string {
    const names = model.scenarios.map(d => d.scenario);
    const expected = names.length > 0 ? `expected one of ${names.join(', ')}` : 'the model declares no scenario';
    return `unknown scenario '${name}': ${expected}`;
}

/** The diagram shows what could be read; say so on stderr when part of the model could not be. */
function reportUnreadableParts(loaded: readonly LoadedFile[], io: CliIo): void {
    const errors = loaded.reduce((n, f) => n + (f.document.diagnostics ?? []).filter(d => d.severity === 1 && !String(d.code ?? '').startsWith('tm/')).length, 0);
    if (errors > 0) io.stderr(`tml: note: the model has ${errors} syntax or reference error${errors === 1 ? '' : 's'} (see 'tml check'); the diagram shows what could be read\n`);
}

/** Document URI → the path as `tml check` shows it (relative to the current directory). */
function fileNamer(loaded: readonly LoadedFile[], cwd: string): (uri: string) => string {
    const names = new Map(loaded.map(f => [f.document.uri.toString(), displayPath(cwd, f.path)]));
    return uri => names.get(uri) ?? uri;
}
