import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LangiumDocument } from 'langium';
import { checkModel, services } from './helpers/workspace.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

async function hoverAt(document: LangiumDocument, needle: string, occurrence = 0): Promise<string | undefined> {
    const text = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `'${needle}' not in document`);
    const hover = await services.ThreatModel.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.textDocument.uri },
        position: document.textDocument.positionAt(offset),
    });
    const contents = hover?.contents;
    return contents && typeof contents === 'object' && 'value' in contents ? contents.value : undefined;
}

describe('hover', () => {
    it('on an element shows its STRIDE coverage, category by category', async () => {
        const { document } = await checkModel(DESIGN_EXAMPLE);
        assert.equal(await hoverAt(document, 'Customer "Customer'), [
            "**External entity 'Customer'** — Customer's browser",
            '',
            'STRIDE: 2/2 addressed',
            '',
            '| Category | Status | By |',
            '|---|---|---|',
            '| Spoofing | ✅ addressed | SessionHijack |',
            '| Repudiation | ➖ excluded | Customer actions are confirmed by signed payment receipts\\. |',
        ].join('\n'));
    });

    it('on a reference to a threat shows targets, assets, DREAD, risk, rating, response, mitigations and bug', async () => {
        const { document } = await checkModel(DESIGN_EXAMPLE);
        assert.equal(await hoverAt(document, 'SessionHijack "'), [
            '**Threat SessionHijack** — Attacker replays a stolen session cookie',
            '',
            'STRIDE: Spoofing',
            '',
            'Targets: Customer, Storefront',
            '',
            'Assets: CardData',
            '',
            'DREAD: damage 8 · reproducibility 6 · exploitability 5 · affectedUsers 7 · discoverability 6',
            '',
            'Risk **6.4** · Medium',
            '',
            'Response: fix',
            '- SecureCookies — HttpOnly, Secure, SameSite=strict cookies rotated at login (implemented)',
            '',
            'Bug: SEC\\-142',
        ].join('\n'));
    });

    it('on a STRIDE category keyword explains it', async () => {
        const { document } = await checkModel(DESIGN_EXAMPLE);
        assert.equal(await hoverAt(document, 'Repudiation on'), '**Repudiation**: Denying having performed an action, with no way to prove otherwise. Violates **non-repudiation**.');
    });

    it('escapes Markdown in names and titles', async () => {
        const { document } = await checkModel('process P "<script>alert(1)</script> [x](http://e) |"');
        const hover = await hoverAt(document, 'P "');
        assert.ok(hover?.startsWith("**Process 'P'** — \\<script\\>alert\\(1\\)\\</script\\> \\[x\\]\\(http://e\\) \\|"), hover);
    });
});

describe('code lens', () => {
    it('shows risk on threats and STRIDE coverage on elements', async () => {
        const { document } = await checkModel(DESIGN_EXAMPLE);
        const lenses = await services.ThreatModel.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.textDocument.uri } });
        assert.deepEqual(lenses?.map(l => `${l.range.start.line + 1}: ${l.command?.title}`), [
            '15: STRIDE 2/2 addressed',
            '19: STRIDE 1/6 addressed',
            '26: STRIDE 1/4 addressed',
            '32: STRIDE 0/3 addressed',
            '38: STRIDE 0/3 addressed',
            '46: risk 6.4 · Medium',
            '80: risk 3.4 · Low',
        ]);
    });
});
