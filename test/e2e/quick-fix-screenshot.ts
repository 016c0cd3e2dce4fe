/**
 * Working with findings in real VS Code (the code-server workbench in headless Chromium), as a
 * user would: open online-store.tm, put the cursor on a finding, open the quick-fix menu with
 * Ctrl+., check tml's fixes are offered, take the README's screenshot, and apply the first fix.
 * Prints `N passed, N failed`.
 *
 *   node out/tsc/test/e2e/quick-fix-screenshot.js [screenshot.png]      (after `npm run build`)
 *
 * The screenshot defaults to test-results/quick-fix/quick-fix.png; the README's is
 * docs/images/quick-fix.png.
 */
import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { runMain } from '../integration/harness/cleanup.js';
import type { UserCheck } from '../integration/harness/user-checks.js';
import { runUserChecks } from '../integration/harness/user-checks.js';
import { prepareRunFolders, startWorkbenchSession } from '../integration/harness/session.js';
import { quickOpen, waitForWorkbench } from './workbench-ui.js';

const ACTION_ROW = '.action-widget .monaco-list-row';
const ADD_ALL = "Add threat stubs for all missing categories of 'Storefront'";

async function main(): Promise<number> {
    const screenshot = resolve(process.argv[2] ?? join('test-results', 'quick-fix', 'quick-fix.png'));
    const folders = prepareRunFolders('quick-fix');
    const { page } = await startWorkbenchSession(folders);
    await waitForWorkbench(page);
    const checks: UserCheck[] = [];
    const check = (title: string, body: () => Promise<void>): void => void checks.push([title, body]);

    check("Ctrl+. on Storefront offers tml's quick-fixes; the screenshot is saved", async () => {
        await quickOpen(page, 'online-store.tm');
        await page.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
        // Go to line 19, column 15: inside the name `Storefront`.
        await page.keyboard.press('Control+G');
        await page.keyboard.type('19:15');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+.');
        await page.locator(ACTION_ROW).first().waitFor({ timeout: 15_000 });
        const titles = await page.locator(ACTION_ROW).evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? r.textContent ?? ''));
        assert.ok(titles.some(t => t.includes(ADD_ALL)), `no '${ADD_ALL}' among: ${titles.join(' | ')}`);
        assert.ok(titles.some(t => t.includes("Add a Repudiation threat for 'Storefront'")), titles.join(' | '));
        assert.ok(titles.some(t => t.includes("Exclude Repudiation on 'Storefront'…")), titles.join(' | '));
        await page.screenshot({ path: screenshot });
    });

    check('Enter applies the preferred fix: Storefront has a threat stub for each missing category', async () => {
        // The preferred fix is the first row, focused: Enter applies it, as a user would.
        await page.keyboard.press('Enter');
        await page.locator(ACTION_ROW).first().waitFor({ state: 'hidden' });
        const lines = page.locator('.editor-instance .view-lines');
        await lines.filter({ hasText: 'threat StorefrontTampering' }).first().waitFor({ timeout: 15_000 }).catch(async () => {
            // The stubs go after the DMZ boundary, which may be scrolled out of view: search for one.
            await page.keyboard.press('Control+F');
            await page.keyboard.type('threat StorefrontElevationOfPrivilege');
            await page.locator('.find-widget .matchesCount').filter({ hasText: /1 of 1/ }).waitFor({ timeout: 15_000 });
        });
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
