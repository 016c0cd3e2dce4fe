import type { DfdBoundary, DfdDiagram, DfdEdge, DfdLocation, DfdModel, DfdNode, DfdScenarioInfo } from '../shared/dfd/graph.js';

/** Where a declaration's name is, as `tml check --format json` reports positions: 1-based. */
export interface DfdJsonLocation {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
}

type WithJsonLocation<T extends { readonly location: DfdLocation }> = Omit<T, 'location'> & { readonly location: DfdJsonLocation };

/** `tml dfd --format json`: one diagram, with the scenarios there are to choose from. */
export interface DfdDiagramJson {
    readonly scenario: string | null;
    readonly title: string;
    readonly scenarios: readonly DfdScenarioInfo[];
    readonly boundaries: readonly WithJsonLocation<DfdBoundary>[];
    readonly nodes: readonly WithJsonLocation<DfdNode>[];
    readonly edges: readonly WithJsonLocation<DfdEdge>[];
}

/** Maps a document URI to the file name shown in output. */
export type FileNamer = (uri: string) => string;

/** The scenarios of a model, for a picker or `--scenario`. */
export function scenarioInfos(model: DfdModel): DfdScenarioInfo[] {
    return model.scenarios.map(d => ({ name: d.scenario ?? '', title: d.title }));
}

/** One diagram as plain JSON data, with file names instead of URIs. Pure. */
export function diagramJson(diagram: DfdDiagram, scenarios: readonly DfdScenarioInfo[], fileOf: FileNamer): DfdDiagramJson {
    const locate = <T extends { readonly location: DfdLocation }>(item: T): WithJsonLocation<T> =>
        ({ ...item, location: jsonLocation(item.location, fileOf) });
    return {
        scenario: diagram.scenario,
        title: diagram.title,
        scenarios,
        boundaries: diagram.boundaries.map(locate),
        nodes: diagram.nodes.map(locate),
        edges: diagram.edges.map(locate),
    };
}

/** The text `tml dfd --format json` prints: two-space indented, with a final newline. */
export function formatDiagramJson(diagram: DfdDiagram, scenarios: readonly DfdScenarioInfo[], fileOf: FileNamer): string {
    return `${JSON.stringify(diagramJson(diagram, scenarios, fileOf), undefined, 2)}\n`;
}

function jsonLocation(location: DfdLocation, fileOf: FileNamer): DfdJsonLocation {
    const { start, end } = location.selection;
    return { file: fileOf(location.uri), line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
