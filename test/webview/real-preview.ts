/**
 * The DFD preview in real VS Code (the code-server workbench in headless Chromium), driven as a
 * user would: open online-store.tm, click the editor-title button, look into the webview, hover,
 * click an element, save a screenshot for the README, then resize the panel (Fit is kept). Prints `N passed, N failed`.
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
import { PREVIEW_BUTTON, previewFrame } from './preview-frame.js';
import { quickOpen, runFromCommandPalette, UI_TIMEOUT_MS, waitForQuickInputFocus, waitForWorkbench } from '../e2e/workbench-ui.js';

const PREVIEW_TAB = '.tab[aria-label^="DFD: "]';

/**
 * Clicks the preview's tab and waits until its page has the keyboard focus. VS Code hands the
 * focus on to the page asynchronously (after a delay, then as a message to the webview's frame):
 * a quick input opened in between lost the focus to the page and closed at once.
 */
async function clickPreviewTab(page: Page): Promise<void> {
    await page.locator(PREVIEW_TAB).click();
    await waitUntil(async () => {
        for (const frame of page.frames()) {
            if (frame.isDetached() || !(await frame.locator('#canvas').count().catch(() => 0))) continue;
            if (await frame.evaluate(() => (globalThis as unknown as PageGlobals).document.hasFocus()).catch(() => false)) return true;
        }
        return false;
    }, { what: 'the DFD preview to take the keyboard focus', timeoutMs: UI_TIMEOUT_MS, intervalMs: 50 });
}

/** The little of the browser's globals the checks use; the project compiles without the DOM library. */
interface PageGlobals {
    readonly document: { hasFocus(): boolean };
}

interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/**
 * The diagram's view: the zoom level the toolbar shows, the canvas's scale, and whether the diagram
 * is as Fit places it: inside the viewport, centred, and filling its width or height (less the
 * 8 px margins) unless at the 150 % limit.
 */
async function fittedView(frame: Frame): Promise<{ readout: string; scale: number; viewport: Box; fitted: boolean }> {
    const readout = (await frame.locator('#zoom-level').textContent()) ?? '';
    const transform = await frame.locator('#canvas').evaluate(e => (e as unknown as { style: { transform: string } }).style.transform);
    const scale = Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
    const viewport = (await frame.locator('#viewport').boundingBox())!;
    const svg = (await frame.locator('#canvas svg').boundingBox())!;
    assert.equal(readout, `${Math.round(scale * 100)}%`, `the readout for the scale ${scale}`);
    const near = (a: number, b: number): boolean => Math.abs(a - b) < 2;
    const fitted = near(svg.x + svg.width / 2, viewport.x + viewport.width / 2) && near(svg.y + svg.height / 2, viewport.y + viewport.height / 2)
        && (near(svg.width, viewport.width - 16) || near(svg.height, viewport.height - 16) || scale === 1.5);
    return { readout, scale, viewport, fitted };
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
        await page.locator(PREVIEW_BUTTON).first().click();
        frame = await previewFrame(page, /^\d+ elements/);
        await frame.locator('#canvas g[id="dfd-Storefront"]').waitFor();
        const ids = await frame.locator('#canvas g[id^="dfd-"]').evaluateAll(groups => groups.map(g => g.id));
        assert.deepEqual(ids.sort(), ['Backend', 'Customer', 'Dmz', 'Internet', 'IssueRefund', 'OrdersDb', 'PlaceOrder', 'SaveOrder', 'Storefront', 'SupportAgent'].map(id => `dfd-${id}`).sort());
        // Titled with the model's system (DESIGN.md §9) and the file it follows.
        await page.locator('.tab.active[aria-label^="DFD: Online Store (online-store.tm)"]').waitFor();
    });

    check('the page runs under its CSP with a nonce', async () => {
        const csp = await frame!.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.match(csp ?? '', /^default-src 'none'; .*script-src 'nonce-[A-Za-z0-9+/]{22}=='/);
    });

    check('a click on a node shows its declaration, its name selected', async () => {
        await frame!.locator('g[id="dfd-OrdersDb"] text').first().click();
        await page.locator('#status\\.editor\\.selection').filter({ hasText: 'Ln 26, Col 23 (8 selected)' }).waitFor();
    });

    check('the palette offers "Threat Model: Open DFD Preview" for a .tm editor', async () => {
        await quickOpen(page, 'refunds.tm');
        await runFromCommandPalette(page, 'Threat Model: Open DFD Preview');
        await page.locator('.tab.active[aria-label^="DFD: Online Store (refunds.tm)"]').waitFor();
    });

    check('the scenario picker switches to a scenario, and the preview comes back with it after a reload', async () => {
        await frame!.locator('#scenario').selectOption('Checkout');
        await frame!.locator('#summary').filter({ hasText: '3 elements, 2 flows' }).waitFor();
        // Reload as a user does, so that VS Code saves the workbench state (the webview's too) first.
        await Promise.all([page.waitForEvent('load', { timeout: 2 * UI_TIMEOUT_MS }), runFromCommandPalette(page, 'Developer: Reload Window')]);
        await waitForWorkbench(page);
        // VS Code restores the preview once the extension host has restarted and activated tml: on a
        // loaded machine that took more than 30 s.
        frame = await previewFrame(page, /^3 elements, 2 flows/, 2 * UI_TIMEOUT_MS);
        assert.equal(await frame.locator('#scenario').inputValue(), 'Checkout');
        await frame.locator('#scenario').selectOption('');
        await frame.locator('#summary').filter({ hasText: '4 elements, 3 flows' }).waitFor();
    });

    check('the preview shows its diagram again after being hidden behind another editor', async () => {
        // Hide it: open online-store.tm in the preview's own editor group, the active one after the click.
        await clickPreviewTab(page);
        await quickOpen(page, 'online-store.tm');
        // Hidden, the preview follows the new active editor: its title says so once the extension host
        // has heard of it. Shown again sooner, it had missed online-store.tm and stayed with refunds.tm.
        // (Until its diagram comes, the title names the file only.)
        await page.locator(`${PREVIEW_TAB}:not(.active)[aria-label*="online-store.tm"]`).waitFor();
        await clickPreviewTab(page);
        await page.locator(`${PREVIEW_TAB}.active[aria-label^="DFD: Online Store (online-store.tm)"]`).waitFor();
        frame = await previewFrame(page, /^4 elements, 3 flows/);
    });

    check('Export SVG saves the diagram where the user confirms', async () => {
        await frame!.locator('#export').click();
        // VS Code's own save dialog: a quick input holding the proposed path; Enter accepts it.
        await waitForQuickInputFocus(page, 'the save dialog');
        const input = page.locator('.quick-input-widget input');
        // The dialog fills the path in as it reads the folder; the preview follows online-store.tm now.
        let proposed = '';
        await waitUntil(async () => (proposed = await input.inputValue()).endsWith('/workspace/online-store-overview.svg'), {
            what: 'the proposed file name online-store-overview.svg', timeoutMs: UI_TIMEOUT_MS, intervalMs: 100, observed: () => `the dialog proposing '${proposed}'`,
        });
        await page.keyboard.press('Enter');
        const saved = join(folders.workspace, 'online-store-overview.svg');
        // The file appears empty, then gets its content: wait for the whole of it.
        let written = '';
        await waitUntil(() => (written = existsSync(saved) ? readFileSync(saved, 'utf8') : '').endsWith('</svg>\n'), {
            what: 'the exported SVG to be written', timeoutMs: UI_TIMEOUT_MS, intervalMs: 100,
            observed: () => (existsSync(saved) ? `${written.length} characters ending ${JSON.stringify(written.slice(-40))}` : 'no file'),
        });
        assert.match(written, /^<\?xml[^]*<g id="dfd&#45;Storefront"[^]*<\/svg>\n$/);
    });

    check('hovering an element shows its STRIDE status; the screenshot is saved', async () => {
        // More room for the diagram: the side bar closed (Ctrl+B), the diagram fitted again.
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
        await frame!.locator('#zoom-fit').click();
        const tooltip = frame!.locator('#tooltip');
        let shown = '';
        // The webview settles its new size asynchronously: a hover computed before may land beside the
        // label, so hover until the tooltip is Storefront's.
        await waitUntil(async () => {
            await frame!.locator('g[id="dfd-Storefront"] text').first().hover();
            shown = (await tooltip.isVisible()) ? await tooltip.textContent() ?? '' : '(hidden)';
            return /Process 'Storefront': STRIDE 1\/6 addressed/.test(shown);
        }, { what: "Storefront's tooltip", timeoutMs: UI_TIMEOUT_MS, intervalMs: 200, observed: () => `the tooltip '${shown}'` });
        await page.screenshot({ path: screenshot });
    });

    check('the toolbar shows the zoom level, and a resized panel keeps the diagram fitted', async () => {
        await frame!.locator('#zoom-fit').click();
        const before = await fittedView(frame!);
        // Ctrl+B opens the side bar again: the panel gets narrower, and the diagram is fitted to it.
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'visible' });
        let after = before;
        await waitUntil(async () => (after = await fittedView(frame!)).viewport.width < before.viewport.width - 50 && after.fitted, {
            what: 'the diagram fitted to the narrower panel', timeoutMs: UI_TIMEOUT_MS, intervalMs: 100, observed: () => JSON.stringify(after),
        });
        assert.ok(after.scale < before.scale, `the zoom went from ${before.readout} to ${after.readout}`);
        // The readout follows the zoom buttons too.
        await frame!.locator('#zoom-reset').click();
        await frame!.locator('#zoom-level').filter({ hasText: /^100%$/ }).waitFor();
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
