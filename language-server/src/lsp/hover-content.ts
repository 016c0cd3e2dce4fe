import type { DfdElement, Threat } from '../generated/ast.js';
import type { ElementCoverage } from '../model/coverage.js';
import { CATEGORY_MEANINGS, coverageSummary } from '../model/explain.js';
import { computeRisk, DREAD_FACTORS } from '../model/risk.js';
import { statedFacts, weaknessReferences } from '../model/stated-facts.js';
import { describeElement } from '../model/stride.js';
import { escapeMarkdown } from './markdown.js';

const STATUS_LABELS = {
    addressed: '✅ addressed',
    excluded: '➖ excluded',
    unmitigated: '⚠️ unmitigated',
    missing: '❌ missing',
} as const;

/** Hover for a DFD element: its STRIDE coverage, category by category. */
export function elementHover(element: DfdElement, coverage: ElementCoverage): string {
    const { settled, applicable } = coverageSummary(coverage);
    const lines = [
        `**${escapeMarkdown(describeElement(element))}**${element.title ? ` — ${escapeMarkdown(element.title)}` : ''}`,
        '',
        ...factsLines(element),
        `STRIDE: ${settled}/${applicable} addressed`,
        '',
        '| Category | Status | By |',
        '|---|---|---|',
    ];
    for (const c of coverage.categories) {
        if (c.status === 'not-applicable') continue;
        const by = c.status === 'excluded'
            ? escapeMarkdown(c.exclude?.reason ?? '')
            : c.threats.map(t => `${escapeMarkdown(t.name)}${c.unaddressed.includes(t) ? ' (open)' : ''}`).join(', ');
        lines.push(`| ${c.category} | ${STATUS_LABELS[c.status]} | ${by || '—'} |`);
    }
    return lines.join('\n');
}

/** "Facts: type service · trust untrusted", and an empty line; nothing when the element states none of the optional attributes (docs/language.md#optional-attributes). */
function factsLines(element: DfdElement): string[] {
    const facts = statedFacts(element);
    return facts.length === 0 ? [] : [`Facts: ${facts.map(escapeMarkdown).join(' · ')}`, ''];
}

/** "References: CWE-352, CAPEC-62 · rule CsrfOnSessionCookies — title", and an empty line; nothing without either. */
function referenceLines(threat: Threat): string[] {
    const parts = [weaknessReferences(threat.cwe, threat.capec)].filter(part => part !== '');
    const rule = threat.rule;
    if (rule !== undefined) {
        const title = rule.ref?.title;
        parts.push(`rule ${escapeMarkdown(rule.$refText)}${title ? ` — ${escapeMarkdown(title)}` : ''}`);
    }
    return parts.length === 0 ? [] : [`References: ${parts.join(' · ')}`, ''];
}

/** Hover for a threat: categories, targets, assets, DREAD factors, risk and rating, response, the mitigations' status and the bug. */
export function threatHover(threat: Threat): string {
    const lines = [`**Threat ${escapeMarkdown(threat.name)}**${threat.title ? ` — ${escapeMarkdown(threat.title)}` : ''}`, ''];
    if (threat.stride.length > 0) lines.push(`STRIDE: ${threat.stride.join(', ')}`, '');
    const names = (refs: ReadonlyArray<{ ref?: { name?: string }; $refText?: string }>): string => refs.map(r => escapeMarkdown(r.ref?.name ?? r.$refText ?? '')).join(', ');
    if (threat.targets.length > 0) lines.push(`Targets: ${names(threat.targets)}`, '');
    if (threat.assets.length > 0) lines.push(`Assets: ${names(threat.assets)}`, '');
    lines.push(...referenceLines(threat));
    const score = computeRisk(threat.dread);
    if (threat.dread) {
        const values = new Map(threat.dread.factors.map(f => [f.factor, f.value]));
        lines.push(`DREAD: ${DREAD_FACTORS.map(f => `${f} ${values.get(f) ?? '?'}`).join(' · ')}`, '');
    }
    lines.push(score ? `Risk **${score.risk.toFixed(1)}** · ${score.rating}` : 'Risk: not rated (needs all five DREAD factors, 0–10)', '');
    lines.push(`Response: ${threat.response ?? 'none yet'}`);
    for (const ref of threat.mitigatedBy) {
        const m = ref.ref;
        if (m) lines.push(`- ${escapeMarkdown(m.name)} — ${escapeMarkdown(m.title ?? '')} (${m.status ?? 'no status'})`);
    }
    if (threat.bug !== undefined) lines.push('', `Bug: ${escapeMarkdown(threat.bug)}`);
    return lines.join('\n');
}

/** Hover for a STRIDE category keyword. */
export function categoryHover(category: keyof typeof CATEGORY_MEANINGS): string {
    return `**${category}**: ${CATEGORY_MEANINGS[category]}`;
}
