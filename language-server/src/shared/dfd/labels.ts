/**
 * The words and marks a diagram shows for an element, shared by every renderer and by the VS Code
 * preview's tooltips, so that the SVG file and the preview explain a mark the same way.
 */
import type { StrideCategory } from '../stride.js';
import { ELEMENT_KIND_WORDS } from '../element-kinds.js';
import type { DfdCategoryCoverage, DfdEdge, DfdNode } from './graph.js';

/** The warning sign that marks an element with open categories. */
export const OPEN_MARK = '⚠';

/** "⚠ T R I": the initials of the open categories, or '' when none is open. */
export function openMark(open: readonly StrideCategory[]): string {
    return open.length === 0 ? '' : `${OPEN_MARK} ${open.map(c => c[0]).join(' ')}`;
}

/** "Process 'Storefront'" */
export function describeDfdElement(element: DfdNode | DfdEdge): string {
    return `${ELEMENT_KIND_WORDS[element.kind].title} '${element.name}'`;
}

/** "Tampering: unmitigated (open: OrderTamper)" */
export function describeCategory(c: DfdCategoryCoverage): string {
    switch (c.status) {
        case 'addressed':
            return `${c.category}: addressed by ${c.threats.join(', ')}`;
        case 'excluded':
            return c.reason === undefined ? `${c.category}: excluded` : `${c.category}: excluded (${c.reason})`;
        case 'missing':
            return `${c.category}: missing (no threat, no exclude)`;
        case 'unmitigated':
            return `${c.category}: unmitigated (open: ${c.unaddressed.join(', ')})`;
    }
}

/** One line of an element's hover text; `open` for a category still to do. */
export interface TooltipLine {
    readonly text: string;
    readonly open: boolean;
}

/**
 * The hover text of an element: what it is, how many applicable categories are settled, for a flow
 * its protocol and protections, the §8.1 facts it states (type, trust, tags, classified assets…),
 * one line per category, and for a flow its findings (flow-findings.ts). The title is not repeated:
 * it is on the diagram already.
 */
export function tooltipEntries(element: DfdNode | DfdEdge): TooltipLine[] {
    const settled = element.coverage.length - element.open.length;
    return [
        { text: `${describeDfdElement(element)}: STRIDE ${settled}/${element.coverage.length} addressed`, open: false },
        ...(element.kind === 'flow' ? [{ text: flowFacts(element), open: false }] : []),
        ...(element.facts ? [{ text: element.facts.join(' · '), open: false }] : []),
        ...element.coverage.map(c => ({ text: describeCategory(c), open: element.open.includes(c.category) })),
        ...(element.kind === 'flow' ? (element.findings ?? []).map(text => ({ text: `${OPEN_MARK} ${text}`, open: true })) : []),
    ];
}

/** {@link tooltipEntries} as text lines. */
export function tooltipLines(element: DfdNode | DfdEdge): string[] {
    return tooltipEntries(element).map(line => line.text);
}

/** "HTTPS, encrypted, not authenticated" */
export function flowFacts(edge: DfdEdge): string {
    return [
        ...(edge.protocol ? [edge.protocol] : []),
        edge.encrypted ? 'encrypted' : 'not encrypted',
        edge.authenticated ? 'authenticated' : 'not authenticated',
    ].join(', ');
}

/** "1 flow", "3 flows"; "2 boundaries" given the plural. */
export function countOf(n: number, word: string, plural = `${word}s`): string {
    return `${n} ${n === 1 ? word : plural}`;
}
