import type { DfdElement, System, Threat } from '../generated/ast.js';
import type { CoverageIndex } from '../model/coverage.js';
import type { CoverageStatus } from '../shared/stride.js';
import type { RiskScore } from '../model/risk.js';
import { computeRisk, DREAD_FACTORS } from '../model/risk.js';
import { ELEMENT_KIND_WORDS } from '../shared/element-kinds.js';
import { elementTraits } from '../model/stride.js';
import { descriptionCell, factorCell, mitigationsCell, mitigationStatusCell, normaliseText, referenceNames, referencesCell, responseCell } from './table-cells.js';
import type { RatingCounts, ThreatTable } from './table-model.js';
import { BUG_URL_COLUMN, COVERAGE_COLUMNS, THREAT_COLUMNS } from './table-model.js';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import { bugUrl } from '../shared/bug-url.js';

/** What a threat table is made of: the declarations in scope and the workspace's coverage. */
export interface ThreatTableInput {
    readonly systems: readonly System[];
    readonly threats: readonly Threat[];
    /** The DFD elements of the coverage matrix, in the order its rows should have. */
    readonly elements: readonly DfdElement[];
    readonly coverage: CoverageIndex;
    /** The files in scope, as the user refers to them. */
    readonly files: readonly string[];
    /** Links each threat's bug to the tracker: adds the {@link BUG_URL_COLUMN}. */
    readonly bugUrl?: BugUrlTemplate;
}

/** Builds the threat list and coverage matrix (docs/language.md#outputs). */
export function buildThreatTable(input: ThreatTableInput): ThreatTable {
    const ranked = rankThreats(input.threats);
    const template = input.bugUrl;
    return {
        title: systemsTitle(input.systems),
        files: input.files,
        ratings: countRatings(ranked),
        threats: template === undefined
            ? { columns: THREAT_COLUMNS, rows: ranked.map(({ threat, score }) => threatRow(threat, score)) }
            : { columns: [...THREAT_COLUMNS, BUG_URL_COLUMN], rows: ranked.map(({ threat, score }) => [...threatRow(threat, score), bugUrl(template, threat.bug) ?? '']) },
        coverage: { columns: COVERAGE_COLUMNS, rows: input.elements.map(element => coverageRow(element, input.coverage)) },
    };
}

interface RankedThreat {
    readonly threat: Threat;
    readonly score: RiskScore | undefined;
}

/** Highest risk first, then by ID; threats without a complete DREAD rating last, by ID. */
export function rankThreats(threats: readonly Threat[]): RankedThreat[] {
    return threats
        .map(threat => ({ threat, score: computeRisk(threat.dread) }))
        .sort((a, b) => compareRisk(a.score, b.score) || compareText(a.threat.name, b.threat.name));
}

function compareRisk(a: RiskScore | undefined, b: RiskScore | undefined): number {
    if (a && b) return b.risk - a.risk;
    if (a) return -1;
    return b ? 1 : 0;
}

/** Code-unit order, the same on every machine whatever its locale. */
function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function countRatings(ranked: readonly RankedThreat[]): RatingCounts {
    const count = (rating: string | undefined): number => ranked.filter(t => t.score?.rating === rating).length;
    return { High: count('High'), Medium: count('Medium'), Low: count('Low'), notRated: count(undefined) };
}

function threatRow(threat: Threat, score: RiskScore | undefined): string[] {
    return [
        normaliseText(threat.name),
        normaliseText(threat.title),
        threat.stride.join(', '),
        referenceNames(threat.targets),
        referenceNames(threat.assets),
        descriptionCell(threat),
        normaliseText(threat.impact),
        ...DREAD_FACTORS.map(factor => factorCell(threat.dread, factor)),
        score ? score.risk.toFixed(1) : '',
        score?.rating ?? '',
        responseCell(threat),
        mitigationsCell(threat),
        mitigationStatusCell(threat),
        normaliseText(threat.bug),
        referencesCell(threat),
    ];
}

/** How a coverage cell reads: the status, with a space instead of the hyphen. */
export function coverageStatusText(status: CoverageStatus): string {
    return status === 'not-applicable' ? 'not applicable' : status;
}

function coverageRow(element: DfdElement, coverage: CoverageIndex): string[] {
    const { categories } = coverage.coverageOf(element);
    return [
        normaliseText(element.name),
        normaliseText(element.title),
        ELEMENT_KIND_WORDS[elementTraits(element).kind].noun,
        ...categories.map(c => coverageStatusText(c.status)),
    ];
}

/** What documents are titled with: the systems' titles, comma-separated ('' without a system). */
export function systemsTitle(systems: readonly System[]): string {
    return systems.map(s => normaliseText(s.title)).filter(t => t !== '').join(', ');
}
