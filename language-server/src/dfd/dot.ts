import { dotEscString, dotQuoted, htmlLabelLines, htmlLabelText, showable } from './dot-escape.js';
import { LAYOUT_FONT, NODE_FONT_SIZE } from '../shared/dfd/font.js';
import type { DfdDirection } from '../shared/dfd/direction.js';
import type { DfdBoundary, DfdCollapsedBoundary, DfdDiagram, DfdEdge, DfdMergedFlow, DfdNode } from '../shared/dfd/graph.js';
import { countOf, OPEN_MARK, openMark, tooltipLines } from '../shared/dfd/labels.js';
import { collapsedSummary, DFD_COLORS, SVG_ID_PREFIX } from '../shared/dfd/svg-style.js';
import { wrapLabel } from './wrap.js';

const FONT = LAYOUT_FONT;

/**
 * The diagram in Graphviz DOT, in DFD notation (docs/dfd.md): external entities as rectangles,
 * processes as ellipses, data stores as two horizontal lines, flows as labelled arrows, trust
 * boundaries as nested dashed clusters. Elements with open STRIDE categories are drawn in
 * `DFD_COLORS.open` with the categories' initials under the title, and explain themselves in the
 * tooltip. Collapsed boundaries (shared/dfd/collapse.ts) are boxes in the boundary's colour, and flows merged by
 * collapsing one arrow labelled with their number. Pure; the same text is laid out for the preview
 * and for `tml dfd`; `direction` is where the flows run (shared/dfd/direction.ts), left to right by default.
 */
export function toDot(diagram: DfdDiagram, options: { readonly direction?: DfdDirection } = {}): string {
    const out: string[] = [
        'digraph "dfd" {',
        `  graph [rankdir=${options.direction ?? 'LR'}, fontname=${dotQuoted(FONT)}, fontsize=${NODE_FONT_SIZE}, nodesep=0.35, ranksep=0.8, pad=0.2];`,
        `  node [fontname=${dotQuoted(FONT)}, fontsize=${NODE_FONT_SIZE}, color=${dotQuoted(DFD_COLORS.line)}, margin="0.2,0.07"];`,
        `  edge [fontname=${dotQuoted(FONT)}, fontsize=${NODE_FONT_SIZE - 1}, color=${dotQuoted(DFD_COLORS.line)}, arrowsize=0.8];`,
    ];
    const childBoundaries = groupBy(diagram.boundaries, b => b.parent);
    const childNodes = groupBy(diagram.nodes, n => n.boundary);
    const childCollapsed = groupBy(diagram.collapsed ?? [], b => b.parent);
    const writeMembers = (parent: string | undefined, indent: string): void => {
        for (const boundary of childBoundaries.get(parent) ?? []) {
            out.push(`${indent}subgraph ${dotQuoted(`cluster_${boundary.id}`)} {`);
            out.push(`${indent}  graph [${boundaryAttributes(boundary)}];`);
            writeMembers(boundary.id, `${indent}  `);
            out.push(`${indent}}`);
        }
        for (const node of childNodes.get(parent) ?? []) out.push(`${indent}${dotQuoted(node.id)} [${nodeAttributes(node)}];`);
        for (const boundary of childCollapsed.get(parent) ?? []) out.push(`${indent}${dotQuoted(boundary.id)} [${collapsedAttributes(boundary)}];`);
    };
    writeMembers(undefined, '  ');
    for (const edge of diagram.edges) {
        out.push(`  ${dotQuoted(edge.source)} -> ${dotQuoted(edge.target)} [${edgeAttributes(edge)}];`);
    }
    for (const flow of diagram.merged ?? []) {
        out.push(`  ${dotQuoted(flow.source)} -> ${dotQuoted(flow.target)} [${mergedAttributes(flow)}];`);
    }
    out.push('}', '');
    return out.join('\n');
}

function collapsedAttributes(boundary: DfdCollapsedBoundary): string {
    const open = boundary.open > 0;
    const mark = open ? ` <FONT COLOR="${DFD_COLORS.open}">${htmlLabelText(`${OPEN_MARK} ${boundary.open} open`)}</FONT>` : '';
    return attributes([
        ['id', dotQuoted(SVG_ID_PREFIX + boundary.id)],
        ['class', dotQuoted(`tm-collapsed${open ? ' tm-open' : ''}`)],
        ['shape', 'box'],
        ['style', dotQuoted('dashed,rounded')],
        ['penwidth', '2'],
        ['color', dotQuoted(DFD_COLORS.boundary)],
        ['fontcolor', dotQuoted(DFD_COLORS.boundary)],
        ['label', `<${wrappedLines(boundary.title)}<BR/><FONT POINT-SIZE="9">${htmlLabelText(countOf(boundary.elements, 'element'))}${mark}</FONT>>`],
        ['tooltip', dotEscString(`Trust boundary '${boundary.name}', collapsed: ${collapsedSummary(boundary)}`)],
    ]);
}

function mergedAttributes(flow: DfdMergedFlow): string {
    return attributes([
        ['id', dotQuoted(SVG_ID_PREFIX + flow.id)],
        ['class', dotQuoted(`tm-flow tm-merged${flow.open ? ' tm-open' : ''}`)],
        ['label', `<${htmlLabelText(countOf(flow.flows.length, 'flow'))}${flow.open ? `<BR/><FONT COLOR="${DFD_COLORS.open}" POINT-SIZE="9">${OPEN_MARK}</FONT>` : ''}>`],
        ['tooltip', dotEscString(flow.flows.map(f => f.title).join('\n'))],
        ['penwidth', flow.open ? '2.5' : '1.5'],
        ...(flow.open ? [['color', dotQuoted(DFD_COLORS.open)] as [string, string]] : []),
    ]);
}

function boundaryAttributes(boundary: DfdBoundary): string {
    return attributes([
        ['id', dotQuoted(SVG_ID_PREFIX + boundary.id)],
        ['class', dotQuoted('tm-boundary')],
        ['label', `<${wrappedLines(boundary.title)}>`],
        ['style', dotQuoted('dashed,rounded')],
        ['color', dotQuoted(DFD_COLORS.boundary)],
        ['fontcolor', dotQuoted(DFD_COLORS.boundary)],
        ['labeljust', 'l'],
    ]);
}

function nodeAttributes(node: DfdNode): string {
    const open = node.open.length > 0;
    const common: [string, string][] = [
        ['id', dotQuoted(SVG_ID_PREFIX + node.id)],
        ['class', dotQuoted(`tm-node tm-${node.kind}${open ? ' tm-open' : ''}`)],
        ['tooltip', dotEscString(tooltipLines(node).join('\n'))],
    ];
    const content = labelContent(node.title, openMark(node.open), 10);
    if (node.kind === 'datastore') {
        // An open-ended box: a one-cell table with only its top and bottom borders drawn.
        const color = open ? ` COLOR="${DFD_COLORS.open}"` : '';
        const table = `<TABLE BORDER="0" CELLBORDER="${open ? 2 : 1}" SIDES="TB" CELLSPACING="0" CELLPADDING="9"${color}><TR><TD SIDES="TB">${content}</TD></TR></TABLE>`;
        return attributes([...common, ['shape', 'plain'], ['label', `<${table}>`]]);
    }
    return attributes([
        ...common,
        ['shape', node.kind === 'external' ? 'box' : 'ellipse'],
        ['label', `<${content}>`],
        ...(open ? openStroke() : []),
    ]);
}

/** A flow with open categories or with findings (a boundary crossing unprotected…) is marked alike. */
function edgeAttributes(edge: DfdEdge): string {
    const findings = (edge.findings ?? []).length > 0;
    const open = edge.open.length > 0 || findings;
    const mark = edge.open.length > 0 ? openMark(edge.open) : findings ? OPEN_MARK : '';
    return attributes([
        ['id', dotQuoted(SVG_ID_PREFIX + edge.id)],
        ['class', dotQuoted(`tm-flow${open ? ' tm-open' : ''}${findings ? ' tm-finding' : ''}`)],
        ['label', `<${labelContent(edge.title, mark, 9)}>`],
        ['tooltip', dotEscString(tooltipLines(edge).join('\n'))],
        ...(open ? openStroke() : []),
    ]);
}

/** The title, and under it the mark in the open colour. */
function labelContent(title: string, mark: string, markSize: number): string {
    const titleText = wrappedLines(title);
    if (mark === '') return titleText;
    return `${titleText}<BR/><FONT COLOR="${DFD_COLORS.open}" POINT-SIZE="${markSize}">${htmlLabelText(mark)}</FONT>`;
}

/** A title wrapped onto lines ({@link wrapLabel}) as shown (invisible characters spelled out), as HTML-like label text. */
function wrappedLines(title: string): string {
    return htmlLabelLines(wrapLabel(showable(title)).join('\n'));
}

function openStroke(): [string, string][] {
    return [['color', dotQuoted(DFD_COLORS.open)], ['penwidth', '2']];
}

function attributes(pairs: readonly (readonly [string, string])[]): string {
    return pairs.map(([name, value]) => `${name}=${value}`).join(', ');
}

/** The items by key, each group in the items' order: a diagram's members by their boundary, in one pass. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string | undefined, T[]> {
    const groups = new Map<string | undefined, T[]>();
    for (const item of items) {
        const k = key(item);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
    }
    return groups;
}
