import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver';
import { checkModel, services } from './helpers/workspace.js';

/** The fact names completion offers at the `|` in a rule. */
async function factsAt(text: string): Promise<string[]> {
    const offset = text.indexOf('|');
    const { document } = await checkModel(text.replace('|', ''));
    const list = await services.ThreatModel.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.textDocument.uri },
        position: document.textDocument.positionAt(offset),
    });
    return (list?.items ?? []).filter((i: CompletionItem) => i.kind === CompletionItemKind.Field).map(i => i.label).sort();
}

async function hoverOn(text: string, needle: string): Promise<string | undefined> {
    const { document } = await checkModel(text);
    const hover = await services.ThreatModel.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.textDocument.uri },
        position: document.textDocument.positionAt(text.indexOf(needle)),
    });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

describe('editing rules', () => {
    it('completion offers the facts of the rule\'s kind, of a quantifier\'s members, and of a node after source.', async () => {
        assert.deepEqual(await factsAt('rule R "r" { on flow stride Tampering when | }'), [
            'authenticated', 'bidirectional', 'boundaries', 'carries', 'crossesBoundary', 'encrypted', 'fromLessTrusted',
            'kind', 'protocol', 'source', 'tags', 'target', 'trust',
        ]);
        assert.deepEqual(await factsAt('rule R "r" { on flow stride Tampering when any carries (|) }'), ['classification', 'name', 'type']);
        assert.deepEqual(await factsAt('rule R "r" { on flow stride Tampering when source.| }'), [
            'boundaries', 'encrypted', 'entrypoint', 'flowsIn', 'flowsOut', 'kind', 'logs', 'privileged', 'stores', 'tags', 'tech', 'technology', 'trust', 'type',
        ]);
    });

    it('hover on a fact explains it', async () => {
        const text = 'rule R "r" { on flow stride Tampering when fromLessTrusted and any carries (classification is secret) }\n';
        assert.equal(await hoverOn(text, 'fromLessTrusted'),
            "**fact** `fromLessTrusted`: yes/no\n\nWhether the source's trust is lower than the target's (untrusted < partial < trusted); unknown when either is unknown.");
        assert.equal(await hoverOn(text, 'classification'),
            "**fact** `classification`: one of `public`, `internal`, `confidential`, `secret`\n\nThe asset's `classification`: public, internal, confidential or secret; unknown when not written.");
    });
});
