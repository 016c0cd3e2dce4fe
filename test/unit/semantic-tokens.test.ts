import * as assert from 'node:assert/strict';
import { SemanticTokensDecoder } from 'langium/lsp';
import { checkWorkspace, services } from './helpers/workspace.js';

/** The semantic tokens of `text` as `line:column text type [modifiers]` (1-based), in document order. */
async function tokensOf(text: string, otherFiles: Record<string, string> = {}): Promise<string[]> {
    const [file] = await checkWorkspace({ 'model.tm': text, ...otherFiles });
    const document = file!.document;
    const provider = services.ThreatModel.lsp.SemanticTokenProvider!;
    const tokens = await provider.semanticHighlight(document, { textDocument: { uri: document.textDocument.uri } });
    const modifierNames = Object.entries(provider.tokenModifiers);
    return SemanticTokensDecoder.decode(tokens, provider.tokenTypes, document).map(t => {
        const { line, character } = document.textDocument.positionAt(t.offset);
        const modifiers = modifierNames.filter(([, bit]) => (t.tokenModifiers & bit) !== 0).map(([name]) => name);
        return `${line + 1}:${character + 1} ${t.text} ${t.tokenType}${modifiers.length > 0 ? ` [${modifiers.join(', ')}]` : ''}`;
    });
}

describe('semantic highlighting', () => {
    it('colours declared names by kind, references like their targets, and STRIDE categories as enum members', async () => {
        const text = [
            'asset CardData "Card data"',
            'boundary Net "Internet" { external Customer "Customer" }',
            'process Storefront "Storefront"',
            'datastore Db "Orders" { stores CardData }',
            'flow PlaceOrder: Customer -> Storefront "Order" { carries CardData }',
            'scenario Checkout "Checkout" { flows PlaceOrder }',
            'mitigation Cookies "Cookies" { status planned }',
            'threat Hijack "Session hijack" {',
            '    stride Spoofing, Tampering',
            '    targets Customer, Db, Nobody',
            '    mitigatedBy Cookies',
            '    response fix',
            '}',
            'exclude Repudiation on Customer "Receipts."',
        ].join('\n');
        assert.deepEqual(await tokensOf(text), [
            '1:7 CardData variable [declaration]',
            '2:10 Net namespace [declaration]',
            '2:36 Customer interface [declaration]',
            '3:9 Storefront function [declaration]',
            '4:11 Db struct [declaration]',
            '4:32 CardData variable',
            '5:6 PlaceOrder event [declaration]',
            '5:18 Customer interface',
            '5:30 Storefront function',
            '5:59 CardData variable',
            '6:10 Checkout method [declaration]',
            '6:38 PlaceOrder event',
            '7:12 Cookies property [declaration]',
            '7:39 planned enumMember',
            '8:8 Hijack class [declaration]',
            '9:12 Spoofing enumMember',
            '9:22 Tampering enumMember',
            '10:13 Customer interface',
            '10:23 Db struct',
            '11:17 Cookies property',
            '12:14 fix enumMember',
            '14:9 Repudiation enumMember',
            '14:24 Customer interface',
        ]);
    });

    it('colours a reference to a declaration in another file like that declaration', async () => {
        assert.deepEqual(await tokensOf('threat T "t" { targets Remote }', { 'other.tm': 'datastore Remote "r"' }), [
            '1:8 T class [declaration]',
            '1:24 Remote struct',
        ]);
    });

    it('colours the background declarations: system, assumption and dependency', async () => {
        assert.deepEqual(await tokensOf('system S "s"\nassumption A "a"\ndependency D "d"'), [
            '1:8 S namespace [declaration]',
            '2:12 A parameter [declaration]',
            '3:12 D namespace [declaration]',
        ]);
    });

    it('colours rules like macros, and the values of typed attributes and a rule\'s kind and category as enum members', async () => {
        const text = [
            'asset K "k" { classification secret type key }',
            'boundary B "b" { trust untrusted external E "e" { type person } }',
            'rule R "r" { on external stride Spoofing when trust is untrusted }',
            'threat T "t" { targets E rule R }',
            'dismiss R on E "no"',
        ].join('\n');
        assert.deepEqual(await tokensOf(text), [
            '1:7 K variable [declaration]',
            '1:30 secret enumMember',
            '1:42 key enumMember',
            '2:10 B namespace [declaration]',
            '2:24 untrusted enumMember',
            '2:43 E interface [declaration]',
            '2:56 person enumMember',
            '3:6 R macro [declaration]',
            '3:17 external enumMember',
            '3:33 Spoofing enumMember',
            '4:8 T class [declaration]',
            '4:24 E interface',
            '4:31 R macro',
            '5:9 R macro',
            '5:14 E interface',
        ]);
    });
});
