import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { ThreatModelAstType } from '../../language-server/src/generated/ast.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';
import { MemoryFileSystemProvider } from '../bench/memory-file-system.js';
import { checkWorkspace, describeFinding } from './helpers/workspace.js';

/**
 * After an edit, the language server revalidates the files whose findings the edit can change
 * (workspace/document-builder.ts), not every file. These tests edit one file of a built workspace
 * the way `didChange` does and check which files were validated again, and that every file's
 * findings are those a validation of everything from scratch gives.
 */
const fileSystem = new MemoryFileSystemProvider();
const { shared } = createThreatModelServices({ fileSystemProvider: () => fileSystem });
const documents = shared.workspace.LangiumDocuments;
const builder = shared.workspace.DocumentBuilder;

function uriOf(name: string): URI {
    return URI.parse(`file:///workspace/${name}`);
}

async function open(files: Record<string, string>): Promise<void> {
    await builder.update([], documents.all.map(d => d.uri).toArray());
    const created: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        fileSystem.write(uriOf(name), text);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
        documents.addDocument(document);
        created.push(document);
    }
    await builder.build(created, { validation: true });
}

/** Replaces one file's text, rebuilds as after a `didChange`, and returns the files validated again (sorted). */
async function edit(name: string, text: string): Promise<string[]> {
    fileSystem.write(uriOf(name), text);
    const validated: string[] = [];
    const listener = builder.onDocumentPhase(DocumentState.Validated, document => { validated.push(document.uri.path.split('/').pop()!); });
    try {
        await builder.update([uriOf(name)], []);
    } finally {
        listener.dispose();
    }
    return validated.sort();
}

function findingsOf(name: string): string[] {
    const diagnostics: Diagnostic[] = documents.getDocument(uriOf(name))?.diagnostics ?? [];
    return diagnostics.map(d => `${describeFinding(d)} ${d.message}`).sort();
}

function codesOf(name: string): string[] {
    return (documents.getDocument(uriOf(name))?.diagnostics ?? []).map(d => String(d.code)).sort();
}

const ELEMENTS = 'process Api "API"\n';
const THREAT_ON_API = 'threat Forge "Forged calls" { stride Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege targets Api response accept justification "Internal only." }\n';
const UNRELATED = 'process Batch "Nightly batch"\nthreat BatchDown "Batch stops" { stride DenialOfService targets Batch response accept justification "Reruns." }\n';

describe('incremental revalidation', () => {
    it("revalidates an element's file when a threat in another file covers it, and leaves an unrelated file alone", async () => {
        await open({ 'a.tm': ELEMENTS, 'b.tm': '', 'c.tm': UNRELATED });
        assert.ok(codesOf('a.tm').includes('tm/stride-missing'));
        const unrelatedBefore = documents.getDocument(uriOf('c.tm'))!.diagnostics;

        assert.deepEqual(await edit('b.tm', THREAT_ON_API), ['a.tm', 'b.tm']);
        assert.ok(!codesOf('a.tm').includes('tm/stride-missing'), 'the threat in b.tm covers Api');
        assert.equal(documents.getDocument(uriOf('c.tm'))!.diagnostics, unrelatedBefore, 'c.tm kept its findings, not recomputed');

        assert.deepEqual(await edit('b.tm', ''), ['a.tm', 'b.tm']);
        assert.ok(codesOf('a.tm').includes('tm/stride-missing'), 'the warning is back once the threat is gone');
    });

    it('leaves the other files alone after an edit that changes nothing they depend on', async () => {
        await open({ 'a.tm': ELEMENTS, 'b.tm': THREAT_ON_API, 'c.tm': UNRELATED });
        assert.deepEqual(await edit('c.tm', `${UNRELATED}// a comment\n`), ['c.tm']);
        // b.tm references Api in a.tm, so editing a.tm relinks (and revalidates) b.tm as well.
        assert.deepEqual(await edit('a.tm', `${ELEMENTS}// a comment\n`), ['a.tm', 'b.tm']);
    });

    it('reports a name declared in two files in both, and clears it in both when one goes', async () => {
        await open({ 'a.tm': ELEMENTS, 'b.tm': '', 'c.tm': UNRELATED });
        assert.deepEqual(await edit('b.tm', 'process Api "Another API"\n'), ['a.tm', 'b.tm']);
        assert.ok(codesOf('a.tm').includes('tm/duplicate-name'));
        assert.ok(codesOf('b.tm').includes('tm/duplicate-name'));
        assert.deepEqual(await edit('b.tm', ''), ['a.tm', 'b.tm']);
        assert.ok(!codesOf('a.tm').includes('tm/duplicate-name'));
    });

    it('revalidates every file with elements when the first scenario appears, since each must then take part in one', async () => {
        await open({ 'a.tm': ELEMENTS, 'b.tm': '', 'c.tm': UNRELATED });
        assert.deepEqual(await edit('b.tm', 'scenario Checkout "Checkout"\n'), ['a.tm', 'b.tm', 'c.tm']);
        assert.ok(codesOf('c.tm').includes('tm/element-in-no-scenario'));
    });

    it('revalidates the files that referenced a deleted file, and those it covered', async () => {
        await open({ 'a.tm': ELEMENTS, 'b.tm': THREAT_ON_API, 'c.tm': UNRELATED });
        const validated: string[] = [];
        const listener = builder.onDocumentPhase(DocumentState.Validated, document => { validated.push(document.uri.path.split('/').pop()!); });
        try {
            await builder.update([], [uriOf('b.tm')]);
        } finally {
            listener.dispose();
        }
        assert.deepEqual(validated, ['a.tm']);
        assert.ok(codesOf('a.tm').includes('tm/stride-missing'));
    });

    /**
     * One case per kind of fact of another file that the checks read from the model index (recorded by
     * workspace/index-reads.ts): `a.tm` references nothing in `b.tm`, so only that fact can bring it to be validated again.
     */
    const FACT_CASES: readonly { fact: string; a: string; b: string; edited: string; appears?: string; goes?: string; alsoC?: true }[] = [
        { fact: 'which assets flows carry', a: 'asset Orders "Orders"\n', b: 'external U "U"\nprocess P "P"\n',
            edited: 'external U "U"\nprocess P "P"\nflow F: U -> P "F" { carries Orders }\n', goes: 'tm/asset-unused' },
        { fact: 'which externals flows connect', a: 'external U "U"\n', b: 'process P "P"\n',
            edited: 'process P "P"\nflow F: U -> P "F"\n', goes: 'tm/external-without-flow' },
        { fact: 'which boundaries flows cross', a: 'boundary Dc "DC" { datastore Db "Db" }\n', b: 'external U "U"\n',
            edited: 'external U "U"\nflow F: U -> Db "F"\n', goes: 'tm/boundary-not-crossed' },
        { fact: 'which processes flows enter across their boundary', a: 'boundary Dc "DC" { process Inner "Inner" datastore Db "Db" }\n',
            b: 'external U "U"\nflow Out: Db -> U "Out"\n', edited: 'external U "U"\nflow Out: Db -> U "Out"\nflow In: U -> Inner "In"\n',
            appears: 'tm/entrypoint-missing' },
        { fact: 'which elements scenarios use', a: 'external U "U"\nprocess P "P"\nflow F: U -> P "F"\n', b: 'scenario S "S"\n',
            edited: 'scenario S "S" { flows F }\n', goes: 'tm/element-in-no-scenario' },
        { fact: 'the names of unaddressed threats', a: ELEMENTS, b: 'threat Forge "Forge" { stride Spoofing targets Api }\n',
            edited: 'threat Spoof "Spoof" { stride Spoofing targets Api }\n' },
        { fact: 'where the background finding goes', a: 'process P "P"\n', b: '',
            // The first `system` makes /workspace a model root (docs/language.md#models-in-a-workspace): every file's model changes.
            edited: 'system Shop "Shop" { description "Sells." }\n', goes: 'tm/background-missing', alsoC: true },
        { fact: 'the rules in force', a: 'external U "U"\nprocess P "P"\nflow F: U -> P "F"\n', b: '',
            edited: 'rule Plain "Plain flows" { on flow stride Tampering when not encrypted }\n', appears: 'tm/rule-suggests' },
        { fact: 'which suggestions a dismiss answers', a: 'external U "U"\nprocess P "P"\nflow F: U -> P "F"\nrule Plain "Plain flows" { on flow stride Tampering when not encrypted }\n',
            b: 'process Q "Q"\n', edited: 'process Q "Q"\ndismiss Plain on F "Inside one host."\n', goes: 'tm/rule-suggests' },
        { fact: 'which flows enter a node, for the rules', a: 'boundary In "In" { trust trusted process P "P" { entrypoint } }\n',
            b: 'boundary Out "Out" { trust untrusted external U "U" }\n', edited: 'boundary Out "Out" { trust untrusted external U "U" }\nflow F: U -> P "F"\n',
            appears: 'tm/rule-suggests' },
    ];

    for (const { fact, a, b, edited, appears, goes, alsoC } of FACT_CASES) {
        it(`revalidates a file when another file changes ${fact}`, async () => {
            await open({ 'a.tm': a, 'b.tm': b, 'c.tm': UNRELATED });
            const before = findingsOf('a.tm');
            assert.deepEqual(await edit('b.tm', edited), alsoC ? ['a.tm', 'b.tm', 'c.tm'] : ['a.tm', 'b.tm']);
            const fromScratch = await checkWorkspace({ 'a.tm': a, 'b.tm': edited, 'c.tm': UNRELATED });
            assert.deepEqual(findingsOf('a.tm'), fromScratch[0]!.diagnostics.map(d => `${describeFinding(d)} ${d.message}`).sort());
            assert.notDeepEqual(findingsOf('a.tm'), before);
            if (appears) assert.ok(!before.some(f => f.startsWith(appears)) && codesOf('a.tm').includes(appears));
            if (goes) assert.ok(before.some(f => f.startsWith(goes)) && !codesOf('a.tm').includes(goes));
        });
    }

    /**
     * Declarations that depend on each other across files in every way the checks look at, each in
     * at most one file. The name declared twice is referenced nowhere: which of two declarations a
     * reference resolves to depends on the order files entered the index, incremental or not.
     */
    const POOL = [
        'system Shop "Shop" { description "Sells things." }',
        'assumption Trusted "The LAN is trusted"',
        'dependency Pay "Payment provider"',
        'asset Orders "Order rows" { classification confidential }',
        'external User "Customer"',
        'process Api "API"',
        'process Spare "Spare"',
        'process Spare "Spare again"',
        'process Worker "Worker" { entrypoint }',
        'datastore Db "Orders DB" { logs stores Orders }',
        'boundary Dc "Data centre" { process Inner "Inner" datastore Cache "Cache" }',
        'flow Call: User -> Api "Call" { carries Orders }',
        'flow Job: Api -> Inner "Job" { encrypted }',
        'flow Save: Worker -> Db "Save"',
        'scenario Buy "Buying" { flows Call, Job }',
        'scenario Idle "Idle"',
        'threat Forge "Forged calls" { stride Spoofing, Tampering targets Api, User response accept justification "Internal." }',
        'threat Leak "Leak" { stride InformationDisclosure targets Db, Call response fix mitigatedBy Tls rule SensitiveDataInClear }',
        'threat Crash "Crash" { stride DenialOfService targets Inner, Job }',
        'mitigation Tls "TLS" { status planned }',
        'exclude Repudiation on Api, User "Logged elsewhere."',
        'exclude ElevationOfPrivilege on Inner "Runs unprivileged."',
        'rule Plain "Plain flows" { on flow stride Tampering when not encrypted and any carries (classification is confidential) }',
        'dismiss Plain on Call, Job "Checked at the edge."',
        'boundary Edge "Edge" { trust untrusted external Partner "Partner" { type person } }',
        'boundary Core "Core" { trust trusted process Admin "Admin" { privileged } }',
        'flow Manage: Partner -> Admin "Manage" { carries Orders }',
    ];
    const FILES = ['a.tm', 'b.tm', 'c.tm'];
    /**
     * For each line of the pool, the index of the file it is in. Every line is somewhere, so that
     * references resolve: Langium relinks (and so revalidates) every file with an unresolved
     * reference after any change, which would hide a file left out wrongly.
     */
    const placement = fc.array(fc.nat({ max: FILES.length - 1 }), { minLength: POOL.length, maxLength: POOL.length });
    /** Moves one line of the pool to another file: an edit of each of the two files. */
    const move = fc.tuple(fc.nat({ max: POOL.length - 1 }), fc.nat({ max: FILES.length - 1 }));

    function textsOf(homes: readonly number[]): Record<string, string> {
        return Object.fromEntries(FILES.map((name, f) => [name, POOL.filter((_, i) => homes[i] === f).map(line => `${line}\n`).join('')]));
    }

    it('gives every file the findings a validation of everything gives, after any sequence of edits', async function () {
        this.timeout(120_000);
        await fc.assert(fc.asyncProperty(placement, fc.array(move, { minLength: 1, maxLength: 3 }), async (initial, moves) => {
            const homes = [...initial];
            await open(textsOf(homes));
            for (const [line, to] of moves) {
                const from = homes[line]!;
                if (from === to) continue;
                // Out of the old file first, then into the new one, so that no name is declared twice in between.
                for (const [file, home] of [[from, -1], [to, to]] as const) {
                    homes[line] = home;
                    const texts = textsOf(homes);
                    await edit(FILES[file]!, texts[FILES[file]!]!);
                    const fromScratch = (await checkWorkspace(texts)).map(f => f.diagnostics.map(d => `${describeFinding(d)} ${d.message}`).sort());
                    assert.deepEqual(FILES.map(findingsOf), fromScratch);
                }
            }
        }), { numRuns: 60, seed: 20240611 });
    });
});

describe('incremental revalidation of a check that reads the index', () => {
    /**
     * A check added without telling the builder what it reads: a process is reported until some
     * file of its model declares `Audit`. `a.tm` references nothing in `b.tm`, so only what the
     * check read from the index can bring it to be validated again.
     */
    const ownFiles = new MemoryFileSystemProvider();
    const own = createThreatModelServices({ fileSystemProvider: () => ownFiles });
    const index = own.ThreatModel.workspace.ModelIndex;
    own.ThreatModel.validation.ValidationRegistry.register<ThreatModelAstType>({
        Process: (process, accept) => {
            if (index.declarationCount('Audit', process) === 0) accept('hint', `No audit for ${process.name}.`, { node: process });
        },
    });
    const at = (name: string): URI => URI.parse(`file:///own/${name}`);
    const hints = (name: string): string[] => (own.shared.workspace.LangiumDocuments.getDocument(at(name))?.diagnostics ?? [])
        .filter(d => d.message.startsWith('No audit')).map(d => d.message);

    it('validates a file again when another file changes what the check read', async () => {
        const created = Object.entries({ 'a.tm': 'process P "P"\n', 'b.tm': 'process Q "Q"\n' }).map(([name, text]) => {
            ownFiles.write(at(name), text);
            const document = own.shared.workspace.LangiumDocumentFactory.fromString(text, at(name));
            own.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await own.shared.workspace.DocumentBuilder.build(created, { validation: true });
        assert.deepEqual(hints('a.tm'), ['No audit for P.']);

        ownFiles.write(at('b.tm'), 'process Q "Q"\nprocess Audit "Audit"\n');
        await own.shared.workspace.DocumentBuilder.update([at('b.tm')], []);
        assert.deepEqual(hints('a.tm'), []);
        assert.deepEqual(hints('b.tm'), []);

        ownFiles.write(at('b.tm'), 'process Q "Q"\n');
        await own.shared.workspace.DocumentBuilder.update([at('b.tm')], []);
        assert.deepEqual(hints('a.tm'), ['No audit for P.']);
    });
});
