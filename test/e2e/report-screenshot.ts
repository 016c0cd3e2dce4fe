/**
 * The security model report in real VS Code as a user sees it (code-server in headless Chromium),
 * with a copy of examples/ as the workspace: Generate Security Model Report → "Model: …" → the save
 * dialog's suggestion → the report opens with VS Code's own Markdown preview, which shows each DFD
 * as an image (an SVG file beside the report), with no extension. Saves the screenshot of the
 * preview at the web shop's card checkout diagram; prints `N passed, N failed`.
 *
 *   node out/tsc/test/e2e/report-screenshot.js [screenshot.png]      (after `npm run package`)
 *
 * The screenshot defaults to test-results/report/report-preview.png; the README's is
 * docs/images/report-preview.png.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { runMain } from '../integration/harness/cleanup.js';
import type { UserCheck } from '../integration/harness/user-checks.js';
import { runUserChecks } from '../integration/harness/user-checks.js';
import { prepareRunFolders, startWorkbenchSession } from '../integration/harness/session.js';
import { waitUntil } from '../integration/harness/wait.js';
import { acceptRow, quickOpen, runFromCommandPalette, UI_TIMEOUT_MS, waitForQuickInputFocus, waitForWorkbench } from './workbench-ui.js';

const OVERVIEW_ALT = 'DFD: Overview';
const CHECKOUT_ALT = 'DFD: A shopper pays for the basket by card';

/** The Markdown preview's frame: the one whose document has an image with the overview's alternative text. */
async function previewFrame(page: Page): Promise<Frame> {
    let found: Frame | undefined;
    await waitUntil(async () => {
        for (const frame of page.frames()) {
            if (frame.isDetached()) continue;
            if (await frame.locator(`img[alt="${OVERVIEW_ALT}"]`).count().catch(() => 0) > 0) found = frame;
        }
        return found !== undefined;
    }, { what: 'the Markdown preview to show the report with its overview image', timeoutMs: UI_TIMEOUT_MS, intervalMs: 200 });
    return found!;
}

/** The image's source and its decoded size once it has loaded (0 × 0 for a broken image). */
async function loadedImage(frame: Frame, alt: string): Promise<{ src: string; width: number; height: number }> {
    const image = frame.locator(`img[alt="${alt}"]`);
    let seen = { src: '', width: 0, height: 0, complete: false };
    await waitUntil(async () => {
        seen = await image.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc || img.src, width: img.naturalWidth, height: img.naturalHeight, complete: img.complete }));
        return seen.complete && seen.width > 0;
    }, { what: `the image '${alt}' to load`, timeoutMs: UI_TIMEOUT_MS, intervalMs: 200, observed: () => JSON.stringify(seen) });
    return seen;
}

/**
 * Runs a command from the palette with the focus in a webview (the preview): F1 travels to the
 * workbench as a message, and the palette sometimes closed again before it took the focus. The
 * preview's tab is clicked first, and the palette opened again if that happened.
 */
async function runFromWorkbench(page: Page, title: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
        await page.locator('.tab[aria-label^="Preview security-model.md"]').first().click();
        try {
            await runFromCommandPalette(page, title);
            return;
        } catch (error) {
            if (attempt === 3 || !(error instanceof Error) || !error.message.includes('before it took the keyboard focus')) throw error;
            await page.keyboard.press('Escape');
        }
    }
}

async function main(): Promise<number> {
    const screenshot = resolve(process.argv[2] ?? join('test-results', 'report', 'report-preview.png'));
    const folders = prepareRunFolders('report', 'examples');
    const { page } = await startWorkbenchSession(folders);
    await waitForWorkbench(page);
    const checks: UserCheck[] = [];
    const check = (title: string, body: () => Promise<void>): void => void checks.push([title, body]);
    const diagrams = join(folders.workspace, 'web-shop', 'security-model-diagrams');

    check('Generate Security Model Report offers the active model, then a save dialog in its folder; accepting it writes the report and one SVG per diagram', async () => {
        await quickOpen(page, 'dfd.tm');
        await runFromCommandPalette(page, 'View: Close Primary Side Bar');
        await runFromCommandPalette(page, 'Threat Model: Generate Security Model Report');
        await waitForQuickInputFocus(page, 'the scope pick');
        await page.keyboard.type('Model: Pine & Co. web shop');
        await acceptRow(page, 'Model: Pine & Co. web shop');
        // VS Code's own save dialog (a quick input in the browser), its path already filled in.
        await waitForQuickInputFocus(page, 'the save dialog');
        // The simple file dialog first shows the workspace folder, then fills in the suggested file.
        const input = page.locator('.quick-input-widget input');
        let suggested = '';
        await waitUntil(async () => (suggested = await input.inputValue()).endsWith('/web-shop/security-model.md'), {
            what: "the save dialog to suggest security-model.md in the model's folder", timeoutMs: UI_TIMEOUT_MS, intervalMs: 100, observed: () => `'${suggested}'`,
        });
        await page.keyboard.press('Enter');
        // The report is written after its diagrams.
        await waitUntil(() => existsSync(join(folders.workspace, 'web-shop', 'security-model.md')), { what: 'the report to be written', timeoutMs: UI_TIMEOUT_MS, intervalMs: 200 });
        const files = readdirSync(diagrams).sort().join(', ');
        const expected = 'dfd-1-overview.svg, dfd-2-BrowseAndSignIn.svg, dfd-3-CardCheckout.svg, dfd-4-OrderConfirmationMail.svg, dfd-5-RefundByStaff.svg, dfd-6-PriceUpdate.svg';
        if (files !== expected) throw new Error(`the diagrams folder holds ${files}`);
    });

    check("VS Code's built-in Markdown preview shows every DFD as an image loaded from the SVG beside the report; the screenshot is saved", async () => {
        await page.locator('.tab[aria-label^="Preview security-model.md"]').first().waitFor();
        const frame = await previewFrame(page);
        const alts = await frame.locator('img').evaluateAll(images => images.map(img => img.getAttribute('alt') ?? ''));
        if (alts.length !== 6 || alts.some(alt => !alt.startsWith('DFD: '))) throw new Error(`the preview's images are ${JSON.stringify(alts)}`);
        const overview = await loadedImage(frame, OVERVIEW_ALT);
        if (!overview.src.includes('security-model-diagrams/dfd-1-overview.svg')) throw new Error(`the overview image loads ${overview.src}`);
        const checkout = await loadedImage(frame, CHECKOUT_ALT);
        if (!checkout.src.includes('dfd-3-CardCheckout.svg')) throw new Error(`the card checkout image loads ${checkout.src}`);
        // No Mermaid source is left in the preview.
        if ((await frame.locator('body').textContent())?.includes('flowchart LR')) throw new Error('the preview shows Mermaid source');
        // The preview alone, at the window's width, so that the diagram is legible in the screenshot.
        await runFromWorkbench(page, 'View: Join All Editor Groups');
        await frame.locator('h3', { hasText: 'Scenario: A shopper pays for the basket by card' }).evaluate(heading => heading.scrollIntoView());
        await page.waitForTimeout(500);
        await page.screenshot({ path: screenshot });
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
