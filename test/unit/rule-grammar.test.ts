import * as assert from 'node:assert/strict';
import type { Condition, Model } from '../../language-server/src/generated/ast.js';
import { isAndCondition, isAsset, isBoundary, isDatastore, isDismiss, isExclude, isExternal, isFactTest, isFlow, isNotCondition, isOrCondition, isProcess, isQuantifier, isRule, isThreat } from '../../language-server/src/generated/ast.js';
import { checkModel, syntaxAndLinkErrors } from './helpers/workspace.js';

/** The condition as a Lisp-like term, so that the shape the parser built is visible at a glance. */
function term(condition: Condition | undefined): string {
    if (!condition) return '?';
    if (isOrCondition(condition)) return `(or ${condition.operands.map(term).join(' ')})`;
    if (isAndCondition(condition)) return `(and ${condition.operands.map(term).join(' ')})`;
    if (isNotCondition(condition)) return `(not ${term(condition.operand)})`;
    if (isQuantifier(condition)) return `(${condition.quantifier} ${condition.list.segments.join('.')}${condition.condition ? ` ${term(condition.condition)}` : ''})`;
    if (isFactTest(condition)) {
        const path = condition.path.segments.join('.');
        if (condition.value !== undefined) return `(${condition.negated ? 'is-not' : 'is'} ${path} ${condition.value})`;
        if (condition.values.length > 0) return `(in ${path} [${condition.values.join(' ')}])`;
        if (condition.text !== undefined) return `(has ${path} ${condition.text})`;
        return path;
    }
    return '?';
}

async function parse(text: string): Promise<Model> {
    const { document, diagnostics } = await checkModel(text);
    assert.deepEqual(syntaxAndLinkErrors(diagnostics).map(d => d.message), []);
    return document.parseResult.value;
}

async function conditionOf(when: string): Promise<string> {
    const model = await parse(`rule R "r" {\n    on flow\n    stride Tampering\n    when ${when}\n}\n`);
    const rule = model.declarations.find(isRule)!;
    return term(rule.when);
}

describe('the grammar of §8.1 attributes', () => {
    it('reads the typed attributes of assets, boundaries, externals, processes, data stores and flows', async () => {
        const model = await parse([
            'asset Passwords "User passwords" { classification secret  type credentials }',
            'boundary Internet "Public internet" { trust untrusted  tags "edge", "waf"  external Partner "Partner API" { type service  tags "b2b" } }',
            'process Api "Public API" { technology "Node.js 20"  privileged  tags "public", "pci" }',
            'datastore Ledger "Ledger" { technology "PostgreSQL 16"  encrypted  tags "pci" }',
            'flow Login: Partner -> Api "Sign in" { bidirectional  tags "login" }',
            '',
        ].join('\n'));
        const asset = model.declarations.find(isAsset)!;
        assert.deepEqual([asset.classification, asset.type], ['secret', 'credentials']);
        const boundary = model.declarations.find(isBoundary)!;
        assert.deepEqual([boundary.trust, boundary.tags], ['untrusted', ['edge', 'waf']]);
        const partner = boundary.members.find(isExternal)!;
        assert.deepEqual([partner.type, partner.tags], ['service', ['b2b']]);
        const api = model.declarations.find(isProcess)!;
        assert.deepEqual([api.privileged, api.tags], [true, ['public', 'pci']]);
        const ledger = model.declarations.find(isDatastore)!;
        assert.deepEqual([ledger.encrypted, ledger.tags], [true, ['pci']]);
        const login = model.declarations.find(isFlow)!;
        assert.deepEqual([login.bidirectional, login.tags], [true, ['login']]);
    });

    it('reads cwe, capec and rule of a threat, and several categories of an exclude', async () => {
        const model = await parse([
            'process P "p"',
            'rule Csrf "c" { on process stride Spoofing }',
            'threat T "t" { stride Spoofing targets P cwe 352, 79  capec 62  rule Csrf }',
            'exclude Tampering, InformationDisclosure on P "mTLS with pinned certificates."',
            'exclude Repudiation on P "one category, as before"',
            '',
        ].join('\n'));
        const threat = model.declarations.find(isThreat)!;
        assert.deepEqual([threat.cwe, threat.capec, threat.rule?.ref?.name], [[352, 79], [62], 'Csrf']);
        const excludes = model.declarations.filter(isExclude);
        assert.deepEqual(excludes.map(e => e.categories), [['Tampering', 'InformationDisclosure'], ['Repudiation']]);
    });
});

describe('the grammar of §8.2 rules', () => {
    it('reads every clause of a rule declaration', async () => {
        const model = await parse([
            'rule UnsignedPartnerCallback "Partner callback accepted without a signature check" {',
            '    on process',
            '    stride Spoofing',
            '    when any flowsIn (source.type is service and not authenticated)',
            '    unless tags has "hmac-verified"',
            '    cwe 345',
            '    capec 151, 94',
            '    description "A partner system can be impersonated."',
            '    mitigation "Verify an HMAC signature on every callback."',
            '}',
            '',
        ].join('\n'));
        const rule = model.declarations.find(isRule)!;
        assert.deepEqual({
            name: rule.name, title: rule.title, on: rule.on, stride: rule.stride, when: term(rule.when), unless: term(rule.unless),
            cwe: rule.cwe, capec: rule.capec, description: rule.description, mitigation: rule.mitigation,
        }, {
            name: 'UnsignedPartnerCallback', title: 'Partner callback accepted without a signature check', on: 'process', stride: 'Spoofing',
            when: '(any flowsIn (and (is source.type service) (not authenticated)))', unless: '(has tags hmac-verified)',
            cwe: [345], capec: [151, 94], description: 'A partner system can be impersonated.', mitigation: 'Verify an HMAC signature on every callback.',
        });
    });

    it('binds not tighter than and, and and tighter than or, left to right; parentheses group', async () => {
        assert.equal(await conditionOf('a or b and not c or d'), '(or (or a (and b (not c))) d)');
        assert.equal(await conditionOf('(a or b) and c'), '(and (or a b) c)');
        assert.equal(await conditionOf('not not a'), '(not (not a))');
        assert.equal(await conditionOf('not (a and b)'), '(not (and a b))');
    });

    it('reads is, is not, in and has tests on paths, with keywords as fact names and values', async () => {
        assert.equal(await conditionOf('source.type is person'), '(is source.type person)');
        assert.equal(await conditionOf('trust is not trusted'), '(is-not trust trusted)');
        assert.equal(await conditionOf('kind in [process, datastore]'), '(in kind [process datastore])');
        assert.equal(await conditionOf('protocol is "HTTP"'), '(is protocol HTTP)');
        assert.equal(await conditionOf('tech has "sql"'), '(has tech sql)');
        assert.equal(await conditionOf('encrypted and authenticated and bidirectional'), '(and (and encrypted authenticated) bidirectional)');
        assert.equal(await conditionOf('target.logs or target.privileged or target.entrypoint'), '(or (or target.logs target.privileged) target.entrypoint)');
    });

    it('reads quantifiers with and without a condition, nested', async () => {
        assert.equal(await conditionOf('any carries'), '(any carries)');
        assert.equal(await conditionOf('no carries (classification in [confidential, secret])'), '(no carries (in classification [confidential secret]))');
        assert.equal(await conditionOf('any source.flowsIn (any carries (type is credentials)) and encrypted'),
            '(and (any source.flowsIn (any carries (is type credentials))) encrypted)');
    });

    it('reads a dismiss with several elements, and without a reason', async () => {
        const model = await parse([
            'process P "p"',
            'process Q "q"',
            'rule R "r" { on process stride Spoofing when privileged }',
            'dismiss R on P, Q "Both sit behind the VPN."',
            'dismiss R on P',
            '',
        ].join('\n'));
        const dismisses = model.declarations.filter(isDismiss);
        assert.deepEqual(dismisses.map(d => [d.rule.ref?.name, d.elements.map(e => e.ref?.name), d.reason]),
            [['R', ['P', 'Q'], 'Both sit behind the VPN.'], ['R', ['P'], undefined]]);
    });

    it('reports a rule condition with a missing operand as a syntax error, and keeps the rest of the file', async () => {
        const { document, diagnostics } = await checkModel('rule R "r" { on flow when encrypted and }\nprocess P "p"\n');
        assert.ok(syntaxAndLinkErrors(diagnostics).length > 0);
        assert.ok(document.parseResult.value.declarations.some(isProcess));
    });
});
