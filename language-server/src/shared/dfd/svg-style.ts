/**
 * What the diagram's SVG and the VS Code preview agree on: the colours, the ids of the elements and
 * the summary of a collapsed boundary. The DOT writer (dfd/dot.ts) draws with them; the preview's
 * webview finds and explains the drawn elements with them.
 */
import type { DfdCollapsedBoundary } from './graph.js';
import { countOf } from './labels.js';

/**
 * The colours of the standalone SVG. The VS Code preview restyles the diagram with the editor's
 * theme through the `tm-*` classes, and finds the mark text by its colour, `DFD_COLORS.open`.
 */
export const DFD_COLORS = {
    line: '#333333',
    open: '#c62828',
    boundary: '#8a5a00',
} as const;

/** Prefix of the SVG `id` of every node, flow and boundary: `dfd-<element id>`. */
export const SVG_ID_PREFIX = 'dfd-';

/** "5 elements, 3 flows inside, 2 open" */
export function collapsedSummary(boundary: DfdCollapsedBoundary): string {
    return `${countOf(boundary.elements, 'element')}, ${countOf(boundary.flows, 'flow')} inside${boundary.open > 0 ? `, ${boundary.open} open` : ''}`;
}
