/**
 * The DFD preview's page inside the real workbench (code-server in headless Chromium), for the
 * scripts that drive it as a user does (real-preview.ts, ../e2e/dfd-screenshot.ts).
 */
import type { Frame, Page } from 'playwright-core';
import { waitUntil } from '../integration/harness/wait.js';
import { UI_TIMEOUT_MS } from '../e2e/workbench-ui.js';

/** The editor-title button of a `.tm` editor that opens the preview. */
export const PREVIEW_BUTTON = '.editor-actions [aria-label^="Open DFD Preview"]';

/**
 * The preview's page: VS Code nests it in an iframe inside an iframe. Waits until a page shows a
 * summary matching `summary`, as a page that has just been restarted (reloaded, shown again after
 * being hidden) may sit beside the frame of the page it replaces for a moment.
 */
export async function previewFrame(page: Page, summary: RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<Frame> {
    let found: Frame | undefined;
    let summaries: string[] = [];
    await waitUntil(async () => {
        summaries = [];
        for (const frame of page.frames()) {
            if (frame.isDetached()) continue;
            const texts = await frame.locator('body:has(#canvas) #summary').allTextContents().catch(() => []);
            summaries.push(...texts);
            if (texts.some(text => summary.test(text))) found = frame;
        }
        return found !== undefined;
    }, { what: `the DFD preview to show ${summary}`, timeoutMs, intervalMs: 100, observed: () => (summaries.length ? `the summaries ${summaries.map(s => `'${s}'`).join(', ')}` : 'no preview page') });
    return found!;
}
