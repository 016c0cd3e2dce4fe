import { ImportError } from './imported-model.js';

/** An axis-aligned rectangle: top-left corner and size, in the source diagram's units. */
export interface Rect {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

/** Whether `inner` lies entirely inside `outer` (edges may touch), as Threat Dragon decides it. */
export function containsRect(outer: Rect, inner: Rect): boolean {
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * The smallest of `boxes` that contains `rect` (the innermost boundary), other than the box with
 * the key `self`; boxes of equal size are told apart by their order, the earlier one outside.
 */
export function innermostBox(rect: Rect, boxes: readonly { readonly key: string; readonly rect: Rect }[], self?: string): string | undefined {
    let best: { readonly key: string; readonly rect: Rect } | undefined;
    let bestIndex = -1;
    const selfIndex = boxes.findIndex(b => b.key === self);
    boxes.forEach((box, index) => {
        if (box.key === self || !containsRect(box.rect, rect)) return;
        // A box the same size as `self` holds it only if it comes first, so two equal boxes cannot hold each other.
        if (self !== undefined && sameRect(box.rect, rect) && index > selfIndex) return;
        if (!best || area(box.rect) < area(best.rect) || (area(box.rect) === area(best.rect) && index > bestIndex)) {
            best = box;
            bestIndex = index;
        }
    });
    return best?.key;
}

function area(rect: Rect): number {
    return rect.width * rect.height;
}

function sameRect(a: Rect, b: Rect): boolean {
    return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** A rectangle from numbers that may be missing or not finite: none then. */
export function rectOf(x: unknown, y: unknown, width: unknown, height: unknown): Rect | undefined {
    const numbers = [x, y, width, height];
    if (!numbers.every(n => typeof n === 'number' && Number.isFinite(n))) return undefined;
    const [rx, ry, rw, rh] = numbers as number[];
    return rw! >= 0 && rh! >= 0 ? { x: rx!, y: ry!, width: rw!, height: rh! } : undefined;
}

/** Most box × element comparisons done to nest by geometry: a few seconds at worst. */
const MAX_GEOMETRY_WORK = 50_000_000;

/**
 * The innermost box of each box and each item, by rectangle containment.
 * @throws ImportError when there are so many boxes and items that nesting them would take minutes.
 */
export function nestByGeometry(
    boxes: readonly { readonly key: string; readonly rect: Rect }[],
    items: readonly { readonly key: string; readonly rect: Rect }[],
): Map<string, string | undefined> {
    if (boxes.length * (boxes.length + items.length) > MAX_GEOMETRY_WORK) {
        throw new ImportError(`${boxes.length} trust boundary boxes around ${items.length} elements are too many to nest by geometry`);
    }
    const parents = new Map<string, string | undefined>();
    for (const box of boxes) parents.set(box.key, innermostBox(box.rect, boxes, box.key));
    for (const item of items) parents.set(item.key, innermostBox(item.rect, boxes));
    return parents;
}
