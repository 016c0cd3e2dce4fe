/**
 * The font of the diagram. Graphviz (WebAssembly, no fonts installed) measures text with tables it
 * carries for a few families, and falls back to Times, the narrowest, for any other name, such as a
 * CSS-style list: labels measured that way overflow their shapes once a browser draws them in a
 * sans-serif font. So Graphviz is given one family it has a table for, the widest of the common
 * sans-serif fonts, and the SVG then asks the viewer for that family or one no wider than it.
 */

/** The family Graphviz measures labels with (it carries Verdana's widths). */
export const LAYOUT_FONT = 'Verdana';

/** The size (points) of nodes' and boundaries' titles; flows' labels are a point smaller. */
export const NODE_FONT_SIZE = 11;

/**
 * The `font-family` of the SVG's text: Verdana, else DejaVu Sans (its metrics are within a few
 * per cent of Verdana's, narrower on average) or Bitstream Vera Sans, else the viewer's sans-serif
 * (Arial, Helvetica and their metric clones are narrower still).
 */
export const SVG_FONT_FAMILY = 'Verdana,DejaVu Sans,Bitstream Vera Sans,sans-serif';

/** Replaces the family Graphviz wrote on every text element with {@link SVG_FONT_FAMILY}. */
export function withFontFallbacks(svg: string): string {
    // Titles are text content (with `"` escaped), never attributes, so only Graphviz's own attribute matches.
    return svg.replaceAll(`font-family="${LAYOUT_FONT}"`, `font-family="${SVG_FONT_FAMILY}"`);
}
