import { buildDfdModel } from '../dfd/build-graph.js';
import { collapseBoundaries, topLevelBoundaries } from '../shared/dfd/collapse.js';
import type { DfdDiagram, DfdModel } from '../shared/dfd/graph.js';
import { formatDiagramJson, scenarioInfos } from '../dfd/json.js';
import { toMermaid } from '../dfd/mermaid.js';
import { modelsByUri, selectDiagram } from '../dfd/select.js';
import { stackSvgs } from '../dfd/stack-svg.js';
import { layoutDfd, loadGraphviz, renderDfdSvg } from '../dfd/svg.js';
import { systemsTitle } from '../generator/table-builder.js';
import { systemsOf } from '../generator/table-scope.js';
import type { DfdFormat, DfdOptions } from './options.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import { writeOutput } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath } from './load-workspace.js';
import type { LoadedThreatModel } from './load-models.js';
import { loadModels, warnAboutErrors } from './load-models.js';

export { DFD_USAGE } from './dfd-usage.js';

interface ModelDiagram {
    readonly title: string;
    readonly model: DfdModel;
    readonly diagram: DfdDiagram;
}

/**
 * `tml dfd` (README.md#the-tml-command-line): builds every model file given as one workspace and writes the chosen
 * diagram of each model (docs/language.md#models-in-a-workspace) in the chosen format. Returns the exit code.
 * @throws CliError on an unknown scenario, several models in Mermaid, or unreadable input.
 */
export async function runDfd(options: DfdOptions, io: CliIo): Promise<number> {
    const { loaded, models } = await loadModels(options.paths, io.cwd);
    const built = models.map(m => ({ title: modelTitle(m), model: buildDfdModel(modelsByUri(m.loaded.map(f => f.document)), m.coverage) }));
    const diagrams = built.flatMap(({ title, model }) => {
        const diagram = selectDiagram(model, options.scenario);
        return diagram ? [{ title, model, diagram: options.collapse ? collapseBoundaries(diagram, topLevelBoundaries(diagram)) : diagram }] : [];
    });
    if (diagrams.length === 0) throw new CliError(unknownScenario(options.scenario ?? '', built.map(b => b.model)));
    if (options.collapse && (options.format === 'mermaid' || options.format === 'json')) {
        throw new CliError(`--collapse draws svg and dot only, not ${options.format}: use --format svg or dot`);
    }
    if (options.format === 'mermaid' && diagrams.length > 1) {
        throw new CliError(`a Mermaid flowchart holds one model, and the files given hold ${diagrams.length} (${diagrams.map(d => d.title).join('; ')}): give one model's folder`);
    }
    warnAboutErrors({ loaded }, io);
    await writeOutput(await formatDiagrams(diagrams, options.format, fileNamer(loaded, io.cwd)), options.out, io);
    return 0;
}

/** The model's title as its threat table names it: its system's title, else its files. */
function modelTitle(model: LoadedThreatModel): string {
    return systemsTitle(model.files.flatMap(f => systemsOf(f.model))) || model.files.map(f => f.path).join(', ');
}

async function formatDiagrams(diagrams: readonly ModelDiagram[], format: DfdFormat, fileOf: (uri: string) => string): Promise<string> {
    const [only] = diagrams;
    if (diagrams.length === 1 && only) return formatDiagram(only.diagram, only.model, format, fileOf);
    switch (format) {
        case 'svg': return stackSvgs(await Promise.all(diagrams.map(async d => ({ title: d.title, svg: await renderDfdSvg(d.diagram) }))));
        case 'dot': return (await Promise.all(diagrams.map(d => laidOutDot(d.diagram)))).join('\n');
        case 'json': return `[\n${diagrams.map(d => formatDiagramJson(d.diagram, scenarioInfos(d.model), fileOf).trimEnd()).join(',\n')}\n]\n`;
        case 'mermaid': return toMermaid(diagrams[0]!.diagram);
    }
}

function formatDiagram(diagram: DfdDiagram, model: DfdModel, format: DfdFormat, fileOf: (uri: string) => string): Promise<string> | string {
    switch (format) {
        case 'svg': return renderDfdSvg(diagram);
        case 'dot': return laidOutDot(diagram);
        case 'mermaid': return toMermaid(diagram);
        case 'json': return formatDiagramJson(diagram, scenarioInfos(model), fileOf);
    }
}

function unknownScenario(name: string, models: readonly DfdModel[]): string {
    const names = models.flatMap(model => model.scenarios.map(d => d.scenario));
    const expected = names.length > 0 ? `expected one of ${names.join(', ')}` : 'the model declares no scenario';
    return `unknown scenario '${name}': ${expected}`;
}

/** Document URI → the path as `tml check` shows it (relative to the current directory). */
function fileNamer(loaded: readonly LoadedFile[], cwd: string): (uri: string) => string {
    const names = new Map(loaded.map(f => [f.document.uri.toString(), displayPath(cwd, f.path)]));
    return uri => names.get(uri) ?? uri;
}

/** The DOT text in the direction the SVG would be laid out in (shared/dfd/direction.ts). */
async function laidOutDot(diagram: DfdDiagram): Promise<string> {
    return layoutDfd(await loadGraphviz(), diagram).dot;
}
