/**
 * The optional attributes (docs/language.md#optional-attributes) as every output shows them: the References column of
 * the threat table, the hover, the DFD tooltips, the report's node details and completion.
 */
import * as assert from 'node:assert/strict';
import type { LangiumDocument } from 'langium';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import { tooltipLines } from '../../language-server/src/shared/dfd/labels.js';
import { buildSecurityReport } from '../../language-server/src/generator/report-builder.js';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import { THREAT_COLUMNS } from '../../language-server/src/generator/table-model.js';
import { workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { dfdModelOf } from './dfd-helpers.js';
import { checkWorkspace, services } from './helpers/workspace.js';

const MODEL = `
asset Passwords "User passwords" { classification secret  type credentials }
asset Catalogue "Catalogue"
boundary Internet "Public internet" {
    trust untrusted
    external Partner "Partner API" { type service  tags "b2b" }
}
process Api "Public API" { technology "Node.js 20"  privileged  tags "public", "pci" }
datastore Ledger "Ledger" { encrypted }
flow Login: Partner -> Api "Sign in" { bidirectional  carries Passwords, Catalogue }
rule Csrf "Forged requests" { on process stride Spoofing when privileged cwe 352 description "d" mitigation "m" }
threat T "Forged request" { stride Spoofing targets Api cwe 352, 79  capec 62  rule Csrf }
threat U "Plain" { stride Tampering targets Api }
`;

async function model(): Promise<LangiumDocument> {
    const [file] = await checkWorkspace({ 'model.tm': MODEL });
    return file!.document;
}

async function hoverAt(document: LangiumDocument, needle: string): Promise<string | undefined> {
    const offset = document.textDocument.getText().indexOf(needle);
    assert.ok(offset >= 0, needle);
    const hover = await services.ThreatModel.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset),
    });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

async function completeAfter(text: string): Promise<CompletionItem[]> {
    const [file] = await checkWorkspace({ 'edited.tm': text });
    const document = file!.document;
    const list = await services.ThreatModel.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(text.length),
    });
    return (list?.items ?? []).filter(item => item.kind === CompletionItemKind.EnumMember);
}

describe('the §8.1 attributes in the outputs', () => {
    it('the threat table has a References column after Bug: CWE, CAPEC and the rule', async () => {
        const document = await model();
        const table = buildThreatTable(workspaceTableInput([{ path: 'model.tm', model: document.parseResult.value as never }], services.ThreatModel.workspace.ModelIndex.coverage(document.parseResult.value as never)));
        assert.deepEqual(THREAT_COLUMNS.slice(-2).map(c => c.header), ['Bug', 'References']);
        assert.deepEqual(table.threats.rows.map(row => [row[0], row.at(-1)]), [['T', 'CWE-352, CWE-79, CAPEC-62\nrule Csrf'], ['U', '']]);
    });

    it('the hover of an element lists the facts it states; of a threat, its references and rule', async () => {
        const document = await model();
        assert.match(await hoverAt(document, 'Partner "Partner') ?? '', /\n\nFacts: type service · trust untrusted · tags "b2b"\n\nSTRIDE: /);
        assert.match(await hoverAt(document, 'Api "Public') ?? '', /\n\nFacts: privileged · tags "public", "pci"\n\nSTRIDE: /);
        assert.match(await hoverAt(document, 'Ledger "Ledger') ?? '', /\n\nFacts: encrypted at rest\n\nSTRIDE: /);
        assert.match(await hoverAt(document, 'Login:') ?? '', /\n\nFacts: bidirectional · carries Passwords \\\(secret, credentials\\\)\n\nSTRIDE: /);
        assert.match(await hoverAt(document, 'T "Forged') ?? '', /\n\nSTRIDE: Spoofing\n\nTargets: Api\n\nReferences: CWE-352, CWE-79, CAPEC-62 · rule Csrf — Forged requests\n\n/);
        assert.doesNotMatch(await hoverAt(document, 'U "Plain') ?? '', /References/);
    });

    it('the DFD tooltips carry the same facts, on a line of their own; an element without any has none', async () => {
        const dfd = await dfdModelOf({ 'model.tm': MODEL });
        const tooltip = (name: string): string[] => tooltipLines([...dfd.overview.nodes, ...dfd.overview.edges].find(e => e.name === name)!);
        assert.equal(tooltip('Partner')[1], 'type service · trust untrusted · tags "b2b"');
        assert.deepEqual(tooltip('Login').slice(1, 3), ['not encrypted, not authenticated', 'bidirectional · carries Passwords (secret, credentials)']);
        const plain = await dfdModelOf({ 'model.tm': 'process P "p"' });
        assert.equal(plain.overview.nodes[0]!.facts, undefined);
    });

    it('the report lists the facts among a node\'s details', async () => {
        const document = await model();
        const report = buildSecurityReport([{ path: 'model.tm', model: document.parseResult.value as never }]);
        assert.deepEqual(report.unbounded.map(n => [n.name, n.details]), [['Api', 'Node.js 20; privileged; tags "public", "pci"'], ['Ledger', 'encrypted at rest']]);
        assert.deepEqual(report.boundaries[0]!.nodes.map(n => n.details), ['type service; trust untrusted; tags "b2b"']);
    });

    it('completion offers the values of classification, type and trust, each with its meaning', async () => {
        const labels = async (text: string): Promise<string[]> => (await completeAfter(text)).map(item => item.label);
        assert.deepEqual(await labels('asset A "a" { classification '), ['public', 'internal', 'confidential', 'secret']);
        assert.deepEqual(await labels('asset A "a" { type '), ['credentials', 'token', 'personal', 'payment', 'key', 'other']);
        assert.deepEqual(await labels('external E "e" { type '), ['person', 'service', 'device']);
        assert.deepEqual(await labels('boundary B "b" { trust '), ['untrusted', 'partial', 'trusted']);
        const [secret] = (await completeAfter('asset A "a" { classification ')).filter(item => item.label === 'secret');
        assert.equal(secret?.documentation, 'Disclosure is severe and immediate (keys, card numbers, passwords): the most protected class.');
    });
});
