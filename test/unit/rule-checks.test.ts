import * as assert from 'node:assert/strict';
import { checkModel, checkWorkspace, describeFinding, services } from './helpers/workspace.js';

const RULE_CODES = ['tm/rule-suggests', 'tm/rule-invalid', 'tm/dismiss-unused', 'tm/dismiss-without-reason'];

/** The rule findings of a model: `code @range message`. */
async function ruleFindings(text: string): Promise<string[]> {
    const { diagnostics } = await checkModel(text);
    return diagnostics.filter(d => RULE_CODES.includes(String(d.code)) && !(d.data as { rule?: string }).rule?.startsWith('SensitiveData'))
        .map(d => `${describeFinding(d)} ${d.message}`);
}

const PLAIN = 'rule Plain "Plain flow" { on flow stride Tampering when not encrypted and any carries (type is credentials) cwe 319 }\n';
const LOGIN = 'external U "User"\nprocess P "Portal"\nasset Pw "Passwords" { type credentials }\nflow Login: U -> P "Sign in" { carries Pw }\n';

describe('tm/rule-suggests', () => {
    it('is information on the element name, naming the rule, its title, its category and the facts that made it hold', async () => {
        const { diagnostics } = await checkModel(PLAIN + LOGIN);
        const found = diagnostics.filter(d => d.code === 'tm/rule-suggests' && (d.data as { rule?: string }).rule === 'Plain');
        assert.deepEqual(found.map(d => [describeFinding(d), d.severity, d.message, d.data]), [[
            'tm/rule-suggests @5:6-5:11', 3,
            "Rule 'Plain' (Plain flow) suggests a Tampering threat: flow 'Login' is not encrypted and carries 'Pw' (credentials). " +
            "Add a threat with 'rule Plain' that targets 'Login', or a 'dismiss' saying why it does not apply.",
            { code: 'tm/rule-suggests', rule: 'Plain', category: 'Tampering' },
        ]]);
    });

    it('is silent when a threat on the element names the rule, a dismiss covers it, or the category is excluded', async () => {
        const answers = [
            'threat T "t" { stride Tampering targets Login rule Plain }\n',
            'dismiss Plain on Login "Loopback only."\n',
            'exclude Tampering, DenialOfService on Login "Loopback only."\n',
        ];
        for (const answer of answers) {
            assert.deepEqual((await ruleFindings(PLAIN + LOGIN + answer)).filter(f => f.includes("'Plain'")), [], answer);
        }
    });

    it('does not hold when an attribute it reads is not written: unknown is never false', async () => {
        const typed = 'rule Person "p" { on external stride Spoofing when type is not person }\nexternal A "a" { type device }\nexternal B "b"\n';
        assert.deepEqual((await ruleFindings(typed)).map(f => f.split(' ')[1]), ['@2:10-2:11']);
        const negated = 'rule NotPerson "p" { on external stride Spoofing when not (type is person) }\nexternal B "b"\n';
        assert.deepEqual(await ruleFindings(negated), []);
    });

    it('reads a flow\'s source in another file, and its trust against the target\'s', async () => {
        const files = await checkWorkspace({
            'rules.tm': 'rule Up "u" { on flow stride Tampering when fromLessTrusted and source.type is service }\n',
            'dfd.tm': 'boundary In "In" { trust trusted process P "P" }\nflow F: Partner -> P "F"\n',
            'partner.tm': 'boundary Out "Out" { trust untrusted external Partner "Partner" { type service } }\n',
        });
        const messages = files[1]!.diagnostics.filter(d => d.code === 'tm/rule-suggests').map(d => d.message);
        assert.deepEqual(messages.filter(m => m.includes("'Up'")), [
            "Rule 'Up' (u) suggests a Tampering threat: flow 'F' comes from a less trusted zone and source 'Partner' has type service. " +
            "Add a threat with 'rule Up' that targets 'F', or a 'dismiss' saying why it does not apply.",
        ]);
    });

    it('does not suggest a category that does not apply to the element (a data store without logs)', async () => {
        assert.deepEqual(await ruleFindings('rule Audit "a" { on datastore stride Repudiation }\ndatastore D "d"\ndatastore L "l" { logs }\n'), [
            "tm/rule-suggests @3:11-3:12 Rule 'Audit' (a) suggests a Repudiation threat: it applies to every datastore, such as data store 'L'. Add a threat with 'rule Audit' that targets 'L', or a 'dismiss' saying why it does not apply.",
        ]);
    });
});

describe('tm/rule-invalid', () => {
    it('reports an unknown fact on it, naming the facts of the subject', async () => {
        const findings = await ruleFindings('rule R "r" { on flow stride Tampering when encrypted and target.logz }\n');
        assert.deepEqual(findings, [
            "tm/rule-invalid @1:65-1:69 'logz' is not a fact of a node. The facts of a node are: kind, tags, boundaries, trust, technology, tech, entrypoint, privileged, logs, encrypted, type, stores, flowsIn, flowsOut.",
        ]);
    });

    it('reports a value a fact cannot have, a fact tested the wrong way, an unknown trait', async () => {
        const findings = await ruleFindings([
            'rule R "r" {',
            '    on process',
            '    stride Spoofing',
            '    when trust is secret and tags and tech has "sqll" and any tags and any flowsIn (protocol has "x")',
            '}',
        ].join('\n'));
        assert.deepEqual(findings, [
            "tm/rule-invalid @4:19-4:25 'secret' is not a value of 'trust'; it is one of untrusted, partial or trusted.",
            "tm/rule-invalid @4:30-4:34 'tags' is not a yes/no fact: it is a list of words: test it with 'has \"…\"'.",
            "tm/rule-invalid @4:48-4:54 'sqll' is not a trait of the technology catalogue (docs/technology.md); the traits are " +
            'sql, nosql, cache, queue, object-storage, search, web-app, web-server, api-gateway, cdn, identity-provider, browser, mobile-app, serverless, container, runtime, file-storage, secrets-store, logging, ldap, embedded, payment, email.',
            "tm/rule-invalid @4:63-4:67 'tags' is not a list of flows or assets, so 'any' cannot range over it. Lists are: flowsIn, flowsOut, stores, carries.",
            "tm/rule-invalid @4:85-4:93 'protocol' cannot be tested with 'has': test it with 'is', 'is not' or 'in'.",
        ]);
    });

    it('reports a category that does not apply to the kind, a missing kind, and the name of a built-in rule', async () => {
        assert.deepEqual(await ruleFindings('rule R "r" { on flow stride Spoofing }\nrule S "s" { stride Spoofing }\nrule SqlInjection "mine" { on process stride Tampering when privileged }\n'), [
            "tm/rule-invalid @1:29-1:37 Spoofing does not apply to a flow (STRIDE per element), so rule 'R' could never suggest it. Choose Tampering, InformationDisclosure or DenialOfService.",
            "tm/rule-invalid @2:6-2:7 Rule 'S' does not say what it is about. Add 'on external', 'on process', 'on datastore' or 'on flow'.",
            "tm/rule-invalid @3:6-3:18 Rule 'SqlInjection' has the name of a built-in rule. Give it a name of its own.",
        ]);
    });

    it('gives 10,000 rules their findings without a hang', async function () {
        this.timeout(60_000);
        const rules = Array.from({ length: 10_000 }, (_, i) => `rule R${i} "r" { on flow stride Tampering when not encrypted and nope${i % 2 === 0 ? '' : 'x'} }\n`).join('');
        const findings = await ruleFindings(`${rules}external U "u"\nprocess P "p"\nflow F: U -> P "f"\n`);
        assert.equal(findings.filter(f => f.startsWith('tm/rule-invalid')).length, 10_000);
    });
});

describe('dismiss', () => {
    it('tm/dismiss-without-reason: a warning on the dismiss keyword without a reason, on a blank reason itself', async () => {
        assert.deepEqual(await ruleFindings(`${PLAIN}${LOGIN}dismiss Plain on Login\ndismiss Plain on Login "  "\n`), [
            "tm/dismiss-without-reason @6:1-6:8 This dismiss of rule 'Plain' gives no reason. Say, in a string after the elements, why the suggestion does not apply, so a reviewer can judge it.",
            "tm/dismiss-without-reason @7:24-7:28 This dismiss of rule 'Plain' gives no reason. Say, in a string after the elements, why the suggestion does not apply, so a reviewer can judge it.",
        ]);
    });

    it('tm/dismiss-unused: a hint on each element the rule does not hold for', async () => {
        const findings = await ruleFindings(`${PLAIN}${LOGIN}flow Back: P -> U "Back" { encrypted }\ndismiss Plain on Login, Back "Loopback."\n`);
        assert.deepEqual(findings, [
            "tm/dismiss-unused @7:25-7:29 Rule 'Plain' does not hold for flow 'Back', so there is nothing to dismiss. Remove it from this dismiss.",
        ]);
        const { diagnostics } = await checkModel(`${PLAIN}${LOGIN}flow Back: P -> U "Back" { encrypted }\ndismiss Plain on Login, Back "Loopback."\n`);
        assert.equal(diagnostics.find(d => d.code === 'tm/dismiss-unused')?.severity, 4);
    });
});

describe('the built-in rule library', () => {
    it('is in every workspace, has no findings of its own, and resolves `rule R` references', async () => {
        const [file] = await checkWorkspace({ 'model.tm': 'process P "p"\nthreat T "t" { stride Tampering targets P rule SqlInjection }\n' });
        assert.deepEqual(file!.diagnostics.filter(d => typeof d.code !== 'string' || !d.code.startsWith('tm/')), []);
        const builtin = services.shared.workspace.LangiumDocuments.all.find(d => d.uri.scheme === 'tml-builtin');
        assert.ok(builtin, 'the built-in document is loaded');
        assert.deepEqual(builtin.diagnostics ?? [], []);
        assert.equal(builtin.uri.toString(), 'tml-builtin:/rules.tm');
    });
});
