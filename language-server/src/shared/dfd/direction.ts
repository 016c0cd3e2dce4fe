/**
 * Which way a diagram's flows run (docs/dfd.md, "Direction"). Graphviz lays a DFD out left to right
 * by default; a large model then becomes a long strip that, fitted to a panel or a page, is too thin
 * to read. The rule, pure so that it is tested on exact sizes:
 *
 * 1. Lay out left to right. If the result is at most {@link MAX_ASPECT} times as wide as high, keep it.
 * 2. Else lay out top to bottom too, and keep whichever is closer to {@link TARGET_ASPECT}, measured
 *    as the ratio between the two aspects (so 3:1 and 1:3 are equally far from 1:1); a tie keeps
 *    left to right.
 *
 * At most two layouts, and the same input always gives the same choice.
 */

/** Graphviz's `rankdir`: left to right (the default) or top to bottom. */
export type DfdDirection = 'LR' | 'TB';

/** A laid-out diagram's size (any unit, the same for both sides). */
export interface DiagramSize {
    readonly width: number;
    readonly height: number;
}

/** The aspect ratio (width : height) a diagram is fitted to: a panel beside an editor, a page. */
export const TARGET_ASPECT = 1.5;
/** Left to right is kept up to this aspect ratio without trying top to bottom. */
export const MAX_ASPECT = 2;

/** Whether a left-to-right layout of this size is wide enough to try top to bottom as well. */
export function tooWide(size: DiagramSize): boolean {
    return size.height > 0 && size.width / size.height > MAX_ASPECT;
}

/** The direction whose layout is closer to {@link TARGET_ASPECT}; left to right on a tie. */
export function closerToTarget(leftToRight: DiagramSize, topToBottom: DiagramSize): DfdDirection {
    return distanceToTarget(topToBottom) < distanceToTarget(leftToRight) ? 'TB' : 'LR';
}

/** |ln(aspect / target)|: how many times too wide or too high, on a symmetric scale. */
function distanceToTarget(size: DiagramSize): number {
    if (size.width <= 0 || size.height <= 0) return Number.POSITIVE_INFINITY;
    return Math.abs(Math.log(size.width / size.height / TARGET_ASPECT));
}

/** The size Graphviz wrote on an SVG document's root, in points. */
export function svgSize(svg: string): DiagramSize {
    const size = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg);
    return { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
}
