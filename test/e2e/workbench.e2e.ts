import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCleanups } from '../integration/harness/cleanup.js';
import { prepareRunFolders, startWorkbenchSession, type RunFolders } from '../integration/harness/session.js';
import { waitUntil } from '../integration/harness/wait.js';
import { PROBLEMS_STATUS, problemRows, quickOpen, runFromCommandPalette, showProblemsPanel, typeAtEnd, waitForWorkbench, watchStatusBarFor } from './workbench-ui.js';

const RESTART_TITLE = 'Threat Model: Restart Language Server';
const RESTART_PROGRESS = 'Restarting the Threat Model language server';

/** Polls the page until `probe` holds; the workbench updates asynchronously. */
function eventually(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    return waitUntil(probe, { what, timeoutMs, intervalMs: 100 });
}

describe('the workbench in headless Chromium, driven as a user would', function () {
    let folders: RunFolders;
    let page: Page;
    const problemsStatus = (): Promise<string | null> => page.locator(PROBLEMS_STATUS).getAttribute('aria-label');
    const squiggles = (): Promise<number> => page.locator('.squiggly-warning').count();

    before(async function () {
        this.timeout(180_000);
        folders = prepareRunFolders('e2e');
        page = (await startWorkbenchSession(folders)).page;
        await waitForWorkbench(page);
    });

    afterEach(async function () {
        if (this.currentTest?.state === 'failed') {
            const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
            await page.screenshot({ path: join(folders.artifacts, `failed-${name}.png`) }).catch(() => undefined);
        }
    });

    after(async () => {
        await runCleanups();
    });

    it('opens online-store.tm through Quick Open, as a Threat Model file', async () => {
        await quickOpen(page, 'online-store.tm');
        assert.equal(await page.locator('#status\\.editor\\.mode').textContent(), 'Threat Model');
    });

    // Only the lines in view are rendered: the four element names of §4 (SaveOrder's boundary-crossing
    // warning shares its squiggle); the missing linked files on lines 76–77 are below the fold.
    it('underlines the warnings of the DESIGN.md example in view: the four element names of §4', async () => {
        await eventually('four warning squiggles', async () => (await squiggles()) === 4);
        assert.equal(await page.locator('.squiggly-error').count(), 0);
    });

    it("counts the workspace's eight warnings in the status bar and lists them in the Problems panel", async () => {
        await eventually('the status bar to count eight warnings', async () => /\bWarnings: 8\b/.test(await problemsStatus() ?? ''));
        await showProblemsPanel(page);
        // Eight warnings and RefundFraud's tm/fix-only-planned information; hints are not listed.
        await eventually('nine rows in the Problems panel', async () => (await problemRows(page)).length === 9);
        const rows = await problemRows(page);
        const subjects = rows.map(row => /^Warning: (.+?) has no threat for /.exec(row)?.[1]).filter(subject => subject !== undefined);
        assert.deepEqual(subjects.sort(), [
            "Data store 'OrdersDb'", "Flow 'IssueRefund'", "Flow 'PlaceOrder'", "Flow 'SaveOrder'", "Process 'Storefront'",
        ]);
        assert.equal(rows.filter(row => /^Warning: Flow 'SaveOrder' crosses the trust boundaries /.test(row)).length, 1);
        assert.equal(rows.filter(row => /^Warning: '.+' \((implementedIn|verifiedBy) of mitigation 'SecureCookies'\) does not exist/.test(row)).length, 2);
        assert.match(await page.locator('.panel .composite.title [aria-label^="Problems"]').first().getAttribute('aria-label') ?? '', /Total 9 Problems/);
    });

    it(`runs "${RESTART_TITLE}" from the command palette, and the new server reports the same findings`, async () => {
        const sawProgress = await watchStatusBarFor(page, RESTART_PROGRESS);
        await runFromCommandPalette(page, RESTART_TITLE);
        await eventually(`"${RESTART_PROGRESS}" in the status bar`, sawProgress);
        await eventually('the restart to finish', async () => !(await page.locator('.part.statusbar').textContent())?.includes(RESTART_PROGRESS));
        await eventually('the status bar to count eight warnings again', async () => /\bWarnings: 8\b/.test(await problemsStatus() ?? ''));
        assert.equal(await page.locator('.notification-toast .codicon-error').count(), 0, 'an error notification is shown');
    });

    it('updates the counts as the user types exclusions, and saves a screenshot', async () => {
        const reason = '"Both flows stay inside the data centre."';
        await typeAtEnd(page, ['Tampering', 'InformationDisclosure', 'DenialOfService']
            .map(category => `exclude ${category} on PlaceOrder, SaveOrder ${reason}`));
        await eventually('the status bar to count six warnings', async () => /\bWarnings: 6\b/.test(await problemsStatus() ?? ''));
        await showProblemsPanel(page);
        await eventually('seven rows in the Problems panel', async () => (await problemRows(page)).length === 7);

        const screenshot = join(folders.artifacts, 'workbench.png');
        await page.screenshot({ path: screenshot });
        assert.ok(statSync(screenshot).size > 10_000, 'the screenshot is empty');
    });
});
