/**
 * Turns the SVG text from the language server into DOM nodes for the preview. Graphviz has escaped
 * every title already; this is the second line of defence: the text is parsed as XML (never as
 * HTML, never with innerHTML), and only the elements and attributes Graphviz's SVG uses are kept,
 * so no script, event handler, link, foreign object or style can reach the page, whatever the
 * text holds. Links are unwrapped: nothing in the diagram navigates.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

const ALLOWED_ELEMENTS = new Set(['svg', 'g', 'polygon', 'polyline', 'path', 'ellipse', 'circle', 'rect', 'line', 'text', 'tspan']);

const ALLOWED_ATTRIBUTES = new Set([
    'id', 'class', 'width', 'height', 'viewBox', 'transform', 'preserveAspectRatio',
    'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'opacity',
    'points', 'd', 'cx', 'cy', 'rx', 'ry', 'r', 'x', 'y', 'x1', 'y1', 'x2', 'y2',
    'text-anchor', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-decoration', 'baseline-shift', 'xml:space',
]);

/** The `<svg>` element of the text, sanitised and imported into `target`, or an error message. */
export function importSvg(text: string, target: Document): SVGSVGElement | string {
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = parsed.documentElement;
    if (parsed.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
        return 'The diagram could not be read (the SVG from the language server is not well-formed).';
    }
    sanitise(root);
    const imported = target.importNode(root, true);
    return imported instanceof SVGSVGElement ? imported : 'The diagram could not be read.';
}

function sanitise(element: Element): void {
    for (const attribute of [...element.attributes]) {
        if (!ALLOWED_ATTRIBUTES.has(attribute.name)) element.removeAttributeNode(attribute);
    }
    for (const child of [...element.childNodes]) {
        if (child instanceof Element) {
            const svg = child.namespaceURI === SVG_NS;
            if (svg && ALLOWED_ELEMENTS.has(child.localName)) {
                sanitise(child);
            } else if (svg && child.localName === 'a') {
                // Graphviz wraps tooltip targets in <a>; VS Code's webview host treats a click on a
                // link as navigation. The preview draws its own tooltips: keep the content only.
                sanitise(child);
                child.replaceWith(...child.childNodes);
            } else {
                child.remove();
            }
        } else if (child.nodeType !== Node.TEXT_NODE) {
            // Comments, processing instructions, CDATA: nothing the picture needs.
            child.remove();
        }
    }
}
