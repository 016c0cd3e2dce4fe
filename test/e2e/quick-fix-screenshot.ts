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
import { waitUntil } from '../integration/harness/wait.js';
import { quickOpen, UI_TIMEOUT_MS, waitForQuickInputFocus, waitForWorkbench } from './workbench-ui.js';

const ACTION_ROW = '.action-widget .monaco-list-row';
const CURSOR_STATUS = '#status\\.editor\\.selection';
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
        await page.locator('.squiggly-warning').first().waitFor();
        // Go to line 19, column 15: inside the name `Storefront`. The keys typed and Ctrl+. wait for
        // the state they depend on: the input focused, then the cursor there.
        await page.keyboard.press('Control+G');
        await waitForQuickInputFocus(page, 'Go to Line');
        await page.keyboard.type('19:15');
        await page.keyboard.press('Enter');
        await page.locator(CURSOR_STATUS).filter({ hasText: /^Ln 19, Col 15$/ }).waitFor();
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await page.keyboard.press('Control+.');
        await page.locator(ACTION_ROW).first().waitFor();
        const titles = await page.locator(ACTION_ROW).evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? r.textContent ?? ''));
        assert.ok(titles.some(t => t.includes(ADD_ALL)), `no '${ADD_ALL}' among: ${titles.join(' | ')}`);
        assert.ok(titles.some(t => t.includes("Add a Repudiation threat for 'Storefront'")), titles.join(' | '));
        assert.ok(titles.some(t => t.includes("Exclude Repudiation on 'Storefront'…")), titles.join(' | '));
        // Categories in words with their article, and "Fix all" in this very menu.
        assert.ok(titles.some(t => t.includes("Add an Elevation of privilege threat for 'Storefront'")), titles.join(' | '));
        assert.ok(titles.some(t => t.includes('Fix all: add threat stubs for every missing STRIDE category (4 in this file)')), titles.join(' | '));
        await page.screenshot({ path: screenshot });
    });

    check('Enter applies the preferred fix: Storefront has a threat stub for each missing category', async () => {
        // The preferred fix is the first row, focused: Enter applies it, as a user would.
        await page.keyboard.press('Enter');
        await page.locator(ACTION_ROW).first().waitFor({ state: 'hidden' });
        // The stubs go after the DMZ boundary, out of view: the find widget counts the matches in the
        // whole file, and follows the edit whenever it is applied.
        await page.keyboard.press('Control+F');
        const find = page.locator('.find-widget textarea, .find-widget input').first();
        await waitUntil(() => find.evaluate(element => element === element.ownerDocument.activeElement).catch(() => false), {
            what: 'the find widget to take the keyboard focus', timeoutMs: UI_TIMEOUT_MS, intervalMs: 50,
        });
        // The model has no threat of that name before: five matches are the five stubs.
        await page.keyboard.type('threat Storefront');
        await page.locator('.find-widget .matchesCount').filter({ hasText: / of 5$/ }).waitFor();
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
