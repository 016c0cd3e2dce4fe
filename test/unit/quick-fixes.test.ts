import * as assert from 'node:assert/strict';
import { applyAction, codeActionsFor } from './helpers/code-actions.js';
import { checkModel, describeFinding, syntaxAndLinkErrors } from './helpers/workspace.js';

const DREAD = 'dread { damage 1 reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 }';

interface FixCase {
    readonly code: string;
    readonly before: string;
    readonly title: string;
    readonly after: string;
}

/**
 * Applies the fix titled `title` to the first `code` finding of `before`, checks the exact text it
 * produces, and re-validates: the finding is gone and nothing fails to parse or link.
 */
async function assertFix({ code, before, title, after }: FixCase): Promise<void> {
    const { document, diagnostics } = await checkModel(before);
    const target = diagnostics.find(d => d.code === code);
    assert.ok(target, `expected a ${code} finding in:\n${before}`);
    const actions = codeActionsFor(document, target);
    const action = actions.find(a => a.title === title);
    assert.ok(action, `no action '${title}' among: ${actions.map(a => a.title).join(' | ')}`);
    const fixed = applyAction(before, document.textDocument.uri, action);
    assert.equal(fixed, after);
    const recheck = await checkModel(fixed);
    assert.deepEqual(syntaxAndLinkErrors(recheck.diagnostics), []);
    // The finding is gone: nothing with its code, place and message remains (a stride finding may
    // remain for the other categories, with a message that no longer lists the fixed one).
    const same = recheck.diagnostics.filter(d => describeFinding(d) === describeFinding(target) && d.message === target.message);
    assert.deepEqual(same, []);
}

describe('quick-fixes', () => {
    describe('tm/stride-missing', () => {
        const before = 'boundary Net "Internet" {\n    external Customer "Customer\'s browser"\n}\n';
        it('adds threat stubs for all missing categories after the enclosing declaration', () => assertFix({
            code: 'tm/stride-missing', before,
            title: "Add threat stubs for all missing categories of 'Customer'",
            after: before.trimEnd() + `

threat CustomerSpoofing "TODO: how could an attacker impersonate Customer's browser?" {
    stride Spoofing
    targets Customer
    dread { }
}

threat CustomerRepudiation "TODO: how could someone deny an action involving Customer's browser?" {
    stride Repudiation
    targets Customer
    dread { }
}
`,
        }));

        it('adds one threat stub per category, with a name not yet taken', () => assertFix({
            code: 'tm/stride-missing',
            before: 'external Customer "C"\nasset CustomerSpoofing "a name that is taken"\n',
            title: "Add a Spoofing threat for 'Customer'",
            after: 'external Customer "C"\n\nthreat CustomerSpoofing2 "TODO: how could an attacker impersonate C?" {\n    stride Spoofing\n    targets Customer\n    dread { }\n}\nasset CustomerSpoofing "a name that is taken"\n',
        }));

        it('excludes a category with a reason to fill in', () => assertFix({
            code: 'tm/stride-missing',
            before: 'external Customer "C"\nexclude Spoofing on Customer "Anonymous browsing."',
            title: "Exclude Repudiation on 'Customer'…",
            after: 'external Customer "C"\n\nexclude Repudiation on Customer "TODO: why Repudiation does not matter for Customer"\nexclude Spoofing on Customer "Anonymous browsing."',
        }));
    });

    describe('tm/stride-missing titles (issue 14 §4)', () => {
        it('name the categories in words, with the article they need', async () => {
            const { document, diagnostics } = await checkModel('process P "p"');
            const missing = diagnostics.find(d => d.code === 'tm/stride-missing')!;
            assert.deepEqual(codeActionsFor(document, missing, ['quickfix']).map(a => a.title), [
                "Add threat stubs for all missing categories of 'P'",
                "Add a Spoofing threat for 'P'",
                "Add a Tampering threat for 'P'",
                "Add a Repudiation threat for 'P'",
                "Add an Information disclosure threat for 'P'",
                "Add a Denial of service threat for 'P'",
                "Add an Elevation of privilege threat for 'P'",
                "Exclude Spoofing on 'P'…",
                "Exclude Tampering on 'P'…",
                "Exclude Repudiation on 'P'…",
                "Exclude Information disclosure on 'P'…",
                "Exclude Denial of service on 'P'…",
                "Exclude Elevation of privilege on 'P'…",
            ]);
        });
    });

    describe('tm/threat-unmitigated', () => {
        const before = `process P "p"\nthreat T "t" {\n    stride Spoofing\n    targets P\n    ${DREAD}\n}\n`;
        it('links a new mitigation stub and sets response fix', () => assertFix({
            code: 'tm/threat-unmitigated', before,
            title: "Mitigate 'T' with a new mitigation 'TMitigation'",
            after: `process P "p"\nthreat T "t" {\n    stride Spoofing\n    targets P\n    ${DREAD}\n    response fix\n    mitigatedBy TMitigation\n}\n\nmitigation TMitigation "TODO: how T is mitigated" {\n    technique "TODO"\n    status planned\n}\n`,
        }));

        it('accepts the risk with a justification placeholder', () => assertFix({
            code: 'tm/threat-unmitigated', before,
            title: "Accept the risk of 'T' (with a justification to write)",
            after: `process P "p"\nthreat T "t" {\n    stride Spoofing\n    targets P\n    ${DREAD}\n    response accept\n    justification "TODO: why this risk is acceptable"\n}\n`,
        }));

        it('for fix without mitigatedBy, only adds the mitigation', () => assertFix({
            code: 'tm/threat-unmitigated',
            before: `process P "p"\nthreat T "t" { stride Spoofing targets P ${DREAD} response fix bug "B-1" }`,
            title: "Mitigate 'T' with a new mitigation 'TMitigation'",
            after: `process P "p"\nthreat T "t" { stride Spoofing targets P ${DREAD} response fix bug "B-1" mitigatedBy TMitigation }\n\nmitigation TMitigation "TODO: how T is mitigated" {\n    technique "TODO"\n    status planned\n}`,
        }));
    });

    it('tm/accept-without-justification: adds a justification', () => assertFix({
        code: 'tm/accept-without-justification',
        before: `threat T "t" { ${DREAD} response accept }`,
        title: "Add a justification to 'T'",
        after: `threat T "t" { ${DREAD} response accept justification "TODO: why this risk is acceptable" }`,
    }));

    it('tm/warn-without-text: adds the warning', () => assertFix({
        code: 'tm/warn-without-text',
        before: `threat T "t" {\n  ${DREAD}\n  response warn\n}`,
        title: "Add the warning text of 'T'",
        after: `threat T "t" {\n  ${DREAD}\n  response warn\n    warning "TODO: the warning users will see"\n}`,
    }));

    it('tm/fix-without-bug: adds a bug number', () => assertFix({
        code: 'tm/fix-without-bug',
        before: `mitigation M "m"\nthreat T "t" { ${DREAD} response fix mitigatedBy M }`,
        title: "Add a bug number to 'T'",
        after: `mitigation M "m"\nthreat T "t" { ${DREAD} response fix mitigatedBy M bug "TODO" }`,
    }));

    it('tm/dread-missing: adds a DREAD skeleton, creating the body when there is none', () => assertFix({
        code: 'tm/dread-missing',
        before: 'threat T "t"\n',
        title: "Add a DREAD rating to 'T' (all factors 0, to be scored)",
        after: 'threat T "t" {\n    dread { damage 0 reproducibility 0 exploitability 0 affectedUsers 0 discoverability 0 }\n}\n',
    }));

    it('tm/dread-incomplete: adds only the absent factors', () => assertFix({
        code: 'tm/dread-incomplete',
        before: 'threat T "t" {\n    dread {\n        damage 3\n        discoverability 2\n    }\n}',
        title: 'Add the missing DREAD factors (reproducibility, exploitability, affectedUsers) at 0',
        after: 'threat T "t" {\n    dread {\n        damage 3\n        discoverability 2\n        reproducibility 0\n        exploitability 0\n        affectedUsers 0\n    }\n}',
    }));

    describe('TMA process findings', () => {
        const dfd = 'boundary Out "o" { external User "u" }\nboundary In "i" {\n    process Api "a" {\n        technology "Go"\n    }\n}\n';
        it('tm/boundary-crossing-unprotected: marks the flow encrypted and authenticated in its body', () => assertFix({
            code: 'tm/boundary-crossing-unprotected',
            before: `${dfd}flow Call: User -> Api "call" { protocol "HTTP" }`,
            title: "Mark 'Call' 'encrypted' and 'authenticated'",
            after: `${dfd}flow Call: User -> Api "call" { protocol "HTTP" encrypted authenticated }`,
        }));

        it('tm/boundary-crossing-unprotected: one property at a time, creating the body', () => assertFix({
            code: 'tm/boundary-crossing-unprotected',
            before: `${dfd}flow Call: User -> Api "call"`,
            title: "Mark 'Call' 'authenticated'",
            after: `${dfd}flow Call: User -> Api "call" {\n    authenticated\n}`,
        }));

        it('tm/entrypoint-missing: marks the process entrypoint on its own line', () => assertFix({
            code: 'tm/entrypoint-missing',
            before: `${dfd}flow Call: User -> Api "call" { encrypted authenticated }`,
            title: "Mark 'Api' as an entry point",
            after: 'boundary Out "o" { external User "u" }\nboundary In "i" {\n    process Api "a" {\n        technology "Go"\n        entrypoint\n    }\n}\n' +
                'flow Call: User -> Api "call" { encrypted authenticated }',
        }));

        it('tm/element-in-no-scenario: creates a scenario with the flow, after it', () => assertFix({
            code: 'tm/element-in-no-scenario',
            before: 'process P "p"\nflow F: P -> P "f"\nflow G: P -> P "Nightly export"\nscenario S "s" { flows F }\n',
            title: "Create a scenario with flow 'G'",
            after: 'process P "p"\nflow F: P -> P "f"\nflow G: P -> P "Nightly export"\n\nscenario GScenario "TODO: the use case in which Nightly export happens" {\n    flows G\n}\n' +
                'scenario S "s" { flows F }\n',
        }));

        it('tm/threat-without-asset: names the assets the targets hold', () => assertFix({
            code: 'tm/threat-without-asset',
            before: 'asset Card "c"\ndatastore Db "db" { stores Card }\nthreat T "t" { stride Tampering targets Db }',
            title: "Add 'assets Card' to 'T'",
            after: 'asset Card "c"\ndatastore Db "db" { stores Card }\nthreat T "t" { stride Tampering targets Db assets Card }',
        }));
    });

    describe('tm/stride-not-applicable', () => {
        it('removes the category from a list', () => assertFix({
            code: 'tm/stride-not-applicable',
            before: 'external C "c"\nthreat T "t" { stride Spoofing, Tampering, Repudiation targets C }',
            title: "Remove Tampering from threat 'T'",
            after: 'external C "c"\nthreat T "t" { stride Spoofing, Repudiation targets C }',
        }));

        it('removes the last category of a list', () => assertFix({
            code: 'tm/stride-not-applicable',
            before: 'external C "c"\nthreat T "t" { stride Spoofing, Tampering targets C }',
            title: "Remove Tampering from threat 'T'",
            after: 'external C "c"\nthreat T "t" { stride Spoofing targets C }',
        }));

        it('removes the whole stride clause when it was the only category', () => assertFix({
            code: 'tm/stride-not-applicable',
            before: 'external C "c"\nthreat T "t" { stride Tampering targets C }',
            title: "Remove Tampering from threat 'T'",
            after: 'external C "c"\nthreat T "t" {  targets C }',
        }));
    });

    describe('tm/exclude-not-applicable', () => {
        it('removes the element the category does not apply to', () => assertFix({
            code: 'tm/exclude-not-applicable',
            before: 'external C "c"\nprocess P "p"\nexclude Tampering on C, P "n/a"',
            title: "Remove 'C' from this exclude",
            after: 'external C "c"\nprocess P "p"\nexclude Tampering on P "n/a"',
        }));

        it('removes the whole exclude when it applies to none of its elements', () => assertFix({
            code: 'tm/exclude-not-applicable',
            before: 'external C "c"\nexclude Tampering on C "n/a"\nasset A "a"',
            title: 'Remove this exclude (Tampering does not apply)',
            after: 'external C "c"\nasset A "a"',
        }));
    });

    it('offers nothing for tm/duplicate-name (rename is the tool for that)', async () => {
        const { document, diagnostics } = await checkModel('asset A "a"\nasset A "b"');
        const duplicate = diagnostics.find(d => d.code === 'tm/duplicate-name')!;
        assert.deepEqual(codeActionsFor(document, duplicate), []);
    });

    it('Fix all adds a bug number to every threat to be fixed in the file, in one edit', async () => {
        const before = `mitigation M "m"\nthreat A "a" { ${DREAD} response fix mitigatedBy M }\nthreat B "b" { ${DREAD} response fix mitigatedBy M }`;
        const { document, diagnostics } = await checkModel(before);
        const first = diagnostics.find(d => d.code === 'tm/fix-without-bug')!;
        const fixAll = codeActionsFor(document, first).find(a => a.kind === 'quickfix.fixAll.threatModel');
        assert.equal(fixAll?.title, 'Fix all: add a bug number to every threat to be fixed (2 in this file)');
        // The same action in the Ctrl+. menu (quick-fixes only) and under Source Action… (source.fixAll).
        const titles = (only: string[]) => codeActionsFor(document, first, only).filter(a => a.title.startsWith('Fix all')).map(a => `${a.kind} ${a.title}`);
        assert.deepEqual(titles(['quickfix']), ['quickfix.fixAll.threatModel Fix all: add a bug number to every threat to be fixed (2 in this file)']);
        assert.deepEqual(titles(['source.fixAll']), ['source.fixAll.threatModel Fix all: add a bug number to every threat to be fixed (2 in this file)']);
        assert.deepEqual(codeActionsFor(document, first).filter(a => a.kind === 'source.fixAll.threatModel'), [], 'one "Fix all" per menu');
        const fixed = applyAction(before, document.textDocument.uri, fixAll!);
        assert.equal(fixed, `mitigation M "m"\nthreat A "a" { ${DREAD} response fix mitigatedBy M bug "TODO" }\nthreat B "b" { ${DREAD} response fix mitigatedBy M bug "TODO" }`);
        const recheck = await checkModel(fixed);
        assert.deepEqual(recheck.diagnostics.filter(d => d.code === 'tm/fix-without-bug'), []);
    });

    it('Fix all gives every generated threat stub a distinct name', async () => {
        const before = 'external A "a"\nexternal B "b"\nthreat ASpoofing "taken" { stride Spoofing targets B }';
        const { document, diagnostics } = await checkModel(before);
        const first = diagnostics.find(d => d.code === 'tm/stride-missing')!;
        const fixAll = codeActionsFor(document, first, ['source.fixAll']).find(a => a.title.startsWith('Fix all'));
        assert.ok(fixAll);
        const fixed = applyAction(before, document.textDocument.uri, fixAll);
        const names = [...fixed.matchAll(/^threat (\w+)/gm)].map(m => m[1]);
        assert.deepEqual(names, ['ASpoofing2', 'ARepudiation', 'BRepudiation', 'ASpoofing']);
        const recheck = await checkModel(fixed);
        assert.deepEqual(syntaxAndLinkErrors(recheck.diagnostics), []);
        assert.deepEqual(recheck.diagnostics.filter(d => d.code === 'tm/stride-missing' || d.code === 'tm/duplicate-name'), []);
    });
});
