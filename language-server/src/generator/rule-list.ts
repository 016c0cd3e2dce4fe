/**
 * `tml rules` (docs/language.md#rules): every rule in force, built-in and declared, with how many elements
 * of the model it holds for. Pure: the CLI collects the entries, this writes them.
 */
import { escapeMarkdownCell, escapeMarkdownText } from './escape-markdown.js';

/** One rule in force, as `tml rules --format json` prints it (property order as the README's `tml rules` lists it). */
export interface RuleListEntry extends RuleSummary {
    /** How many elements of the model the rule holds for (whether or not a threat answers it). */
    readonly holds: number;
}

/** What the outputs say about a rule in force: `tml rules` and SARIF's rule descriptors. */
export interface RuleSummary {
    readonly name: string;
    readonly title: string;
    /** The element kind of `on`: external, process, datastore or flow; empty when the rule has no `on`. */
    readonly kind: string;
    /** The STRIDE category of `stride`; empty when the rule has none. */
    readonly category: string;
    readonly cwe: readonly number[];
    readonly capec: readonly number[];
    /** `builtin`, or the file that declares the rule, as the user refers to it. */
    readonly source: string;
}

/** A rule's description and suggested mitigation, for SARIF; not part of `tml rules` output. */
export interface RuleText {
    readonly description: string;
    readonly mitigation: string;
}

/** Pretty-printed with two spaces, ending with a newline; exactly the properties the README lists for `tml rules --format json`. */
export function formatRuleListJson(entries: readonly RuleListEntry[]): string {
    const json = entries.map(({ name, title, kind, category, cwe, capec, source, holds }) => ({ name, title, kind, category, cwe, capec, source, holds }));
    return `${JSON.stringify(json, undefined, 2)}\n`;
}

const HEADERS = ['Rule', 'Title', 'On', 'STRIDE', 'CWE', 'CAPEC', 'Source', 'Holds'];

/** A Markdown document: a summary line, then one table row per rule in the order given. */
export function formatRuleListMarkdown(entries: readonly RuleListEntry[]): string {
    const builtin = entries.filter(e => e.source === 'builtin').length;
    const holding = entries.filter(e => e.holds > 0).length;
    const summary = `${entries.length} ${entries.length === 1 ? 'rule' : 'rules'} in force (${builtin} built-in, ${entries.length - builtin} declared); `
        + `${holding} ${holding === 1 ? 'holds' : 'hold'} for at least one element.`;
    const line = (cells: readonly string[]): string => `| ${cells.map(escapeMarkdownCell).join(' | ')} |`;
    const rows = entries.map(e => line([
        e.name, e.title, e.kind, e.category,
        e.cwe.map(id => `CWE-${id}`).join(', '), e.capec.map(id => `CAPEC-${id}`).join(', '),
        e.source, String(e.holds),
    ]));
    const delimiter = `| ${HEADERS.map(h => (h === 'Holds' ? '---:' : '---')).join(' | ')} |`;
    return ['# Rules in force', '', escapeMarkdownText(summary), '', line(HEADERS), delimiter, ...rows, ''].join('\n');
}
