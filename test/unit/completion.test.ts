import * as assert from 'node:assert/strict';
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionAcceptor, CompletionContext, NextFeature } from 'langium/lsp';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isDread, isFlow } from '../../language-server/src/generated/ast.js';
import { ThreatModelLanguageGrammar } from '../../language-server/src/generated/grammar.js';
import { ThreatModelCompletionProvider } from '../../language-server/src/lsp/completion/completion-provider.js';
import { checkWorkspace, services } from './helpers/workspace.js';

const CURSOR = '|';

/** Declarations of every kind, in a second file: completion offers names from the whole workspace. */
const DECLARATIONS = `
asset CardData "Card data"
mitigation SecureCookies "Secure cookies"
boundary Internet "Internet" {
    external Customer "Customer"
    boundary Dmz "DMZ" {
        process Storefront "Storefront"
    }
}
datastore OrdersDb "Orders" { logs }
datastore Cache "Cache"
flow PlaceOrder: Customer -> Storefront "Order"
scenario Checkout "Checkout" { flows PlaceOrder }
threat Existing "An existing threat" { stride Spoofing targets Customer }
`;

/**
 * Completion at the `|` in `text` (one file of a workspace that also holds {@link DECLARATIONS}),
 * items in the order a client lists them before the user types a filter: by sortText, then label.
 */
async function completeAt(text: string): Promise<CompletionItem[]> {
    const offset = text.indexOf(CURSOR);
    assert.ok(offset >= 0, 'no cursor in the text');
    const [file] = await checkWorkspace({ 'edited.tm': text.replace(CURSOR, ''), 'declarations.tm': DECLARATIONS });
    const document = file!.document;
    const list = await services.ThreatModel.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.textDocument.uri },
        position: document.textDocument.positionAt(offset),
    });
    const items = list?.items ?? [];
    return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

/** What `run` wrote with console.error (Langium logs an exception of a completion step there). */
async function consoleErrors(run: () => Promise<unknown>): Promise<string[]> {
    const original = console.error;
    const logged: string[] = [];
    console.error = (...args: unknown[]) => { logged.push(String(args[0])); };
    try {
        await run();
    } finally {
        console.error = original;
    }
    return logged;
}

function labels(items: readonly CompletionItem[], kind: CompletionItemKind): string[] {
    return items.filter(i => i.kind === kind).map(i => i.label);
}

/** The labels of the reference proposals, whatever icon their declaration kind has. */
function referenceLabels(items: readonly CompletionItem[]): string[] {
    return items.filter(i => i.kind !== CompletionItemKind.Keyword && i.kind !== CompletionItemKind.Snippet).map(i => i.label);
}

describe('completion', () => {
    describe('keywords in context', () => {
        it('offers every declaration keyword at the top level (as its snippet)', async () => {
            assert.deepEqual(labels(await completeAt('|'), CompletionItemKind.Snippet), [
                'asset', 'assumption', 'boundary', 'datastore', 'dependency', 'dismiss', 'exclude', 'external',
                'flow', 'mitigation', 'process', 'rule', 'scenario', 'system', 'threat',
            ]);
        });

        it('offers only the clauses of a threat inside a threat body', async () => {
            assert.deepEqual(labels(await completeAt('threat T "t" {\n    |\n}'), CompletionItemKind.Keyword), [
                'assets', 'bug', 'capec', 'cwe', 'description', 'dread', 'impact', 'justification', 'mitigatedBy',
                'response', 'rule', 'stride', 'targets', 'tree', 'warning',
            ]);
        });

        it('offers only nested boundaries and DFD nodes inside a boundary (as their snippets)', async () => {
            assert.deepEqual(labels(await completeAt('boundary B "b" {\n    |\n}'), CompletionItemKind.Snippet), [
                'boundary', 'datastore', 'external', 'process',
            ]);
        });

        it('offers the four responses after `response`', async () => {
            assert.deepEqual(labels(await completeAt('threat T "t" { response | }'), CompletionItemKind.Keyword), [
                'accept', 'fix', 'remove', 'warn',
            ]);
        });

        it('offers the five DREAD factors inside `dread { }`', async () => {
            assert.deepEqual(labels(await completeAt('threat T "t" { dread { damage 1 | } }'), CompletionItemKind.Keyword), [
                'affectedUsers', 'damage', 'discoverability', 'exploitability', 'reproducibility',
            ]);
        });
    });

    describe('references, filtered by what the reference can point to', () => {
        it('`targets` offers DFD elements and flows of every file, with their kinds as icons', async () => {
            const items = await completeAt('threat T "t" { targets | }');
            assert.deepEqual(items.map(i => [i.label, i.kind, i.detail]), [
                ['Cache', CompletionItemKind.Struct, 'Datastore'],
                ['Customer', CompletionItemKind.Interface, 'External'],
                ['OrdersDb', CompletionItemKind.Struct, 'Datastore'],
                ['PlaceOrder', CompletionItemKind.Event, 'Flow'],
                ['Storefront', CompletionItemKind.Function, 'Process'],
            ]);
        });

        it('`mitigatedBy` offers mitigations only', async () => {
            assert.deepEqual(referenceLabels(await completeAt('threat T "t" { mitigatedBy | }')), ['SecureCookies']);
        });

        it('`assets` of a threat, `carries` of a flow and `stores` of a data store offer assets only', async () => {
            assert.deepEqual(referenceLabels(await completeAt('threat T "t" { assets | }')), ['CardData']);
            assert.deepEqual(referenceLabels(await completeAt('flow F: Customer -> Storefront "f" { carries | }')), ['CardData']);
            assert.deepEqual(referenceLabels(await completeAt('datastore D "d" { stores | }')), ['CardData']);
        });

        it('flow end points offer DFD nodes but no flows', async () => {
            assert.deepEqual(referenceLabels(await completeAt('flow F: |')), ['Cache', 'Customer', 'OrdersDb', 'Storefront']);
            assert.deepEqual(referenceLabels(await completeAt('flow F: Customer -> |')), ['Cache', 'Customer', 'OrdersDb', 'Storefront']);
        });

        it('`flows` of a scenario offers flows only, and `on` of an exclude elements and flows', async () => {
            assert.deepEqual(referenceLabels(await completeAt('scenario S "s" { flows | }')), ['PlaceOrder']);
            assert.deepEqual(referenceLabels(await completeAt('exclude Spoofing on |')), ['Cache', 'Customer', 'OrdersDb', 'PlaceOrder', 'Storefront']);
        });

        it('replaces the partial name under the cursor', async () => {
            const items = await completeAt('threat T "t" { targets Sto| }');
            const storefront = items.find(i => i.label === 'Storefront');
            assert.deepEqual(storefront?.textEdit, { newText: 'Storefront', range: { start: { line: 0, character: 23 }, end: { line: 0, character: 26 } } });
        });
    });

    describe('STRIDE categories after `stride`', () => {
        it('lists the categories that apply to every target first, then the others with the targets they do not apply to', async () => {
            const items = await completeAt('threat T "t" {\n    stride |\n    targets OrdersDb, PlaceOrder\n}');
            assert.deepEqual(items.map(i => [i.label, i.kind, i.detail]), [
                ['Tampering', CompletionItemKind.EnumMember, 'Applies to OrdersDb, PlaceOrder'],
                ['InformationDisclosure', CompletionItemKind.EnumMember, 'Applies to OrdersDb, PlaceOrder'],
                ['DenialOfService', CompletionItemKind.EnumMember, 'Applies to OrdersDb, PlaceOrder'],
                ['Spoofing', CompletionItemKind.EnumMember, "Not applicable to Data store 'OrdersDb', Flow 'PlaceOrder'"],
                ['Repudiation', CompletionItemKind.EnumMember, "Not applicable to Flow 'PlaceOrder'"],
                ['ElevationOfPrivilege', CompletionItemKind.EnumMember, "Not applicable to Data store 'OrdersDb', Flow 'PlaceOrder'"],
            ]);
        });

        it('judges a data store without logs as not open to Repudiation', async () => {
            const items = await completeAt('threat T "t" { targets Cache stride Spoofing, | }');
            assert.deepEqual(items.map(i => i.label), [
                'Tampering', 'InformationDisclosure', 'DenialOfService', 'Spoofing', 'Repudiation', 'ElevationOfPrivilege',
            ]);
        });

        it('keeps the STRIDE order when the threat has no targets yet, and explains each category', async () => {
            const items = await completeAt('threat T "t" { stride | }');
            assert.deepEqual(items.map(i => [i.label, i.detail]), [
                ['Spoofing', 'STRIDE category'],
                ['Tampering', 'STRIDE category'],
                ['Repudiation', 'STRIDE category'],
                ['InformationDisclosure', 'STRIDE category'],
                ['DenialOfService', 'STRIDE category'],
                ['ElevationOfPrivilege', 'STRIDE category'],
            ]);
            assert.deepEqual(items[0]?.documentation, { kind: 'markdown', value: 'Pretending to be someone or something else. Violates **authentication**.' });
        });

        it('ranks the categories of an exclude by the elements it is on', async () => {
            const items = await completeAt('exclude | on Customer "reason"');
            assert.deepEqual(items.map(i => [i.label, i.detail]), [
                ['Spoofing', 'Applies to Customer'],
                ['Repudiation', 'Applies to Customer'],
                ['Tampering', "Not applicable to External entity 'Customer'"],
                ['InformationDisclosure', "Not applicable to External entity 'Customer'"],
                ['DenialOfService', "Not applicable to External entity 'Customer'"],
                ['ElevationOfPrivilege', "Not applicable to External entity 'Customer'"],
            ]);
        });
    });

    describe('declaration snippets', () => {
        it('offers a snippet for every kind of declaration at the top level', async () => {
            const snippets = (await completeAt('|')).filter(i => i.kind === CompletionItemKind.Snippet);
            assert.deepEqual(snippets.map(i => i.label), [
                'asset', 'assumption', 'boundary', 'datastore', 'dependency', 'dismiss', 'exclude', 'external',
                'flow', 'mitigation', 'process', 'rule', 'scenario', 'system', 'threat',
            ]);
            assert.ok(snippets.every(i => i.insertTextFormat === InsertTextFormat.Snippet));
        });

        it('offers every top-level keyword once: a snippet, not a keyword and a snippet (issue 14 §4)', async () => {
            const labels = (await completeAt('|')).map(i => i.label);
            assert.deepEqual(labels.filter((label, index) => labels.indexOf(label) !== index), []);
            assert.equal(labels.length, 15);
        });

        it('offers only the snippets of what a boundary may contain inside a boundary', async () => {
            const snippets = (await completeAt('boundary B "b" {\n    |\n}')).filter(i => i.kind === CompletionItemKind.Snippet);
            assert.deepEqual(snippets.map(i => i.label), ['boundary', 'datastore', 'external', 'process']);
        });

        it('writes a flow with placeholders for name, end points and label', async () => {
            const flow = (await completeAt('|')).find(i => i.kind === CompletionItemKind.Snippet && i.label === 'flow');
            assert.equal(flow?.textEdit?.newText, 'flow ${1:Name}: ${2:Source} -> ${3:Target} "${4:label}"');
            assert.equal(flow?.detail, 'Data flow');
        });

        it('writes a threat with STRIDE, targets, a complete DREAD block and a response, replacing the typed prefix', async () => {
            const threat = (await completeAt('process P "p"\nthr|')).find(i => i.kind === CompletionItemKind.Snippet);
            assert.deepEqual(threat?.textEdit, {
                range: { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } },
                newText: [
                    'threat ${1:Name} "${2:title}" {',
                    '    stride ${3|Spoofing,Tampering,Repudiation,InformationDisclosure,DenialOfService,ElevationOfPrivilege|}',
                    '    targets ${4:Element}',
                    '    dread {',
                    '        damage ${5:0}',
                    '        reproducibility ${6:0}',
                    '        exploitability ${7:0}',
                    '        affectedUsers ${8:0}',
                    '        discoverability ${9:0}',
                    '    }',
                    '    response ${10|fix,accept,warn,remove|}',
                    '}',
                ].join('\n'),
            });
        });

        it('writes an exclude with a category choice, the element and a reason', async () => {
            const exclude = (await completeAt('|')).find(i => i.kind === CompletionItemKind.Snippet && i.label === 'exclude');
            assert.equal(exclude?.textEdit?.newText,
                'exclude ${1|Spoofing,Tampering,Repudiation,InformationDisclosure,DenialOfService,ElevationOfPrivilege|} on ${2:Element} "${3:reason}"');
        });
    });

    describe('comments, and a parse that disagrees with the text before the cursor', () => {
        // Found by the LSP soak: in a commented-out threat, completion parsed `threat … targets` (the
        // text before the cursor opens the comment without closing it) and completed `targets` on the
        // node the whole text has there, a flow: "Property targets of type Flow is not a reference."
        it('offers nothing inside a comment, even one that holds a commented-out declaration, and logs no error', async () => {
            for (const text of [
                '/* threat T "t" { targets | } */',
                'flow F: Customer -> Storefront "f" /* threat T "t" {\n    targets |\n} */',
                'flow F /* threat T "t" { targets | */',
                '// threat T "t" { targets |',
                'threat T "t" { targets Customer } // more |',
            ]) {
                let items: CompletionItem[] = [];
                assert.deepEqual(await consoleErrors(async () => { items = await completeAt(text); }), [], text);
                assert.deepEqual(items, [], text);
            }
        });

        it('completes as usual right after a block comment and on the line after a line comment', async () => {
            const targets = ['Cache', 'Customer', 'OrdersDb', 'PlaceOrder', 'Storefront'];
            assert.deepEqual(referenceLabels(await completeAt('threat T "t" { /* the end points */ targets | }')), targets);
            assert.deepEqual(referenceLabels(await completeAt('threat T "t" { // the end points\n    targets | }')), targets);
            assert.deepEqual(labels(await completeAt('/* a model */|'), CompletionItemKind.Snippet), [
                'asset', 'assumption', 'boundary', 'datastore', 'dependency', 'dismiss', 'exclude', 'external',
                'flow', 'mitigation', 'process', 'rule', 'scenario', 'system', 'threat',
            ]);
        });

        it('completes a reference on the nearest container that can hold it, or offers none, and logs no error', async () => {
            const targets = AstUtils.streamAllContents(ThreatModelLanguageGrammar()).filter(GrammarAST.isAssignment)
                .find(a => a.feature === 'targets' && AstUtils.getContainerOfType(a, GrammarAST.isParserRule)?.name === 'Threat')!.terminal;
            assert.ok(GrammarAST.isCrossReference(targets));
            const [file] = await checkWorkspace({ 'edited.tm': 'flow F: Customer -> Storefront "f"\nthreat T "t" { dread { damage 1 } }', 'declarations.tm': DECLARATIONS });
            const document = file!.document;
            const flow = AstUtils.streamAllContents(document.parseResult.value).find(isFlow)!;
            const dread = AstUtils.streamAllContents(document.parseResult.value).find(isDread)!;
            const provider = services.ThreatModel.lsp.CompletionProvider as unknown as {
                completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): Promise<void> | void;
            };
            assert.ok(services.ThreatModel.lsp.CompletionProvider instanceof ThreatModelCompletionProvider);
            const namesOn = async (node: CompletionContext['node']): Promise<{ names: string[]; errors: string[] }> => {
                const names: string[] = [];
                const offset = node!.$cstNode!.end;
                const context: CompletionContext = {
                    document, textDocument: document.textDocument, node, offset, position: document.textDocument.positionAt(offset),
                    tokenOffset: offset, tokenEndOffset: offset, features: [],
                };
                const errors = await consoleErrors(async () => provider.completionForCrossReference(context, { feature: targets }, (_, item) => names.push('nodeDescription' in item ? item.nodeDescription.name : String(item.label))));
                return { names: names.sort(), errors };
            };
            assert.deepEqual(await namesOn(dread), { names: ['Cache', 'Customer', 'F', 'OrdersDb', 'PlaceOrder', 'Storefront'], errors: [] });
            assert.deepEqual(await namesOn(flow), { names: [], errors: [] });
        });
    });
});
