import type { Reference } from 'langium';
import type { Dread, DreadFactorName, Mitigation, Threat, TreeNode } from '../generated/ast.js';
import { isTreeGate } from '../generated/ast.js';
import { weaknessReferences } from '../model/stated-facts.js';
import { displayText } from '../model/visible-text.js';

/**
 * Text as every output format can carry it ({@link displayText}): line breaks as `\n`, and
 * control characters (which `.tm` strings may hold as `\0`, `\b`, `\f`, `\v` escapes) and other
 * invisible characters as `<U+XXXX>`, since Markdown parsers, XML and spreadsheets would drop or
 * reject some, and viewers would let the others reorder or hide text.
 */
export function normaliseText(text: string | undefined): string {
    return displayText(text);
}

/** The names a reference list points to, as written: an unresolved name still shows. */
export function referenceNames(references: readonly Reference[]): string {
    return references.map(r => normaliseText(r.$refText)).join(', ');
}

/**
 * One indentation step of a threat tree. No-break spaces, because HTML and Markdown viewers
 * collapse ordinary spaces and the tree would lose its shape.
 */
const INDENT = '\u00A0\u00A0';

/**
 * The Description cell (docs/language.md#outputs): the description, then the threat tree as indented text,
 * one node a line, gates as `OR`/`AND` and leaves as `- `.
 */
export function descriptionCell(threat: Threat): string {
    const parts: string[] = [];
    if (threat.description !== undefined) parts.push(normaliseText(threat.description));
    if (threat.tree && threat.tree.nodes.length > 0) {
        const lines = ['Threat tree:'];
        for (const node of threat.tree.nodes) treeLines(node, 0, lines);
        parts.push(lines.join('\n'));
    }
    return parts.join('\n\n');
}

function treeLines(node: TreeNode, depth: number, lines: string[]): void {
    const indent = INDENT.repeat(depth);
    if (isTreeGate(node)) {
        lines.push(`${indent}${node.gate === 'and' ? 'AND' : 'OR'} ${normaliseText(node.title)}`);
        for (const child of node.children) treeLines(child, depth + 1, lines);
    } else {
        lines.push(`${indent}- ${normaliseText(node.title)}`);
    }
}

/** The value a `dread` block gives a factor (the last one, if given twice), as text; empty if absent. */
export function factorCell(dread: Dread | undefined, factor: DreadFactorName): string {
    const given = dread?.factors.filter(f => f.factor === factor && typeof f.value === 'number') ?? [];
    const last = given[given.length - 1];
    return last ? String(last.value) : '';
}

/** `fix`; `accept: <justification>`; `warn: <warning>`; empty when there is no response. */
export function responseCell(threat: Threat): string {
    const response = threat.response;
    if (response === undefined) return '';
    const reason = response === 'warn' ? threat.warning : response === 'accept' || response === 'remove' ? threat.justification : undefined;
    return reason === undefined ? response : `${response}: ${normaliseText(reason)}`;
}

/** One line per mitigation: its title and, in parentheses, its technique. */
export function mitigationsCell(threat: Threat): string {
    return threat.mitigatedBy.map(ref => {
        const mitigation = ref.ref;
        if (!mitigation) return normaliseText(ref.$refText);
        const title = normaliseText(mitigation.title);
        return mitigation.technique === undefined ? title : `${title} (${normaliseText(mitigation.technique)})`;
    }).join('\n');
}

/** One line per mitigation, in the order of {@link mitigationsCell}: its status. */
export function mitigationStatusCell(threat: Threat): string {
    return threat.mitigatedBy.map(ref => statusOf(ref.ref)).join('\n');
}

function statusOf(mitigation: Mitigation | undefined): string {
    if (!mitigation) return 'unknown mitigation';
    return mitigation.status ?? 'status not set';
}

/** "CWE-352, CAPEC-62", then on a line of its own "rule CsrfOnSessionCookies" when the threat answers a rule. */
export function referencesCell(threat: Threat): string {
    const lines = [weaknessReferences(threat.cwe, threat.capec)].filter(line => line !== '');
    if (threat.rule !== undefined) lines.push(`rule ${normaliseText(threat.rule.$refText)}`);
    return lines.join('\n');
}
