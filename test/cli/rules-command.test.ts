import * as assert from 'node:assert/strict';
import { runTml } from './helpers/run-tml.js';

const FIXTURE = 'test/fixtures/rules/partner.tm';

interface JsonRule { name: string; title: string; kind: string; category: string; cwe: number[]; capec: number[]; source: string; holds: number }

function rulesJson(...args: string[]): JsonRule[] {
    const result = runTml(['rules', FIXTURE, '--format', 'json', ...args]);
    assert.equal(result.status, 0, result.stderr);
    return JSON.parse(result.stdout) as JsonRule[];
}

describe('tml rules', () => {
    it('lists the built-in rules, then the declared ones, as DESIGN.md §8.3 says, with how many elements each holds for', () => {
        const rules = rulesJson();
        assert.equal(rules.length, 50);
        assert.deepEqual(Object.keys(rules[0]!), ['name', 'title', 'kind', 'category', 'cwe', 'capec', 'source', 'holds']);
        assert.deepEqual(rules.at(-1), {
            name: 'CallbacksLogged', title: 'Callbacks are not logged', kind: 'process', category: 'Repudiation',
            cwe: [778], capec: [], source: FIXTURE, holds: 1,
        });
        assert.deepEqual(rules.find(r => r.name === 'UnsignedPartnerCallback'), {
            name: 'UnsignedPartnerCallback', title: 'Partner callback accepted without a signature check', kind: 'process', category: 'Spoofing',
            cwe: [345], capec: [151], source: 'builtin', holds: 1,
        });
        assert.deepEqual(rules.filter(r => r.holds > 0).map(r => r.name), [
            'ServiceCallerForged', 'UnsignedPartnerCallback', 'UnsafeDeserialization', 'UnauthenticatedFromLessTrusted', 'CallbacksLogged',
        ]);
    });

    it('--rules chooses the rules in force: builtin, workspace or none', () => {
        assert.equal(rulesJson('--rules', 'builtin').length, 49);
        assert.deepEqual(rulesJson('--rules', 'workspace').map(r => r.name), ['CallbacksLogged']);
        assert.deepEqual(rulesJson('--rules', 'none'), []);
    });

    it('prints Markdown by default: a summary line and one row per rule', () => {
        const result = runTml(['rules', FIXTURE, '--rules', 'workspace']);
        assert.deepEqual(result, {
            status: 0, stderr: '',
            stdout: [
                '# Rules in force',
                '',
                '1 rule in force (0 built-in, 1 declared); 1 holds for at least one element.',
                '',
                '| Rule | Title | On | STRIDE | CWE | CAPEC | Source | Holds |',
                '| --- | --- | --- | --- | --- | --- | --- | ---: |',
                `| CallbacksLogged | Callbacks are not logged | process | Repudiation | CWE-778 |  | ${FIXTURE} | 1 |`,
                '',
            ].join('\n'),
        });
    });
});

describe('--rules on tml check', () => {
    const suggestions = (...args: string[]): string[] => {
        const result = runTml(['check', FIXTURE, '--format', 'json', '--fail-on', 'none', ...args]);
        return (JSON.parse(result.stdout) as { code: string; message: string }[]).filter(f => f.code === 'tm/rule-suggests').map(f => f.message.split("'")[1]!);
    };

    it('suggests from every rule by default, from the built-in or the declared ones alone, or from none', () => {
        // Sorted as tml check sorts findings: by position (Bank, Hooks, Callback), then message.
        assert.deepEqual(suggestions(), ['ServiceCallerForged', 'CallbacksLogged', 'UnsafeDeserialization', 'UnsignedPartnerCallback', 'UnauthenticatedFromLessTrusted']);
        assert.deepEqual(suggestions('--rules', 'workspace'), ['CallbacksLogged']);
        assert.deepEqual(suggestions('--rules', 'builtin'), ['ServiceCallerForged', 'UnsafeDeserialization', 'UnsignedPartnerCallback', 'UnauthenticatedFromLessTrusted']);
        assert.deepEqual(suggestions('--rules', 'none'), []);
    });

    it("gives SARIF one descriptor per rule in force, and the rule's CWE on its suggestion", () => {
        const result = runTml(['check', FIXTURE, '--format', 'sarif', '--fail-on', 'none', '--rules', 'workspace']);
        const run = (JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; properties?: unknown }[] }[] }).runs[0]!;
        assert.deepEqual(run.tool.driver.rules.filter(r => r.id.startsWith('tml-rule/')).map(r => r.id), ['tml-rule/CallbacksLogged']);
        assert.deepEqual(run.results.filter(r => r.ruleId === 'tm/rule-suggests').map(r => r.properties), [
            { tags: ['security', 'external/cwe/cwe-778'], cwe: [778], capec: [], rule: 'CallbacksLogged' },
        ]);
    });
});
