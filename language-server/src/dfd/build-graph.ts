import type { LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Boundary, DfdElement, Flow, Model, Node, Scenario } from '../generated/ast.js';
import { isBoundary, isFlow, isNode, isScenario } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import { statedFacts } from '../model/stated-facts.js';
import { displayText } from '../model/visible-text.js';
import type { DfdBoundary, DfdCategoryCoverage, DfdDiagram, DfdEdge, DfdLocation, DfdModel, DfdNode, DfdNodeKind } from '../shared/dfd/graph.js';
import { OVERVIEW_TITLE } from '../shared/dfd/graph.js';
import { IdAllocator } from './ids.js';
import { FlowFindings } from './flow-findings.js';
import { locationOf } from './location.js';

/**
 * The data flow diagrams of a model (docs/dfd.md): an overview of every element, flow and trust
 * boundary, and one diagram per scenario with its flows, their end points and the boundaries that
 * contain those. Pure: reads the linked AST of every file (in the order given) and the workspace's
 * STRIDE coverage, and returns plain data. Flows whose end points do not resolve are left out, as
 * are boundaries with no node inside. Model text is taken as every output shows it
 * ({@link displayText}), so the SVG, DOT, Mermaid, JSON and the preview's tooltips agree.
 */
export function buildDfdModel(models: readonly Model[], coverage: CoverageIndex): DfdModel {
    // Located: every element has its location, so the outline is the whole model.
    return build(models, coverage, true) as DfdModel;
}

/** An element of a {@link DfdOutline}: without where it is declared, nor the findings found on its name there. */
export type Unlocated<T> = Omit<T, 'location' | 'findings'>;

/** A diagram as the Mermaid writer reads it: every {@link DfdDiagram} is one. */
export interface DfdOutlineDiagram {
    readonly scenario: string | null;
    readonly title: string;
    readonly boundaries: readonly Unlocated<DfdBoundary>[];
    readonly nodes: readonly Unlocated<DfdNode>[];
    readonly edges: readonly Unlocated<DfdEdge>[];
}

export interface DfdOutline {
    readonly overview: DfdOutlineDiagram;
    readonly scenarios: readonly DfdOutlineDiagram[];
}

/**
 * {@link buildDfdModel} without the elements' locations and the flows' findings (found by the
 * location of a flow's name), which a Mermaid flowchart does not show: the rest is the same
 * (`test/unit/perf/report-shortcuts.test.ts`). Locating every element is a fifth of the build.
 */
export function buildDfdOutline(models: readonly Model[], coverage: CoverageIndex): DfdOutline {
    return build(models, coverage, false);
}

/** An element as built: located when asked ({@link buildDfdModel}), else an outline's. */
type Built<T> = Unlocated<T> & { readonly location?: DfdLocation; readonly findings?: readonly string[] };

interface BuiltDiagram {
    readonly scenario: string | null;
    readonly title: string;
    readonly boundaries: readonly Built<DfdBoundary>[];
    readonly nodes: readonly Built<DfdNode>[];
    readonly edges: readonly Built<DfdEdge>[];
}

function build(models: readonly Model[], coverage: CoverageIndex, located: boolean): { overview: BuiltDiagram; scenarios: BuiltDiagram[] } {
    const collected = collect(models, coverage, located);
    const nodes = new Declared([...collected.nodes.values()]);
    const boundaries = new Declared([...collected.boundaries.values()]);
    const overview: BuiltDiagram = {
        scenario: null,
        title: OVERVIEW_TITLE,
        boundaries: boundariesAround(nodes.all, boundaries),
        nodes: [...nodes.all],
        edges: [...collected.edges.values()],
    };
    const scenarios = collected.scenarios.map(scenario => scenarioDiagram(scenario, collected.edges, nodes, boundaries));
    return { overview, scenarios };
}

interface Collected {
    /** Every boundary, parents first, in declaration order. */
    readonly boundaries: Map<Boundary, Built<DfdBoundary>>;
    readonly nodes: Map<Node, Built<DfdNode>>;
    /** Every flow whose end points resolve. */
    readonly edges: Map<Flow, Built<DfdEdge>>;
    readonly scenarios: Scenario[];
}

function collect(models: readonly Model[], coverage: CoverageIndex, located: boolean): Collected {
    const ids = new IdAllocator();
    const collected: Collected = { boundaries: new Map(), nodes: new Map(), edges: new Map(), scenarios: [] };
    const flows: Flow[] = [];
    const visit = (member: Model['declarations'][number], parent: Built<DfdBoundary> | undefined): void => {
        if (isBoundary(member)) {
            const boundary: Built<DfdBoundary> = {
                id: ids.allocate(member.name),
                name: member.name ?? '',
                title: displayText(member.title),
                ...(located ? { location: locationOf(member) } : {}),
                ...(parent ? { parent: parent.id } : {}),
            };
            collected.boundaries.set(member, boundary);
            for (const child of member.members) visit(child, boundary);
        } else if (isNode(member)) {
            collected.nodes.set(member, {
                id: ids.allocate(member.name),
                name: member.name ?? '',
                kind: nodeKind(member),
                title: displayText(member.title ?? member.name),
                ...(parent ? { boundary: parent.id } : {}),
                ...coverageAndLocation(member, coverage, located ? locationOf(member) : undefined),
            });
        } else if (isFlow(member)) {
            flows.push(member);
        } else if (isScenario(member)) {
            collected.scenarios.push(member);
        }
    };
    for (const model of models) {
        for (const declaration of model.declarations) visit(declaration, undefined);
    }
    // Flows last: their end points may be declared after them, or in another file.
    const findings = new Map<LangiumDocument, FlowFindings>();
    for (const flow of flows) {
        const id = ids.allocate(flow.name);
        const source = flow.source?.ref && collected.nodes.get(flow.source.ref);
        const target = flow.target?.ref && collected.nodes.get(flow.target.ref);
        if (!source || !target) continue;
        const location = located ? locationOf(flow) : undefined;
        collected.edges.set(flow, {
            id,
            name: flow.name ?? '',
            kind: 'flow',
            title: displayText(flow.title ?? flow.name),
            source: source.id,
            target: target.id,
            ...(flow.protocol !== undefined ? { protocol: displayText(flow.protocol) } : {}),
            encrypted: flow.encrypted ?? false,
            authenticated: flow.authenticated ?? false,
            ...(location ? withFindings(flow, location, findings) : {}),
            ...coverageAndLocation(flow, coverage, location),
        });
    }
    return collected;
}

/** `findings` of a flow that has any ({@link FlowFindings}), indexed once per document. */
function withFindings(flow: Flow, location: DfdLocation, indexes: Map<LangiumDocument, FlowFindings>): { findings?: string[] } {
    const document = AstUtils.getDocument(flow);
    let index = indexes.get(document);
    if (!index) indexes.set(document, index = new FlowFindings(document.diagnostics));
    const findings = index.on(location.selection);
    return findings.length > 0 ? { findings: findings.map(displayText) } : {};
}

function scenarioDiagram(scenario: Scenario, all: ReadonlyMap<Flow, Built<DfdEdge>>, nodes: Declared<Built<DfdNode>>, boundaries: Declared<Built<DfdBoundary>>): BuiltDiagram {
    const edges = new Set<Built<DfdEdge>>();
    for (const ref of scenario.flows) {
        const edge = ref.ref && all.get(ref.ref);
        if (edge) edges.add(edge);
    }
    const ends = new Set<string>();
    for (const edge of edges) ends.add(edge.source).add(edge.target);
    // Nodes in declaration order, whatever the order of the scenario's flows.
    const shown = nodes.pick(ends);
    return {
        scenario: scenario.name ?? '',
        title: displayText(scenario.title ?? scenario.name),
        boundaries: boundariesAround(shown, boundaries),
        nodes: shown,
        edges: [...edges],
    };
}

/** The boundaries that contain at least one of the nodes, directly or through nested boundaries, in declaration order. */
function boundariesAround<B extends Built<DfdBoundary>>(nodes: readonly Built<DfdNode>[], boundaries: Declared<B>): B[] {
    const needed = new Set<string>();
    for (const node of nodes) {
        for (let id = node.boundary; id !== undefined && !needed.has(id); id = boundaries.get(id)?.parent) needed.add(id);
    }
    return boundaries.pick(needed);
}

/**
 * Nodes or boundaries by id, in declaration order: a scenario's diagram picks its own from them
 * at the cost of its size, not the model's (a model of many scenarios stays linear).
 */
class Declared<T extends { readonly id: string }> {
    private readonly position = new Map<string, number>();

    constructor(readonly all: readonly T[]) {
        all.forEach((item, at) => this.position.set(item.id, at));
    }

    get(id: string): T | undefined {
        const at = this.position.get(id);
        return at === undefined ? undefined : this.all[at];
    }

    /** The items of `ids` in declaration order (an id of none is skipped). */
    pick(ids: Iterable<string>): T[] {
        const positions: number[] = [];
        for (const id of ids) {
            const at = this.position.get(id);
            if (at !== undefined) positions.push(at);
        }
        return positions.sort((a, b) => a - b).map(at => this.all[at]!);
    }
}

/** The applicable categories' status, the open ones, and where the element is declared (when located). */
function coverageAndLocation(element: DfdElement, coverage: CoverageIndex, location: DfdLocation | undefined): Pick<Built<DfdNode>, 'open' | 'coverage' | 'location' | 'facts'> {
    const categories: DfdCategoryCoverage[] = [];
    for (const c of coverage.coverageOf(element).categories) {
        if (c.status === 'not-applicable') continue;
        categories.push({
            category: c.category,
            status: c.status,
            threats: c.threats.map(t => t.name ?? ''),
            unaddressed: c.unaddressed.map(t => t.name ?? ''),
            ...(c.status === 'excluded' && c.exclude?.reason !== undefined ? { reason: displayText(c.exclude.reason) } : {}),
        });
    }
    return {
        open: categories.filter(c => c.status === 'missing' || c.status === 'unmitigated').map(c => c.category),
        coverage: categories,
        ...(location ? { location } : {}),
        ...factsOf(element),
    };
}

/** `{ facts }` when the element states any of the optional attributes (docs/language.md#optional-attributes), else nothing (the JSON stays as it was). */
function factsOf(element: DfdElement): Pick<DfdNode, 'facts'> {
    const facts = statedFacts(element);
    return facts.length === 0 ? {} : { facts };
}

function nodeKind(node: Node): DfdNodeKind {
    switch (node.$type) {
        case 'External': return 'external';
        case 'Process': return 'process';
        case 'Datastore': return 'datastore';
    }
}
