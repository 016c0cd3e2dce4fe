import type { DfdBoundary, DfdCollapsedBoundary, DfdDiagram, DfdEdge, DfdMergedFlow, DfdNode } from './graph.js';

/**
 * The diagram with some boundaries collapsed to one node each (docs/dfd.md, "Collapsed
 * boundaries"): what a collapsed boundary contains, nested boundaries included, is hidden; a flow
 * between two hidden elements of the same collapsed boundary is hidden too; any other flow to or
 * from a hidden element runs to the outermost collapsed boundary that holds it. Flows that then
 * share both ends are drawn as one arrow ({@link DfdMergedFlow}); a flow alone between its ends
 * stays itself. Ids that name no boundary of the diagram are ignored. Pure: graph in, graph out.
 */
export function collapseBoundaries(diagram: DfdDiagram, collapse: Iterable<string>): DfdDiagram {
    const hiddenBy = outermostCollapsed(diagram.boundaries, new Set(collapse));
    if (hiddenBy.size === 0) return diagram;
    const shownAs = (node: DfdNode): string => (node.boundary === undefined ? undefined : hiddenBy.get(node.boundary)) ?? node.id;
    const nodeEnd = new Map(diagram.nodes.map(n => [n.id, shownAs(n)]));
    const end = (id: string): string => nodeEnd.get(id) ?? id;
    const hidden = new Map<string, { elements: number; flows: number; open: number }>();
    const count = (boundary: string, what: 'elements' | 'flows', open: boolean): void => {
        const tally = hidden.get(boundary) ?? { elements: 0, flows: 0, open: 0 };
        tally[what]++;
        if (open) tally.open++;
        hidden.set(boundary, tally);
    };
    for (const node of diagram.nodes) {
        const shown = nodeEnd.get(node.id);
        if (shown !== node.id && shown !== undefined) count(shown, 'elements', isOpen(node));
    }
    const edges = new Map<string, DfdEdge>();
    const rerouted = new Map<string, DfdEdge[]>();
    for (const edge of diagram.edges) {
        const source = end(edge.source);
        const target = end(edge.target);
        if (source === edge.source && target === edge.target) edges.set(edge.id, edge);
        else if (source === target && source !== edge.source) count(source, 'flows', isOpen(edge));
        else {
            const key = `${source}-${target}`;
            const group = rerouted.get(key) ?? [];
            group.push({ ...edge, source, target });
            rerouted.set(key, group);
        }
    }
    const merged: DfdMergedFlow[] = [];
    for (const [id, group] of rerouted) {
        const [first] = group;
        if (group.length === 1 && first) edges.set(first.id, first);
        else if (first) merged.push({ id, source: first.source, target: first.target, flows: group.map(e => ({ id: e.id, title: e.title, open: isOpen(e) })), open: group.some(isOpen) });
    }
    const collapsed: DfdCollapsedBoundary[] = diagram.boundaries
        .filter(b => hiddenBy.get(b.id) === b.id)
        .map(b => ({ ...b, ...(hidden.get(b.id) ?? { elements: 0, flows: 0, open: 0 }) }));
    return {
        ...diagram,
        boundaries: diagram.boundaries.filter(b => !hiddenBy.has(b.id)),
        nodes: diagram.nodes.filter(n => nodeEnd.get(n.id) === n.id),
        edges: diagram.edges.flatMap(e => edges.get(e.id) ?? []),
        collapsed,
        ...(merged.length > 0 ? { merged } : {}),
    };
}

/**
 * How many elements and flows the diagram has, and how many of them are open, counting what
 * collapsed boundaries hide and what merged flows stand for: the same figures collapsed or not.
 */
export function diagramCounts(diagram: DfdDiagram): { elements: number; flows: number; open: number } {
    const collapsed = diagram.collapsed ?? [];
    const merged = (diagram.merged ?? []).flatMap(m => m.flows);
    const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
    return {
        elements: diagram.nodes.length + sum(collapsed.map(b => b.elements)),
        flows: diagram.edges.length + merged.length + sum(collapsed.map(b => b.flows)),
        open: [...diagram.nodes, ...diagram.edges].filter(isOpen).length + merged.filter(f => f.open).length + sum(collapsed.map(b => b.open)),
    };
}

/** The ids of the boundaries with no enclosing boundary: what "Collapse boundaries" collapses. */
export function topLevelBoundaries(diagram: DfdDiagram): string[] {
    return [...diagram.boundaries, ...(diagram.collapsed ?? [])].filter(b => b.parent === undefined).map(b => b.id);
}

/** A node or flow with open categories, or a flow with findings: marked in the diagram. */
export function isOpen(edge: DfdNode | DfdEdge): boolean {
    return edge.open.length > 0 || (edge.kind === 'flow' && (edge.findings ?? []).length > 0);
}

/**
 * For each boundary that is collapsed or inside a collapsed one, the outermost collapsed boundary
 * around it (itself included). Boundaries come parents first (graph.ts), so one pass suffices.
 */
function outermostCollapsed(boundaries: readonly DfdBoundary[], collapse: ReadonlySet<string>): Map<string, string> {
    const hiddenBy = new Map<string, string>();
    for (const boundary of boundaries) {
        const outer = boundary.parent === undefined ? undefined : hiddenBy.get(boundary.parent);
        if (outer !== undefined) hiddenBy.set(boundary.id, outer);
        else if (collapse.has(boundary.id)) hiddenBy.set(boundary.id, boundary.id);
    }
    return hiddenBy;
}
