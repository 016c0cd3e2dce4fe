import { toDot } from '../dfd/dot.js';
import type { DfdDiagram } from '../shared/dfd/graph.js';
import { loadGraphviz } from '../dfd/svg.js';
import type { Rect } from './geometry.js';

/** Where the DFD layout puts each element: rectangles by tml name, y downwards, in Threat Dragon's pixels. */
export interface DiagramLayout {
    readonly rects: ReadonlyMap<string, Rect>;
}

/** Graphviz points → Threat Dragon pixels: its shapes are about 1.5 times the size of `tml dfd`'s. */
const SCALE = 1.5;
/** Threat Dragon's schema wants every size at least 10. */
const MIN_SIZE = 10;

/** Lays the diagram out with the same Graphviz layout as `tml dfd` and the preview. */
export async function layoutDiagram(diagram: DfdDiagram): Promise<DiagramLayout> {
    const viz = await loadGraphviz();
    const result = viz.render(toDot(diagram), { format: 'json', engine: 'dot' });
    if (result.status !== 'success') return { rects: new Map() };
    const names = new Map([...diagram.nodes, ...diagram.boundaries].map(e => [e.id, e.name]));
    return layoutFromGraphvizJson(result.output, names);
}

/**
 * Reads Graphviz's JSON output: clusters' bounding boxes (`cluster_<id>`) and nodes' centres and
 * sizes (inches), flipped so that y grows downwards. `names`: diagram id → tml name.
 */
export function layoutFromGraphvizJson(json: string, names: ReadonlyMap<string, string>): DiagramLayout {
    const graph = JSON.parse(json) as { bb?: string; objects?: { name?: string; bb?: string; pos?: string; width?: string; height?: string }[] };
    const height = numbers(graph.bb)[3] ?? 0;
    const rects = new Map<string, Rect>();
    for (const object of graph.objects ?? []) {
        const id = object.name?.replace(/^cluster_/, '');
        const name = id === undefined ? undefined : names.get(id);
        if (name === undefined) continue;
        const [llx, lly, urx, ury] = numbers(object.bb);
        const [cx, cy] = numbers(object.pos);
        if (llx !== undefined && lly !== undefined && urx !== undefined && ury !== undefined) {
            rects.set(name, scaled({ x: llx, y: height - ury, width: urx - llx, height: ury - lly }));
        } else if (cx !== undefined && cy !== undefined) {
            const w = Number(object.width ?? '0') * 72;
            const h = Number(object.height ?? '0') * 72;
            rects.set(name, scaled({ x: cx - w / 2, y: height - cy - h / 2, width: w, height: h }));
        }
    }
    return { rects };
}

function numbers(text: string | undefined): number[] {
    return text === undefined ? [] : text.split(',').map(Number).filter(Number.isFinite);
}

function scaled(rect: Rect): Rect {
    const round = (n: number): number => Math.round(n * SCALE);
    return { x: round(rect.x), y: round(rect.y), width: Math.max(MIN_SIZE, round(rect.width)), height: Math.max(MIN_SIZE, round(rect.height)) };
}
