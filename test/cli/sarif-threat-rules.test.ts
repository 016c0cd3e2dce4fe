import * as assert from 'node:assert/strict';
import type { Finding } from '../../language-server/src/generator/findings.js';
import { buildSarifLog, formatSarif } from '../../language-server/src/generator/sarif.js';
import { ALL_ISSUE_CODES } from '../../language-server/src/validation/issue-codes.js';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';

const PARTNER_CALLBACK = {
    name: 'UnsignedPartnerCallback', title: 'Partner callback accepted without a signature check', kind: 'process', category: 'Spoofing',
    cwe: [345], capec: [151], source: 'builtin',
    description: 'A partner system can be impersonated.', mitigation: 'Verify an HMAC signature.',
};
const NO_REFERENCES = { ...PARTNER_CALLBACK, name: 'Mine', title: 'Our own rule', cwe: [], capec: [], source: 'rules/ours.tm', description: '', mitigation: '' };

const SUGGESTION: Finding = { file: 'm.tm', line: 2, column: 9, endLine: 2, endColumn: 12, severity: 'information', code: 'tm/rule-suggests', message: "Rule 'UnsignedPartnerCallback' holds for process 'Api'." };
const ON_THREAT: Finding = { file: 'm.tm', line: 5, column: 8, endLine: 5, endColumn: 9, severity: 'warning', code: 'tm/dread-missing', message: "Threat 'T' has no DREAD rating." };
const OTHER: Finding = { file: 'm.tm', line: 9, column: 1, endLine: 9, endColumn: 4, severity: 'warning', code: 'tm/stride-missing', message: 'x' };

describe('SARIF output with threat rules (DESIGN.md §8.3)', () => {
    const log = buildSarifLog([SUGGESTION, ON_THREAT, OTHER], {
        toolVersion: '1.0.0',
        sourceRootUri: 'file:///p/',
        threatRules: [PARTNER_CALLBACK, NO_REFERENCES],
        referencesOf: finding => (finding === SUGGESTION ? { cwe: [345], capec: [151], rule: 'UnsignedPartnerCallback' }
            : finding === ON_THREAT ? { cwe: [352, 79], capec: [62] } : undefined),
    });
    const run = log.runs[0]!;

    it('has one rule descriptor per tml rule after the codes, with its CWE as a relationship and a tag', () => {
        assert.deepEqual(run.tool.driver.rules.map(r => r.id), [...ALL_ISSUE_CODES, 'tml-rule/UnsignedPartnerCallback', 'tml-rule/Mine']);
        assert.deepEqual(run.tool.driver.rules.at(-2), {
            id: 'tml-rule/UnsignedPartnerCallback',
            name: 'UnsignedPartnerCallback',
            shortDescription: { text: 'Partner callback accepted without a signature check' },
            fullDescription: { text: 'A partner system can be impersonated.' },
            help: { text: 'Suggested mitigation: Verify an HMAC signature. (CWE-345, CAPEC-151)' },
            defaultConfiguration: { level: 'note' },
            relationships: [{ target: { id: '345', toolComponent: { name: 'CWE' } }, kinds: ['relevant'] }],
            properties: {
                tags: ['security', 'external/cwe/cwe-345', 'external/capec/capec-151'], cwe: [345], capec: [151],
                kind: 'process', category: 'Spoofing', source: 'builtin',
            },
        });
        assert.deepEqual(run.tool.driver.rules.at(-1), {
            id: 'tml-rule/Mine',
            name: 'Mine',
            shortDescription: { text: 'Our own rule' },
            defaultConfiguration: { level: 'note' },
            properties: { tags: ['security'], cwe: [], capec: [], kind: 'process', category: 'Spoofing', source: 'rules/ours.tm' },
        });
    });

    it('carries the CWE and CAPEC of a suggestion and of a finding about a threat; other results carry none', () => {
        assert.deepEqual(run.results.map(r => [r.taxa, r.properties]), [
            [[{ id: '345', toolComponent: { name: 'CWE' } }], { tags: ['security', 'external/cwe/cwe-345', 'external/capec/capec-151'], cwe: [345], capec: [151], rule: 'UnsignedPartnerCallback' }],
            [[{ id: '352', toolComponent: { name: 'CWE' } }, { id: '79', toolComponent: { name: 'CWE' } }],
                { tags: ['security', 'external/cwe/cwe-352', 'external/cwe/cwe-79', 'external/capec/capec-62'], cwe: [352, 79], capec: [62] }],
            [undefined, undefined],
        ]);
    });

    it('declares the CWE taxonomy with every entry named, once, in numeric order', () => {
        assert.deepEqual(run.taxonomies, [{
            name: 'CWE', organization: 'MITRE', shortDescription: { text: 'The MITRE Common Weakness Enumeration' },
            taxa: [{ id: '79' }, { id: '345' }, { id: '352' }],
        }]);
    });

    it('validates against the official SARIF 2.1.0 schema', () => {
        assert.deepEqual(sarifSchemaErrors(log), []);
        assert.deepEqual(sarifSchemaErrors(JSON.parse(formatSarif([SUGGESTION], { toolVersion: '1', sourceRootUri: 'file:///p/', threatRules: [NO_REFERENCES] }))), []);
    });
});
