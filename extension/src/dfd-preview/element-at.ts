import type { DfdDiagram, DfdPosition, DfdRange } from '../../../language-server/src/shared/dfd/graph.js';

/**
 * The diagram element whose declaration holds the position: the innermost one, so that a node
 * inside a boundary wins over the boundary. `null` when the position is in no declaration the
 * diagram shows. Pure and linear in the diagram's size, cheap enough for every cursor move.
 */
export function elementAt(diagram: DfdDiagram, uri: string, position: DfdPosition): string | null {
    let best: { id: string; range: DfdRange } | undefined;
    for (const element of [...diagram.boundaries, ...diagram.nodes, ...diagram.edges]) {
        const { range } = element.location;
        if (element.location.uri !== uri || !contains(range, position)) continue;
        if (!best || contains(best.range, range.start) && contains(best.range, range.end)) best = { id: element.id, range };
    }
    return best?.id ?? null;
}

function contains(range: DfdRange, position: DfdPosition): boolean {
    return !before(position, range.start) && !before(range.end, position);
}

function before(a: DfdPosition, b: DfdPosition): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}
