import { escapeMarkdownCell, escapeMarkdownText as para } from './escape-markdown.js';
import type { Finding } from './findings.js';
import { assetSection, entryPointSection, flowTable, markdownTable, statementList, systemSection, scopeSection } from './report-background.js';
import type { ReportDiagram, ReportResponse, SecurityReport, SecurityReportInput } from './report-model.js';
import { summaryLine } from './text.js';
import { formatThreatTableSections, markdownScopeLine } from './table-markdown.js';

/**
 * A fenced Mermaid block (Mermaid text never holds a backtick: its writer encodes them), or an
 * image whose link is already URL-encoded and whose alternative text is escaped here.
 */
function diagramBlock(diagram: ReportDiagram): string[] {
    const { embed } = diagram;
    if ('mermaid' in embed) return ['```mermaid', embed.mermaid.trimEnd(), '```', ''];
    return [`![${escapeMarkdownCell(embed.alt)}](${embed.link})`, ''];
}

function diagramSection(input: SecurityReportInput): string[] {
    const { report, diagrams } = input;
    const byScenario = new Map<string | null, ReportDiagram>();
    for (const diagram of diagrams) if (!byScenario.has(diagram.scenario)) byScenario.set(diagram.scenario, diagram);
    const diagramOf = (scenario: string | null): string[] => {
        const diagram = byScenario.get(scenario);
        return diagram ? diagramBlock(diagram) : [];
    };
    return [
        '### Overview',
        '',
        ...diagramOf(null),
        ...(report.flows.length === 0 ? ['No flows are declared.', ''] : [flowTable(report.flows)]),
        ...report.scenarios.flatMap(s => [
            `### Scenario: ${para(s.title === '' ? s.name : s.title)}`,
            '',
            ...(s.description === '' ? [] : [para(s.description), '']),
            ...diagramOf(s.name),
            ...(s.flows.length === 0 ? ['This scenario lists no flows.', ''] : [flowTable(s.flows)]),
        ]),
        'In the diagrams, ⚠ and the initials of its categories mark an element (drawn in red) whose STRIDE categories are still missing or unmitigated; the STRIDE coverage below has the details.',
        '',
    ];
}

function responseTable(responses: readonly ReportResponse[], textHeader: string, none: string): string[] {
    if (responses.length === 0) return [none, ''];
    return [markdownTable(['Threat', 'Title', 'Response', 'Risk', textHeader], responses.map(r => [r.threat, r.title, r.response, r.risk, r.text]))];
}

function deploymentSection(report: SecurityReport): string[] {
    const notes = report.systems.filter(s => s.deployment !== '');
    return [
        ...(notes.length === 0 ? ['No deployment notes are given (`deployment` in a `system`).', ''] : notes.flatMap(s => [para(s.deployment), ''])),
        '### Warnings to users',
        '',
        ...responseTable(report.warnings, 'Warning', 'No threat is answered with `warn`.'),
        '### Accepted and removed risks',
        '',
        ...responseTable(report.acceptedRisks, 'Justification', 'No threat is answered with `accept` or `remove`.'),
        '### Mitigations',
        '',
        ...(report.mitigations.length === 0
            ? ['No mitigations are declared.', '']
            : [markdownTable(
                ['Mitigation', 'Title', 'Technique', 'Status', 'Implemented in', 'Verified by', 'Threats'],
                report.mitigations.map(m => [m.name, m.title, m.technique, m.status, m.implementedIn, m.verifiedBy, m.threats]),
            )]),
    ];
}

function openItemsSection(findings: readonly Finding[], fileCount: number): string[] {
    const summary = `${para(summaryLine(findings, fileCount))}.`;
    if (findings.length === 0) return [summary, ''];
    return [
        summary,
        '',
        markdownTable(['File', 'Line', 'Severity', 'Code', 'Message'],
            findings.map(f => [f.file, String(f.line), f.severity, f.code, f.message])),
    ];
}

/**
 * `tml report`: one Markdown document with the system description, scope and trust boundaries,
 * the DFDs, assets, entry points, external dependencies, assumptions, deployment considerations,
 * the threat list, the STRIDE coverage matrix and the open items.
 */
export function formatSecurityReport(input: SecurityReportInput): string {
    const { report, table, findings } = input;
    return [
        `# ${para(report.title === '' ? 'Security model' : `Security model: ${report.title}`)}`,
        '',
        markdownScopeLine(table),
        '',
        '## System description',
        '',
        ...systemSection(report),
        '## Scope and trust boundaries',
        '',
        ...scopeSection(report),
        '## Scenarios and data flow diagrams',
        '',
        ...diagramSection(input),
        '## Assets',
        '',
        ...assetSection(report),
        '## Entry points',
        '',
        ...entryPointSection(report),
        '## External dependencies',
        '',
        ...statementList(report.dependencies, 'No external dependencies are declared.'),
        '## Assumptions',
        '',
        ...statementList(report.assumptions, 'No assumptions are declared.'),
        '## Deployment considerations',
        '',
        ...deploymentSection(report),
        '## Threat list',
        '',
        formatThreatTableSections(table),
        '## Open items',
        '',
        ...openItemsSection(findings, report.files.length),
    ].join('\n').replace(/\n{3,}/g, '\n\n');
}

