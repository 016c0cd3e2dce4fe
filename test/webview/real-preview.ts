/**
 * The DFD preview in real VS Code (the code-server workbench in headless Chromium), driven as a
 * user would: open online-store.tm, click the editor-title button, look into the webview, hover,
 * click an element, then save a screenshot for the README. Prints `N passed, N failed`.
 *
 *   node out/tsc/test/webview/real-preview.js [screenshot.png]      (after `npm run build`)
 *
 * The screenshot defaults to test-results/dfd-preview/dfd-preview.png; the README's is
 * docs/images/dfd-preview.png.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { runMain } from '../integration/harness/cleanup.js';
import type { UserCheck } from '../integration/harness/user-checks.js';
import { runUserChecks } from '../integration/harness/user-checks.js';
import { prepareRunFolders, startWorkbenchSession } from '../integration/harness/session.js';
import { waitUntil } from '../integration/harness/wait.js';
import { quickOpen, runFromCommandPalette, waitForWorkbench } from '../e2e/workbench-ui.js';

const BUTTON = '.editor-actions [aria-label^="Open DFD Preview"]';

/** The webview's inner frame: VS Code nests the page in an iframe inside an iframe. */
async function previewFrame(page: Page): Promise<Frame> {
    for (let attempt = 0; attempt < 300; attempt++) {
        for (const frame of page.frames()) {
            if (await frame.locator('#canvas').count().catch(() => 0)) return frame;
        }
        await page.waitForTimeout(100);
    }
    throw new Error('the DFD preview webview did not appear');
}

async function main(): Promise<number> {
    const screenshot = resolve(process.argv[2] ?? join('test-results', 'dfd-preview', 'dfd-preview.png'));
    const folders = prepareRunFolders('dfd-preview');
    const { page } = await startWorkbenchSession(folders);
    await waitForWorkbench(page);
    const checks: UserCheck[] = [];
    let frame: Frame | undefined;
    const check = (title: string, body: () => Promise<void>): void => void checks.push([title, body]);

    check('the editor title of a .tm file has the Open DFD Preview button, which opens the preview', async () => {
        await quickOpen(page, 'online-store.tm');
        await page.locator(BUTTON).first().click();
        frame = await previewFrame(page);
        await frame.locator('#canvas g[id="dfd-Storefront"]').waitFor({ timeout: 30_000 });
        const ids = await frame.locator('#canvas g[id^="dfd-"]').evaluateAll(groups => groups.map(g => g.id));
        assert.deepEqual(ids.sort(), ['Backend', 'Customer', 'Dmz', 'Internet', 'IssueRefund', 'OrdersDb', 'PlaceOrder', 'SaveOrder', 'Storefront', 'SupportAgent'].map(id => `dfd-${id}`).sort());
        assert.equal(await page.locator('.tab.active[aria-label^="DFD: online-store.tm"]').count(), 1);
    });

    check('the page runs under its CSP with a nonce', async () => {
        const csp = await frame!.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.match(csp ?? '', /^default-src 'none'; .*script-src 'nonce-[A-Za-z0-9+/]{22}=='/);
    });

    check('a click on a node shows its declaration, its name selected', async () => {
        await frame!.locator('g[id="dfd-OrdersDb"] text').first().click();
        await page.locator('#status\\.editor\\.selection').filter({ hasText: 'Ln 26, Col 23 (8 selected)' }).waitFor({ timeout: 10_000 });
    });

    check('the palette offers "Threat Model: Open DFD Preview" for a .tm editor', async () => {
        await quickOpen(page, 'refunds.tm');
        await runFromCommandPalette(page, 'Threat Model: Open DFD Preview');
        await page.locator('.tab.active[aria-label^="DFD: refunds.tm"]').waitFor({ timeout: 10_000 });
    });

    check('the scenario picker switches to a scenario, and the preview comes back with it after a reload', async () => {
        await frame!.locator('#scenario').selectOption('Checkout');
        await frame!.locator('#summary').filter({ hasText: '3 elements, 2 flows' }).waitFor({ timeout: 15_000 });
        // Reload as a user does, so that VS Code saves the workbench state (the webview's too) first.
        await page.keyboard.press('F1');
        await page.keyboard.type('Developer: Reload Window');
        await page.locator('.quick-input-list .monaco-list-row[aria-label^="Developer: Reload Window"]').first().waitFor();
        await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
        await waitForWorkbench(page);
        frame = await previewFrame(page);
        await frame.locator('#summary').filter({ hasText: '3 elements, 2 flows' }).waitFor({ timeout: 30_000 });
        assert.equal(await frame.locator('#scenario').inputValue(), 'Checkout');
        await frame.locator('#scenario').selectOption('');
        await frame.locator('#summary').filter({ hasText: '4 elements, 3 flows' }).waitFor({ timeout: 15_000 });
    });

    check('the preview shows its diagram again after being hidden behind another editor', async () => {
        await page.locator('.tab[aria-label^="DFD: "]').click();
        await page.keyboard.press('Control+2');
        await quickOpen(page, 'online-store.tm');
        await page.locator('.tab[aria-label^="DFD: "]').click();
        frame = await previewFrame(page);
        await frame.locator('#summary').filter({ hasText: '4 elements, 3 flows' }).waitFor({ timeout: 15_000 });
    });

    check('Export SVG saves the diagram where the user confirms', async () => {
        await frame!.locator('#export').click();
        // VS Code's own save dialog: a quick input holding the proposed path; Enter accepts it.
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        // The dialog fills the path in as it reads the folder; the preview follows online-store.tm now.
        await waitUntil(async () => (await input.inputValue()).endsWith('/workspace/online-store-overview.svg'), { what: 'the proposed file name', timeoutMs: 10_000, intervalMs: 100 })
            .catch(async (error: unknown) => {
                throw new Error(`${error instanceof Error ? error.message : String(error)}: the dialog proposes ${await input.inputValue()}`);
            });
        await page.keyboard.press('Enter');
        const saved = join(folders.workspace, 'online-store-overview.svg');
        await waitUntil(() => existsSync(saved), { what: 'the exported SVG', timeoutMs: 10_000, intervalMs: 100 });
        assert.match(readFileSync(saved, 'utf8'), /^<\?xml[^]*<g id="dfd&#45;Storefront"[^]*<\/svg>\n$/);
    });

    check('hovering an element shows its STRIDE status; the screenshot is saved', async () => {
        // More room for the diagram: the side bar closed (Ctrl+B), the diagram fitted again.
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
        await frame!.locator('#zoom-fit').click();
        await frame!.locator('g[id="dfd-Storefront"] text').first().hover();
        const tooltip = frame!.locator('#tooltip');
        await tooltip.waitFor({ state: 'visible' });
        assert.match(await tooltip.textContent() ?? '', /Process 'Storefront': STRIDE 1\/6 addressed/);
        await page.screenshot({ path: screenshot });
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
