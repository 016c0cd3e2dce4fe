import { DFD_COLORS } from '../shared/dfd/svg-style.js';
import type { DfdNode } from '../shared/dfd/graph.js';
import type { DfdOutlineDiagram } from './build-graph.js';
import { openMark } from '../shared/dfd/labels.js';
import { groupBy } from './dot.js';
import { visibleText } from '../model/visible-text.js';

/**
 * Mermaid's entity codes for the characters that would end a label, start markup or an entity, or
 * turn the label into a Markdown string. Mermaid decodes `#…;` codes in labels, so `#` itself is
 * escaped too, and a title comes out as the same text.
 */
const MERMAID_CODES: Readonly<Record<string, string>> = {
    '#': '#35;', '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;', '|': '#124;',
};

const SHAPES: Readonly<Record<DfdNode['kind'], readonly [string, string]>> = {
    external: ['[', ']'],
    process: ['((', '))'],
    // Mermaid has no open-ended box: the cylinder is its usual picture of a data store.
    datastore: ['[(', ')]'],
};

/**
 * The diagram as a Mermaid flowchart (`flowchart LR`), for Markdown documents that render Mermaid:
 * external entities as rectangles, processes as circles, data stores as cylinders, trust
 * boundaries as dashed subgraphs, open elements in the open colour with their categories'
 * initials. Ids are `tm_<element id>`, so no model name can clash with a Mermaid keyword. Pure.
 */
export function toMermaid(diagram: DfdOutlineDiagram): string {
    const out = ['flowchart LR'];
    const id = (elementId: string): string => `tm_${elementId}`;
    const childBoundaries = groupBy(diagram.boundaries, b => b.parent);
    const childNodes = groupBy(diagram.nodes, n => n.boundary);
    const writeMembers = (parent: string | undefined, indent: string): void => {
        for (const boundary of childBoundaries.get(parent) ?? []) {
            out.push(`${indent}subgraph ${id(boundary.id)}["${mermaidText(boundary.title)}"]`);
            writeMembers(boundary.id, `${indent}  `);
            out.push(`${indent}end`);
        }
        for (const node of childNodes.get(parent) ?? []) {
            const [open, close] = SHAPES[node.kind];
            out.push(`${indent}${id(node.id)}${open}"${label(node.title, openMark(node.open))}"${close}`);
        }
    };
    writeMembers(undefined, '  ');
    for (const edge of diagram.edges) {
        out.push(`  ${id(edge.source)} -->|"${label(edge.title, openMark(edge.open))}"| ${id(edge.target)}`);
    }
    out.push(...styles(diagram, id));
    return `${out.join('\n')}\n`;
}

function styles(diagram: DfdOutlineDiagram, id: (elementId: string) => string): string[] {
    const out: string[] = [];
    const openNodes = diagram.nodes.filter(n => n.open.length > 0).map(n => id(n.id));
    if (openNodes.length > 0) {
        out.push(`  classDef open stroke:${DFD_COLORS.open},stroke-width:2px`);
        out.push(`  class ${openNodes.join(',')} open`);
    }
    for (const boundary of diagram.boundaries) {
        out.push(`  style ${id(boundary.id)} fill:none,stroke:${DFD_COLORS.boundary},stroke-dasharray:5 5`);
    }
    const openEdges = diagram.edges.flatMap((e, index) => (e.open.length > 0 ? [index] : []));
    if (openEdges.length > 0) out.push(`  linkStyle ${openEdges.join(',')} stroke:${DFD_COLORS.open},stroke-width:2px`);
    return out;
}

function label(title: string, mark: string): string {
    return mark === '' ? mermaidText(title) : `${mermaidText(title)}<br>${mark}`;
}

/**
 * A title inside a quoted Mermaid label: invisible characters made visible ({@link visibleText}),
 * special characters as entity codes, line breaks as `<br>`.
 */
export function mermaidText(text: string): string {
    return visibleText(text)
        .split(/\r\n|\r|\n/)
        .map(line => line.replace(/[#"&<>`|]/g, c => MERMAID_CODES[c]!))
        .join('<br>');
}
