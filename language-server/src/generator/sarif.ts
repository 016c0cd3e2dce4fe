import type { IssueSeverity } from '../validation/issue-codes.js';
import { DEFAULT_SEVERITIES, IssueCodes } from '../validation/issue-codes.js';
import type { BugUrlTemplate } from '../shared/bug-url.js';
import { bugUrl } from '../shared/bug-url.js';
import type { Finding } from './findings.js';
import { weaknessReferences } from '../model/stated-facts.js';
import type { RuleSummary, RuleText } from './rule-list.js';
import type { RuleDescription } from './rules.js';
import { describeRules } from './rules.js';

/** The schema SARIF 2.1.0 logs name (the OASIS errata 01 schema). */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The base every result location is relative to; consumers such as GitHub code scanning map it to the checkout. */
export const SOURCE_ROOT_ID = '%SRCROOT%';

export interface SarifOptions {
    /** tml's version, reported as the tool's. */
    readonly toolVersion: string;
    /** The `file:` URI of the directory findings' files are relative to, ending in `/`. */
    readonly sourceRootUri: string;
    readonly informationUri?: string;
    /** The threat rules in force (docs/language.md#rules): one rule descriptor each, after the codes' descriptors. */
    readonly threatRules?: readonly (RuleSummary & RuleText)[];
    /** The catalogue references of a finding about a threat, or of a rule's suggestion; undefined for others. */
    readonly referencesOf?: (finding: Finding) => FindingReferences | undefined;
    /** Links the bug of the threat a finding is about (`--bug-url`): `properties.bug` and `properties.bugUrl`. */
    readonly bugUrl?: BugUrlTemplate;
}

/** The CWE and CAPEC entries a finding is about, and the tml rule it comes from or answers. */
export interface FindingReferences {
    readonly cwe: readonly number[];
    readonly capec: readonly number[];
    readonly rule?: string;
    /** The bug of the threat the finding is about (`bug "SEC-142"`). */
    readonly bug?: string;
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifLog {
    readonly $schema: string;
    readonly version: '2.1.0';
    readonly runs: readonly SarifRun[];
}

export interface SarifRun {
    readonly tool: { readonly driver: SarifDriver };
    /** The CWE taxonomy, with the entries rules and results name; only when some do. */
    readonly taxonomies?: readonly [SarifTaxonomy];
    readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
    readonly columnKind: 'utf16CodeUnits';
    readonly results: readonly SarifResult[];
}

export interface SarifDriver {
    readonly name: string;
    readonly version: string;
    readonly informationUri?: string;
    readonly rules: readonly SarifRule[];
}

export interface SarifRule {
    readonly id: string;
    /** A tml threat rule's name. */
    readonly name?: string;
    readonly shortDescription: { readonly text: string };
    readonly fullDescription?: { readonly text: string };
    readonly help?: { readonly text: string };
    readonly defaultConfiguration: { readonly level: SarifLevel };
    readonly relationships?: readonly SarifRelationship[];
    readonly properties?: SarifProperties;
}

/** A rule's or result's tie to a CWE entry of the run's taxonomy. */
export interface SarifTaxonReference {
    readonly id: string;
    readonly toolComponent: { readonly name: 'CWE' };
}

export interface SarifRelationship {
    readonly target: SarifTaxonReference;
    readonly kinds: readonly ['relevant'];
}

export interface SarifTaxonomy {
    readonly name: 'CWE';
    readonly organization: 'MITRE';
    readonly shortDescription: { readonly text: string };
    readonly taxa: readonly { readonly id: string }[];
}

/**
 * `tags` as code scanning tools read them (`external/cwe/cwe-352`, as GitHub's own queries tag
 * theirs), and the references as numbers.
 */
export interface SarifProperties {
    readonly tags: readonly string[];
    readonly cwe: readonly number[];
    readonly capec: readonly number[];
    /** The tml rule: the one a result's suggestion comes from, or the one a threat answers. */
    readonly rule?: string;
    readonly kind?: string;
    readonly category?: string;
    readonly source?: string;
    /** With a bug URL template: the bug of the threat the result is about, and its link. */
    readonly bug?: string;
    readonly bugUrl?: string;
}

export interface SarifResult {
    readonly ruleId: string;
    readonly ruleIndex: number;
    readonly level: SarifLevel;
    readonly message: { readonly text: string };
    readonly locations: readonly [SarifLocation];
    readonly taxa?: readonly SarifTaxonReference[];
    readonly properties?: SarifProperties;
}

export interface SarifLocation {
    readonly physicalLocation: {
        readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
        readonly region: {
            readonly startLine: number;
            readonly startColumn: number;
            readonly endLine: number;
            readonly endColumn: number;
        };
    };
}

const SARIF_LEVEL: Readonly<Record<IssueSeverity, SarifLevel>> = {
    error: 'error',
    warning: 'warning',
    information: 'note',
    hint: 'note',
};

/**
 * `check --format sarif`: a SARIF 2.1.0 log with one run, one rule per code (every tml code, plus
 * any other code that occurs) and one result per finding. Findings' 1-based, end-exclusive
 * columns are SARIF's convention already, so regions are copied as they are.
 */
export function buildSarifLog(findings: readonly Finding[], options: SarifOptions): SarifLog {
    const seen = new Map<string, IssueSeverity>();
    for (const finding of findings) {
        if (!seen.has(finding.code)) seen.set(finding.code, finding.severity);
    }
    const rules = describeRules(seen);
    const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
    const threatRules = (options.threatRules ?? []).map(threatRuleDescriptor);
    const results = findings.map(finding => toSarifResult(finding, ruleIndex.get(finding.code) ?? 0, options.referencesOf?.(finding), options.bugUrl));
    const cwes = [...threatRules.flatMap(r => r.properties?.cwe ?? []), ...results.flatMap(r => r.properties?.cwe ?? [])];
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'tml',
                    version: options.toolVersion,
                    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                    rules: [...rules.map(toSarifRule), ...threatRules],
                },
            },
            ...(cwes.length > 0 ? { taxonomies: [cweTaxonomy(cwes)] as const } : {}),
            originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: options.sourceRootUri } },
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
}

/** {@link buildSarifLog} as pretty-printed JSON ending with a newline. */
export function formatSarif(findings: readonly Finding[], options: SarifOptions): string {
    return `${JSON.stringify(buildSarifLog(findings, options), undefined, 2)}\n`;
}

function toSarifRule(rule: RuleDescription): SarifRule {
    return {
        id: rule.id,
        shortDescription: { text: rule.description },
        defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    };
}

/** The prefix of a tml threat rule's descriptor id (`tml-rule/UnsignedPartnerCallback`), apart from the `tm/` codes. */
export const THREAT_RULE_ID_PREFIX = 'tml-rule/';

function threatRuleDescriptor(rule: RuleSummary & RuleText): SarifRule {
    const references = weaknessReferences(rule.cwe, rule.capec);
    return {
        id: `${THREAT_RULE_ID_PREFIX}${rule.name}`,
        name: rule.name,
        shortDescription: { text: rule.title },
        ...(rule.description === '' ? {} : { fullDescription: { text: rule.description } }),
        ...(rule.mitigation === '' ? {} : { help: { text: `Suggested mitigation: ${rule.mitigation}${references === '' ? '' : ` (${references})`}` } }),
        defaultConfiguration: { level: SARIF_LEVEL[DEFAULT_SEVERITIES[IssueCodes.RuleSuggests]] },
        ...(rule.cwe.length > 0 ? { relationships: rule.cwe.map(id => ({ target: cweTaxon(id), kinds: ['relevant'] as const })) } : {}),
        properties: { ...referenceProperties(rule), kind: rule.kind, category: rule.category, source: rule.source },
    };
}

function cweTaxon(id: number): SarifTaxonReference {
    return { id: String(id), toolComponent: { name: 'CWE' } };
}

function referenceProperties(references: FindingReferences): SarifProperties {
    return {
        tags: ['security', ...references.cwe.map(id => `external/cwe/cwe-${id}`), ...references.capec.map(id => `external/capec/capec-${id}`)],
        cwe: references.cwe,
        capec: references.capec,
        ...(references.rule === undefined ? {} : { rule: references.rule }),
    };
}

/** The CWE entries named anywhere in the run, each once, in numeric order. */
function cweTaxonomy(cwes: readonly number[]): SarifTaxonomy {
    return {
        name: 'CWE',
        organization: 'MITRE',
        shortDescription: { text: 'The MITRE Common Weakness Enumeration' },
        taxa: [...new Set(cwes)].sort((a, b) => a - b).map(id => ({ id: String(id) })),
    };
}

function toSarifResult(finding: Finding, ruleIndex: number, references: FindingReferences | undefined, template: BugUrlTemplate | undefined): SarifResult {
    const url = template && bugUrl(template, references?.bug);
    return {
        ruleId: finding.code,
        ruleIndex,
        level: SARIF_LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: artifactLocation(finding.file),
                region: {
                    startLine: finding.line,
                    startColumn: finding.column,
                    endLine: finding.endLine,
                    endColumn: finding.endColumn,
                },
            },
        }],
        ...(references && (references.cwe.length > 0 || references.capec.length > 0 || references.rule !== undefined || url !== undefined) ? {
            ...(references.cwe.length > 0 ? { taxa: references.cwe.map(cweTaxon) } : {}),
            properties: { ...referenceProperties(references), ...(url === undefined ? {} : { bug: references.bug, bugUrl: url }) },
        } : {}),
    };
}

/**
 * A relative path becomes a URI reference relative to {@link SOURCE_ROOT_ID}, each segment
 * percent-encoded (spaces, `#`, `%` and `:` are legal in file names but not in a relative URI).
 * A Windows path on another drive than the current directory cannot be made relative; it
 * becomes an absolute `file:` URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
    const encoded = file.split('/').map(encodeURIComponent).join('/');
    if (/^[A-Za-z]:\//.test(file)) {
        return { uri: `file:///${file.slice(0, 2)}${encoded.slice(encoded.indexOf('/'))}` };
    }
    return { uri: encoded, uriBaseId: SOURCE_ROOT_ID };
}
