import type { Viz } from '@viz-js/viz';
import type { DfdDirection } from '../shared/dfd/direction.js';
import { closerToTarget, svgSize, tooWide } from '../shared/dfd/direction.js';
import { toDot } from './dot.js';
import { withFontFallbacks } from '../shared/dfd/font.js';
import type { DfdDiagram } from '../shared/dfd/graph.js';

/**
 * Graphviz compiled to WebAssembly: lays out DOT and writes SVG, offline, in this process. The
 * module is compiled once, on first use (about 0.1 s), and then reused. It is imported only then:
 * it is 1.5 MB of the bundles (its WebAssembly inlined), which every other command and the
 * language server's start-up would otherwise read and compile (scripts/bundle.mjs puts it in a
 * file of its own).
 */
let graphviz: Promise<Viz> | undefined;

/** Loads Graphviz now, so that the first diagram does not wait for it. */
export function loadGraphviz(): Promise<Viz> {
    graphviz ??= import('@viz-js/viz').then(viz => viz.instance());
    return graphviz;
}

/**
 * Lays out DOT with Graphviz's `dot` engine and returns the SVG document, its text in
 * the font family of shared/dfd/font.ts. Graphviz escapes label
 * and tooltip text for XML itself; {@link toDot} hands it titles in a form it escapes exactly.
 * @throws Error when Graphviz rejects the DOT (a bug in the DOT writer, never the user's input).
 */
export async function renderSvg(dot: string): Promise<string> {
    const viz = await loadGraphviz();
    return renderSvgWith(viz, dot);
}

/** {@link renderSvg} with Graphviz already loaded: synchronous, for callers that must not yield. */
export function renderSvgWith(viz: Viz, dot: string): string {
    const result = viz.render(dot, { format: 'svg', engine: 'dot' });
    if (result.status !== 'success') {
        const reasons = result.errors.filter(e => e.level !== 'warning').map(e => e.message.trim());
        throw new Error(`Graphviz could not lay out the diagram: ${reasons.join('; ') || 'unknown error'}`);
    }
    return withFontFallbacks(result.output);
}

/** A diagram laid out in the direction shared/dfd/direction.ts chose, and the DOT text that was laid out. */
export interface DfdLayout {
    readonly direction: DfdDirection;
    readonly dot: string;
    readonly svg: string;
}

/**
 * Lays the diagram out left to right, and when that is too wide for a panel or a page, top to
 * bottom too, keeping the one closer to the target aspect ratio (shared/dfd/direction.ts): at most two layouts.
 */
export function layoutDfd(viz: Viz, diagram: DfdDiagram): DfdLayout {
    const dot = toDot(diagram);
    const svg = renderSvgWith(viz, dot);
    const size = svgSize(svg);
    if (!tooWide(size)) return { direction: 'LR', dot, svg };
    const topToBottom = toDot(diagram, { direction: 'TB' });
    const tallSvg = renderSvgWith(viz, topToBottom);
    return closerToTarget(size, svgSize(tallSvg)) === 'TB' ? { direction: 'TB', dot: topToBottom, svg: tallSvg } : { direction: 'LR', dot, svg };
}

/** {@link layoutDfd}, loading Graphviz first: the SVG of `tml dfd` and of the report. */
export async function renderDfdSvg(diagram: DfdDiagram): Promise<string> {
    return layoutDfd(await loadGraphviz(), diagram).svg;
}
