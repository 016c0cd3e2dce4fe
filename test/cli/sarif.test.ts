import * as assert from 'node:assert/strict';
import type { Finding } from '../../language-server/src/generator/findings.js';
import { artifactLocation, buildSarifLog, formatSarif } from '../../language-server/src/generator/sarif.js';
import { ALL_ISSUE_CODES } from '../../language-server/src/validation/issue-codes.js';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';

const OPTIONS = { toolVersion: '9.8.7', sourceRootUri: 'file:///home/me/project/' };

const FINDINGS: readonly Finding[] = [
    { file: 'models/store.tm', line: 3, column: 5, endLine: 3, endColumn: 15, severity: 'warning', code: 'tm/stride-missing', message: "Process 'Storefront' has no threat for Spoofing." },
    { file: 'models/store.tm', line: 7, column: 20, endLine: 7, endColumn: 22, severity: 'error', code: 'tm/dread-out-of-range', message: 'DREAD damage is 11.' },
    { file: 'models/store.tm', line: 9, column: 1, endLine: 9, endColumn: 1, severity: 'error', code: 'parsing-error', message: "Expecting token of type '}' but found ``." },
    { file: 'my models/a#1.tm', line: 1, column: 1, endLine: 1, endColumn: 4, severity: 'information', code: 'tm/fix-without-bug', message: 'No bug.' },
];

describe('SARIF output', () => {
    const log = buildSarifLog(FINDINGS, OPTIONS);
    const run = log.runs[0]!;

    it('is one run of tml with its version and a %SRCROOT% base', () => {
        assert.equal(log.version, '2.1.0');
        assert.equal(log.$schema, 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json');
        assert.equal(log.runs.length, 1);
        assert.equal(run.tool.driver.name, 'tml');
        assert.equal(run.tool.driver.version, '9.8.7');
        assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///home/me/project/' } });
    });

    it('has one rule per tml code, then the other codes that occur', () => {
        assert.deepEqual(run.tool.driver.rules.map(rule => rule.id), [...ALL_ISSUE_CODES, 'parsing-error']);
        assert.deepEqual(run.tool.driver.rules[0], {
            id: 'tm/stride-missing',
            shortDescription: { text: 'A STRIDE category that applies to a DFD element has no threat and no exclude.' },
            defaultConfiguration: { level: 'warning' },
        });
        assert.deepEqual(run.tool.driver.rules.find(rule => rule.id === 'tm/fix-without-bug')?.defaultConfiguration, { level: 'note' });
        assert.deepEqual(run.tool.driver.rules.at(-1), {
            id: 'parsing-error',
            shortDescription: { text: 'The text does not follow the grammar of the language.' },
            defaultConfiguration: { level: 'error' },
        });
    });

    it('has one result per finding with its rule, level, message and region', () => {
        assert.deepEqual(run.results, [
            {
                ruleId: 'tm/stride-missing', ruleIndex: 0, level: 'warning',
                message: { text: "Process 'Storefront' has no threat for Spoofing." },
                locations: [{ physicalLocation: {
                    artifactLocation: { uri: 'models/store.tm', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 15 },
                } }],
            },
            {
                ruleId: 'tm/dread-out-of-range', ruleIndex: 6, level: 'error',
                message: { text: 'DREAD damage is 11.' },
                locations: [{ physicalLocation: {
                    artifactLocation: { uri: 'models/store.tm', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 7, startColumn: 20, endLine: 7, endColumn: 22 },
                } }],
            },
            {
                ruleId: 'parsing-error', ruleIndex: ALL_ISSUE_CODES.length, level: 'error',
                message: { text: "Expecting token of type '}' but found ``." },
                locations: [{ physicalLocation: {
                    artifactLocation: { uri: 'models/store.tm', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 9, startColumn: 1, endLine: 9, endColumn: 1 },
                } }],
            },
            {
                ruleId: 'tm/fix-without-bug', ruleIndex: 9, level: 'note',
                message: { text: 'No bug.' },
                locations: [{ physicalLocation: {
                    artifactLocation: { uri: 'my%20models/a%231.tm', uriBaseId: '%SRCROOT%' },
                    region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 4 },
                } }],
            },
        ]);
    });

    it('validates against the official SARIF 2.1.0 schema, with and without results', () => {
        assert.deepEqual(sarifSchemaErrors(JSON.parse(formatSarif(FINDINGS, OPTIONS))), []);
        assert.deepEqual(sarifSchemaErrors(buildSarifLog([], OPTIONS)), []);
    });

    it('makes a file on another Windows drive an absolute file URI', () => {
        assert.deepEqual(artifactLocation('D:/models/a b.tm'), { uri: 'file:///D:/models/a%20b.tm' });
    });
});
