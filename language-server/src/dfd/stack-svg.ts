import { escapeHtml } from '../generator/escape-html.js';
import { svgSize } from '../shared/dfd/direction.js';

/** A diagram laid out by Graphviz, and the title shown above it. */
export interface TitledSvg {
    readonly title: string;
    readonly svg: string;
}

const TITLE_HEIGHT = 28;

/**
 * Several models' diagrams (docs/language.md#models-in-a-workspace) as one SVG document: each Graphviz SVG below the
 * previous one, under its model's title. The parts keep their own coordinates (nested `<svg>`
 * elements placed by `y`); all model text is already escaped by the renderer, and the titles here.
 */
export function stackSvgs(parts: readonly TitledSvg[]): string {
    let y = 0;
    let width = 0;
    const body: string[] = [];
    for (const part of parts) {
        const { w, h, element } = innerSvg(part.svg);
        body.push(`<text x="4" y="${y + 19}" font-family="Helvetica,Arial,sans-serif" font-size="16" font-weight="bold">${escapeHtml(part.title)}</text>`);
        y += TITLE_HEIGHT;
        // Sizes in user units: inside the outer viewBox one unit is already one point.
        body.push(element.replace(/^<svg width="([\d.]+)pt" height="([\d.]+)pt"/, `<svg x="0" y="${y}" width="$1" height="$2"`));
        y += h;
        width = Math.max(width, w);
    }
    return [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        `<svg width="${width}pt" height="${y}pt" viewBox="0 0 ${width} ${y}" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`,
        ...body,
        '</svg>',
        '',
    ].join('\n');
}

/** The `<svg>` element of a Graphviz document (without its prolog), and its size in points. */
function innerSvg(svg: string): { w: number; h: number; element: string } {
    const start = svg.indexOf('<svg');
    const element = svg.slice(start).trimEnd();
    const { width, height } = svgSize(element);
    return { w: width, h: height, element };
}
