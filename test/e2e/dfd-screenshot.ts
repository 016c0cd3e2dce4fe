/**
 * The web shop's whole-model DFD in real VS Code (code-server in headless Chromium), with a copy of
 * examples/ as the workspace: opened beside dfd.tm, the preview is half the window wide; at Fit the
 * overview's labels would be too small to read, so the preview starts with the top-level boundaries
 * collapsed and says so. Saves the screenshot of that, then clicks a collapsed boundary and checks
 * that it expands, and that Expand all shows every element. Prints `N passed, N failed`.
 *
 *   node out/tsc/test/e2e/dfd-screenshot.js [screenshot.png]      (after `npm run build`)
 *
 * The screenshot defaults to test-results/dfd-web-shop/dfd-web-shop.png; docs/dfd.md's is
 * docs/images/dfd-web-shop.png.
 */
import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { runMain } from '../integration/harness/cleanup.js';
import type { UserCheck } from '../integration/harness/user-checks.js';
import { runUserChecks } from '../integration/harness/user-checks.js';
import { prepareRunFolders, startWorkbenchSession } from '../integration/harness/session.js';
import { PREVIEW_BUTTON, previewFrame } from '../webview/preview-frame.js';
import { quickOpen, waitForWorkbench } from './workbench-ui.js';

/** The overview's figures, as the preview's summary puts them: the same whatever is collapsed. */
const OVERVIEW = '16 elements, 21 flows, 5 with open categories or findings';

async function main(): Promise<number> {
    const screenshot = resolve(process.argv[2] ?? join('test-results', 'dfd-web-shop', 'dfd-web-shop.png'));
    const folders = prepareRunFolders('dfd-web-shop', 'examples');
    const { page } = await startWorkbenchSession(folders);
    await waitForWorkbench(page);
    const checks: UserCheck[] = [];
    let frame: Frame | undefined;
    const check = (title: string, body: () => Promise<void>): void => void checks.push([title, body]);

    check('the web shop overview in a half-width panel starts with its top-level boundaries collapsed, and says so; the screenshot is saved', async () => {
        // The side bar closed (Ctrl+B): the editor and the preview share the window's width.
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
        await quickOpen(page, 'dfd.tm');
        await page.locator(PREVIEW_BUTTON).first().click();
        frame = await previewFrame(page, new RegExp(`^${OVERVIEW}; 5 boundaries collapsed$`));
        await frame.locator('#collapse-note').filter({ hasText: 'Boundaries collapsed to fit: click one to expand' }).waitFor();
        assert.equal(await frame.locator('#collapse').textContent(), 'Expand all');
        const collapsed = await frame.locator('#canvas g.tm-collapsed').evaluateAll(groups => groups.map(g => g.id));
        assert.deepEqual(collapsed.sort(), ['CorporateNetwork', 'EdgeNetwork', 'ShopVpc', 'ShopperSide', 'ThirdParties'].map(id => `dfd-${id}`).sort());
        const viewport = (await frame.locator('#viewport').boundingBox())!;
        const window = page.viewportSize()!;
        assert.ok(Math.abs(viewport.width - window.width / 2) < 60, `the preview is ${viewport.width} px wide in a ${window.width} px window`);
        await page.screenshot({ path: screenshot });
    });

    check('a click on a collapsed boundary expands it: its elements are drawn, the others stay collapsed', async () => {
        await frame!.locator('g[id="dfd-ShopVpc"] text').first().click();
        frame = await previewFrame(page, new RegExp(`^${OVERVIEW}; 4 boundaries collapsed$`));
        await frame.locator('#canvas g[id="dfd-WebFrontend"]').waitFor();
        assert.equal(await frame.locator('#canvas g[id="dfd-ShopVpc"].tm-boundary').count(), 1);
        assert.equal(await frame.locator('#collapse-note').textContent(), '');
    });

    check('Expand all draws every element, and the button then offers Collapse boundaries', async () => {
        await frame!.locator('#collapse').click();
        frame = await previewFrame(page, new RegExp(`^${OVERVIEW}$`));
        await frame.locator('#collapse').filter({ hasText: 'Collapse boundaries' }).waitFor();
        await page.screenshot({ path: join(folders.artifacts, 'dfd-web-shop-expanded.png') });
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
