import { escapeMarkdownCell as cell, escapeMarkdownText as para } from './escape-markdown.js';
import type { ReportBoundary, ReportFlow, ReportNode, ReportStatement, SecurityReport } from './report-model.js';
import { formatMarkdownTable } from './table-markdown.js';
import type { TableColumn } from './table-model.js';

/** Sections of the report made of the model's background (TMA step 1) as Markdown blocks. */

/** A Markdown table from headers and rows of text (escaped here). */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
    const columns = headers.map((header, i): TableColumn => ({ key: `c${i}`, header, style: 'text' }));
    return formatMarkdownTable({ columns, rows });
}

/** "**Title** (Name)": how the report names a declaration. */
export function named(title: string, name: string): string {
    const shownTitle = title === '' ? name : title;
    return name === '' || shownTitle === name ? `**${cell(shownTitle)}**` : `**${cell(shownTitle)}** (${cell(name)})`;
}

/** A paragraph, or nothing for empty text. */
function paragraph(text: string): string[] {
    return text === '' ? [] : [para(text), ''];
}

export function systemSection(report: SecurityReport): string[] {
    if (report.systems.length === 0) return ['No `system` is declared in the files in scope.', ''];
    return report.systems.flatMap(system => [
        `### ${para(system.title === '' ? system.name : system.title)}`,
        '',
        ...paragraph(system.description),
        ...(system.owner === '' ? [] : [`Owner: ${cell(system.owner)}`, '']),
    ]);
}

function nodeLine(node: ReportNode, indent: string): string {
    const details = node.details === '' ? '' : ` — ${cell(node.details)}`;
    return `${indent}- ${cell(node.kind)}: ${named(node.title, node.name)}${details}`;
}

function boundaryLines(boundary: ReportBoundary, indent: string): string[] {
    return [
        `${indent}- Trust boundary ${named(boundary.title, boundary.name)}`,
        ...boundary.nodes.map(n => nodeLine(n, `${indent}  `)),
        ...boundary.boundaries.flatMap(b => boundaryLines(b, `${indent}  `)),
    ];
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** The flows as a table: name, title, ends, protocol, protection, assets carried. */
export function flowTable(flows: readonly ReportFlow[]): string {
    return markdownTable(
        ['Flow', 'Title', 'From', 'To', 'Protocol', 'Encrypted', 'Authenticated', 'Carries'],
        flows.map(f => [f.name, f.title, f.source, f.target, f.protocol, yesNo(f.encrypted), yesNo(f.authenticated), f.carries]),
    );
}

export function scopeSection(report: SecurityReport): string[] {
    const crossing = report.flows.filter(f => f.crossing !== '');
    const lines = report.boundaries.length === 0 && report.unbounded.length === 0
        ? ['The files in scope declare no DFD nodes.']
        : [...report.boundaries.flatMap(b => boundaryLines(b, '')), ...report.unbounded.map(n => nodeLine(n, ''))];
    return [
        `In scope: ${para(report.files.join(', '))}.`,
        '',
        'Trust boundaries and the DFD nodes inside them (nodes outside every boundary last):',
        '',
        ...lines,
        '',
        '### Flows that cross a trust boundary',
        '',
        ...(crossing.length === 0
            ? ['None.', '']
            : [markdownTable(
                ['Flow', 'Title', 'From', 'To', 'Crosses', 'Protocol', 'Encrypted', 'Authenticated', 'Carries'],
                crossing.map(f => [f.name, f.title, f.source, f.target, f.crossing, f.protocol, yesNo(f.encrypted), yesNo(f.authenticated), f.carries]),
            )]),
    ];
}

export function assetSection(report: SecurityReport): string[] {
    if (report.assets.length === 0) return ['No assets are declared.', ''];
    return [markdownTable(
        ['Asset', 'Title', 'Description', 'Stored in', 'Carried by', 'Threats'],
        report.assets.map(a => [a.name, a.title, a.description, a.storedIn, a.carriedBy, a.threats]),
    )];
}

export function entryPointSection(report: SecurityReport): string[] {
    if (report.entryPoints.length === 0) return ['No process is marked `entrypoint`.', ''];
    return [markdownTable(
        ['Entry point', 'Title', 'Trust boundary', 'Technology', 'Description'],
        report.entryPoints.map(e => [e.name, e.title, e.boundary, e.technology, e.description]),
    )];
}

export function statementList(statements: readonly ReportStatement[], none: string): string[] {
    if (statements.length === 0) return [none, ''];
    return [...statements.map(s => `- ${cell(s.title)} (${cell(s.name)})`), ''];
}
