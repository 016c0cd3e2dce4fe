/**
 * Where Fit puts a diagram, and whether its text can be read there. Pure (no DOM), so that the
 * rule is tested with exact figures; the page measures the sizes.
 */
import { NODE_FONT_SIZE } from '../../../../language-server/src/shared/dfd/font.js';

/** Zoom factor and offset of the diagram in the viewport (CSS pixels). */
export interface View {
    readonly scale: number;
    readonly x: number;
    readonly y: number;
}

export interface Size {
    readonly width: number;
    readonly height: number;
}

const MIN_SCALE = 0.05;
const MAX_SCALE = 8;
/** Fit never enlarges a diagram beyond this. */
const MAX_FIT_SCALE = 1.5;
/** The margin (px) Fit leaves on each side. */
const MARGIN = 8;
/**
 * Below this height (CSS px) a label cannot be read: the height of the labels' font at Fit is
 * compared with it (docs/dfd.md, "Collapsed boundaries").
 */
export const MIN_READABLE_TEXT_PX = 7;

export function clampScale(scale: number): number {
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** The whole diagram (CSS px at 100 %) in the viewport, centred, never enlarged beyond 150 %. */
export function fitView(diagram: Size, viewport: Size): View {
    if (diagram.width === 0 || diagram.height === 0) return { scale: 1, x: 0, y: 0 };
    const available = { width: Math.max(1, viewport.width - 2 * MARGIN), height: Math.max(1, viewport.height - 2 * MARGIN) };
    const scale = clampScale(Math.min(available.width / diagram.width, available.height / diagram.height, MAX_FIT_SCALE));
    return { scale, x: (viewport.width - diagram.width * scale) / 2, y: (viewport.height - diagram.height * scale) / 2 };
}

/** The labels' height in CSS px when the diagram is at Fit: their font's size (points) at that scale. */
export function textHeightAtFit(diagram: Size, viewport: Size): number {
    return ((NODE_FONT_SIZE * 4) / 3) * fitView(diagram, viewport).scale;
}

/** Whether the labels are too small to read at Fit: then the page collapses the top-level boundaries. */
export function tooSmallAtFit(diagram: Size, viewport: Size): boolean {
    return textHeightAtFit(diagram, viewport) < MIN_READABLE_TEXT_PX;
}
