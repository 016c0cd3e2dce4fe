import type { IssueSeverity } from '../validation/issue-codes.js';
import type { Finding } from './findings.js';
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
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifLog {
    readonly $schema: string;
    readonly version: '2.1.0';
    readonly runs: readonly SarifRun[];
}

export interface SarifRun {
    readonly tool: { readonly driver: SarifDriver };
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
    readonly shortDescription: { readonly text: string };
    readonly defaultConfiguration: { readonly level: SarifLevel };
}

export interface SarifResult {
    readonly ruleId: string;
    readonly ruleIndex: number;
    readonly level: SarifLevel;
    readonly message: { readonly text: string };
    readonly locations: readonly [SarifLocation];
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
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'tml',
                    version: options.toolVersion,
                    ...(options.informationUri ? { informationUri: options.informationUri } : {}),
                    rules: rules.map(toSarifRule),
                },
            },
            originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: options.sourceRootUri } },
            columnKind: 'utf16CodeUnits',
            results: findings.map(finding => toSarifResult(finding, ruleIndex.get(finding.code) ?? 0)),
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

function toSarifResult(finding: Finding, ruleIndex: number): SarifResult {
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
