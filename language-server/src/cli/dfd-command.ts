import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { NodeThreatModelContext } from '../node-context.js';
import { buildDfdModel } from '../dfd/build-graph.js';
import { toDot } from '../dfd/dot.js';
import type { DfdDiagram, DfdModel } from '../dfd/graph.js';
import { formatDiagramJson, scenarioInfos } from '../dfd/json.js';
import { toMermaid } from '../dfd/mermaid.js';
import { modelsByUri, selectDiagram } from '../dfd/select.js';
import { renderSvg } from '../dfd/svg.js';
import { createThreatModelServices } from '../threat-model-module.js';
import type { CommandFlags } from './args.js';
import { chosen, parseFlags } from './args.js';
import { CliError } from './cli-error.js';
import type { CliIo } from './io.js';
import type { LoadedFile } from './load-workspace.js';
import { displayPath, findModelFiles, loadWorkspace, MODEL_FILE_EXTENSION } from './load-workspace.js';

export const DFD_FORMATS = ['svg', 'dot', 'mermaid', 'json'] as const;
export type DfdFormat = (typeof DFD_FORMATS)[number];

const DFD_FLAGS: CommandFlags = {
    command: 'dfd',
    flags: { '--scenario': { kind: 'text' }, '--format': { kind: 'choice', values: DFD_FORMATS }, '--out': { kind: 'text' } },
    dfdConventions: true,
};

/** `tml dfd`: which model, which diagram, which format, where to. */
export interface DfdOptions {
    readonly paths: readonly string[];
    /** A scenario's name, or `null` for the overview of the whole model. */
    readonly scenario: string | null;
    readonly format: DfdFormat;
    /** The file to write, or stdout. */
    readonly out?: string;
}

export const DFD_USAGE = `Usage: tml dfd [paths…] [--scenario NAME] [--format svg|dot|mermaid|json] [--out FILE]

Writes one data flow diagram of the model made of every .tm file given (default: the current
directory): the overview of the whole model, or with --scenario the diagram of that scenario.
--format  svg (default; laid out with Graphviz), dot (Graphviz source), mermaid (flowchart for
          Markdown) or json (nodes, flows, boundaries, STRIDE coverage and source locations)
--out     write to FILE instead of stdout
Exit codes: 0 ok; 2 usage error, unknown scenario or unreadable input.
`;

/**
 * Parses the arguments after `tml dfd`. Returns `'help'` for `--help`.
 * @throws CliError on a usage error (one line naming what is wrong and what is allowed).
 */
export function parseDfdArgs(args: readonly string[]): DfdOptions | 'help' {
    const parsed = parseFlags(args, DFD_FLAGS);
    if (parsed.kind === 'help') return 'help';
    if (parsed.kind === 'usage-error') throw new CliError(parsed.message);
    const { paths, values } = parsed;
    const out = values.get('--out');
    return { paths, scenario: values.get('--scenario') ?? null, format: chosen(values, '--format', DFD_FORMATS) ?? 'svg', ...(out !== undefined ? { out } : {}) };
}

/**
 * `tml dfd` (DESIGN.md §5): builds every model file given as one workspace and writes the chosen
 * diagram in the chosen format. Returns the exit code.
 * @throws CliError on a usage error, an unknown scenario or unreadable input.
 */
export async function runDfdCommand(args: readonly string[], io: CliIo): Promise<number> {
    const options = parseDfdArgs(args);
    if (options === 'help') {
        io.stdout(DFD_USAGE);
        return 0;
    }
    const paths = options.paths.length > 0 ? options.paths : ['.'];
    const files = await findModelFiles(paths, io.cwd);
    if (files.length === 0) throw new CliError(`no ${MODEL_FILE_EXTENSION} files found in ${paths.join(', ')}`);
    const { shared, ThreatModel } = createThreatModelServices(NodeThreatModelContext);
    const loaded = await loadWorkspace(shared, files, io.cwd);
    const model = buildDfdModel(modelsByUri(loaded.map(f => f.document)), ThreatModel.workspace.ModelIndex.coverage());
    const diagram = selectDiagram(model, options.scenario);
    if (!diagram) throw new CliError(unknownScenario(options.scenario ?? '', model));
    reportUnreadableParts(loaded, io);
    const text = await formatDiagram(diagram, model, options.format, fileNamer(loaded, io.cwd));
    if (options.out === undefined) {
        io.stdout(text);
    } else {
        const target = path.resolve(io.cwd, options.out);
        await writeFile(target, text, 'utf8').catch((error: unknown) => {
            throw new CliError(`cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
        });
    }
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
