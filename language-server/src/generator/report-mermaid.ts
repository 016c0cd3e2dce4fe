import { AstUtils } from 'langium';
import type { Boundary, DfdElement, Flow, Model, Node } from '../generated/ast.js';
import { isBoundary, isFlow, isNode, isScenario } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import type { ReportDiagram } from './report-model.js';
import { normaliseText } from './table-cells.js';

/**
 * Mermaid flowcharts of the DFD for the report: the overview and one per scenario (its flows and
 * their end points). External entities are rectangles, processes rounded, data stores cylinders
 * (Mermaid has no open-ended box), trust boundaries dashed subgraphs; elements with STRIDE
 * categories still missing or unmitigated have a red outline. Pure.
 */
export function reportDiagrams(models: readonly Model[], coverage: CoverageIndex): ReportDiagram[] {
    const declarations = models.flatMap(m => m.declarations);
    const flows = declarations.filter(isFlow);
    const diagrams: ReportDiagram[] = [{ scenario: null, mermaid: flowchart(allNodes(models), flows, coverage) }];
    for (const scenario of declarations.filter(isScenario)) {
        const scenarioFlows = scenario.flows.flatMap(ref => (ref.ref ? [ref.ref] : []));
        const ends = new Set(scenarioFlows.flatMap(f => [f.source.ref, f.target.ref]));
        const nodes = allNodes(models).filter(n => ends.has(n));
        diagrams.push({ scenario: normaliseText(scenario.name), mermaid: flowchart(nodes, scenarioFlows, coverage) });
    }
    return diagrams;
}

function allNodes(models: readonly Model[]): Node[] {
    return models.flatMap(m => AstUtils.streamAllContents(m).filter(isNode).toArray());
}

/** Mermaid's entity codes for what would end a label, start markup or an entity. */
const MERMAID_CODES: Readonly<Record<string, string>> = {
    '#': '#35;', '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;', '`': '#96;', '|': '#124;',
};

/** A label's text: one line, special characters as entity codes. */
export function mermaidLabel(text: string): string {
    return normaliseText(text).replace(/\s*\n\s*/g, ' ').replace(/[#"&<>`|]/g, c => MERMAID_CODES[c] ?? c);
}

/** Ids carry a prefix so that no model name can clash with a Mermaid keyword (`end`, `graph`…). */
const id = (name: string): string => `tm_${name}`;

const SHAPES: Readonly<Record<Node['$type'], readonly [string, string]>> = {
    External: ['[', ']'],
    Process: ['([', '])'],
    Datastore: ['[(', ')]'],
};

function isOpen(element: DfdElement, coverage: CoverageIndex): boolean {
    return coverage.coverageOf(element).categories.some(c => c.status === 'missing' || c.status === 'unmitigated');
}

function flowchart(nodes: readonly Node[], flows: readonly Flow[], coverage: CoverageIndex): string {
    const shown = new Set<Node | Boundary>(nodes);
    for (const node of nodes) {
        for (let container = node.$container; isBoundary(container); container = container.$container) shown.add(container);
    }
    const lines = ['flowchart LR'];
    const write = (members: readonly (Node | Boundary)[], indent: string): void => {
        for (const member of members) {
            if (!shown.has(member)) continue;
            if (isBoundary(member)) {
                lines.push(`${indent}subgraph ${id(member.name)}["${mermaidLabel(member.title)}"]`);
                write(member.members, `${indent}  `);
                lines.push(`${indent}end`);
            } else {
                const [open, close] = SHAPES[member.$type];
                lines.push(`${indent}${id(member.name)}${open}"${mermaidLabel(member.title)}"${close}`);
            }
        }
    };
    const topLevel = [...new Set([...shown].map(n => n.$container))].filter(c => !isBoundary(c))
        .flatMap(model => model.declarations.filter((d): d is Node | Boundary => isNode(d) || isBoundary(d)));
    write(topLevel, '  ');
    const drawn = flows.filter(f => f.source.ref && f.target.ref && shown.has(f.source.ref) && shown.has(f.target.ref));
    for (const flow of drawn) {
        lines.push(`  ${id(flow.source.ref?.name ?? '')} -->|"${mermaidLabel(flow.title)}"| ${id(flow.target.ref?.name ?? '')}`);
    }
    const open = nodes.filter(n => isOpen(n, coverage)).map(n => id(n.name));
    if (open.length > 0) lines.push('  classDef open stroke:#d32f2f,stroke-width:3px', `  class ${open.join(',')} open`);
    const boundaries = [...shown].filter(isBoundary).map(b => id(b.name));
    for (const boundary of boundaries) lines.push(`  style ${boundary} fill:none,stroke-dasharray:5 5`);
    const openFlows = drawn.flatMap((f, index) => (isOpen(f, coverage) ? [index] : []));
    if (openFlows.length > 0) lines.push(`  linkStyle ${openFlows.join(',')} stroke:#d32f2f,stroke-width:2px`);
    return `${lines.join('\n')}\n`;
}
