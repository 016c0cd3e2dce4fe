/**
 * The models of a monorepo and the rendered threat table, in real VS Code as a user sees them
 * (code-server in headless Chromium), with a copy of examples/ as the workspace: the status bar
 * names the active file's model, and Generate Threat Table → "Model: …" → HTML shows the table
 * rendered beside the model. Saves the README's screenshot; prints `N passed, N failed`.
 *
 *   node out/tsc/test/e2e/outputs-screenshot.js [screenshot.png]      (after `npm run build`)
 *
 * The screenshot defaults to test-results/outputs/threat-table.png; the README's is
 * docs/images/threat-table.png.
 */
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { runMain } from '../integration/harness/cleanup.js';
import type { UserCheck } from '../integration/harness/user-checks.js';
import { runUserChecks } from '../integration/harness/user-checks.js';
import { prepareRunFolders, startWorkbenchSession } from '../integration/harness/session.js';
import { waitUntil } from '../integration/harness/wait.js';
import { acceptRow, quickOpen, runFromCommandPalette, UI_TIMEOUT_MS, waitForQuickInputFocus, waitForWorkbench } from './workbench-ui.js';

const MODEL_STATUS = '.statusbar-item[id$="threatModel.model"]';

/** The frame of the rendered table whose threat list has a row for `threat`. */
async function tableFrame(page: Page, threat: string): Promise<Frame> {
    let found: Frame | undefined;
    await waitUntil(async () => {
        for (const frame of page.frames()) {
            if (frame.isDetached()) continue;
            const cells: string[] = await frame.locator('table#threat-list td').allTextContents().catch(() => []);
            if (cells.includes(threat)) found = frame;
        }
        return found !== undefined;
    }, { what: `the rendered threat table to list ${threat}`, timeoutMs: UI_TIMEOUT_MS, intervalMs: 100 });
    return found!;
}

async function main(): Promise<number> {
    const screenshot = resolve(process.argv[2] ?? join('test-results', 'outputs', 'threat-table.png'));
    const folders = prepareRunFolders('outputs', 'examples');
    const { page } = await startWorkbenchSession(folders);
    await waitForWorkbench(page);
    const checks: UserCheck[] = [];
    const check = (title: string, body: () => Promise<void>): void => void checks.push([title, body]);

    check("the status bar names the active file's model, and follows the editor to another model", async () => {
        await quickOpen(page, 'smart-lock.tm');
        await page.locator(MODEL_STATUS).filter({ hasText: 'KeyhavenLock' }).waitFor();
        await quickOpen(page, 'dfd.tm');
        await page.locator(MODEL_STATUS).filter({ hasText: 'PineShop' }).waitFor();
    });

    check('Generate Threat Table offers the active model first, and shows the HTML table rendered; the screenshot is saved', async () => {
        await runFromCommandPalette(page, 'Threat Model: Generate Threat Table');
        await waitForQuickInputFocus(page, 'the scope pick');
        await page.keyboard.type('Model: Pine & Co. web shop');
        await acceptRow(page, 'Model: Pine & Co. web shop');
        await waitForQuickInputFocus(page, 'the format pick');
        await page.keyboard.type('HTML');
        await acceptRow(page, 'HTML');
        await page.locator('.tab.active[aria-label^="Threat table: Pine & Co. web shop"]').waitFor();
        await tableFrame(page, 'OrderIdor');
        await page.locator(MODEL_STATUS).filter({ hasText: 'PineShop' }).waitFor();
        await page.screenshot({ path: screenshot });
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
