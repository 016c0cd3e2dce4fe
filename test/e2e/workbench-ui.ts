import type { Page } from 'playwright-core';

/** Selectors of VS Code 1.100's workbench that the UI check relies on, in one place. */
const QUICK_INPUT = '.quick-input-widget input';
const QUICK_INPUT_ROW = '.quick-input-list .monaco-list-row';
export const PROBLEMS_STATUS = '#status\\.problems';
const PROBLEMS_ROW = '.markers-panel .monaco-list-row';

/** Waits until the workbench has loaded the workspace (the Explorer lists its files). */
export async function waitForWorkbench(page: Page): Promise<void> {
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
}

/** Quick Open (Ctrl+P): types the file name and opens the first match. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
    await page.keyboard.press('Control+P');
    await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
    await page.keyboard.type(fileName);
    await page.locator(QUICK_INPUT_ROW).filter({ hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(`.tab.active[data-resource-name="${fileName}"]`).waitFor();
}

/** The command palette (F1): types a command's title and runs the entry with exactly that label. */
export async function runFromCommandPalette(page: Page, title: string): Promise<void> {
    await page.keyboard.press('F1');
    await page.waitForSelector(QUICK_INPUT, { state: 'visible' });
    await page.keyboard.type(title);
    await page.locator(`${QUICK_INPUT_ROW}[aria-label="${title}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForSelector(QUICK_INPUT, { state: 'hidden' });
}

/** Opens the Problems panel (Ctrl+Shift+M) unless it is open already: the key toggles it. */
export async function showProblemsPanel(page: Page): Promise<void> {
    if (await page.locator('.markers-panel').isVisible()) return;
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible' });
}

/** The Problems panel's rows for markers (not for files), as their accessible labels. */
export async function problemRows(page: Page): Promise<string[]> {
    const labels = await page.locator(PROBLEMS_ROW).evaluateAll(rows => rows.map(r => r.getAttribute('aria-label') ?? ''));
    return labels.filter(label => /^(Error|Warning|Info|Hint): /.test(label));
}

/**
 * Records whether `text` ever appears in the status bar from now on. A MutationObserver in the page
 * sees transient items (a progress message) that polling could miss.
 */
export async function watchStatusBarFor(page: Page, text: string): Promise<() => Promise<boolean>> {
    const key = `tmlSeen${Date.now()}`;
    await page.evaluate(({ key, text }) => {
        // Runs in the page; the project compiles without the DOM library, hence the narrow type.
        const page = globalThis as unknown as PageGlobals;
        const statusBar = page.document.querySelector('.part.statusbar');
        const record = (): void => {
            if (statusBar?.textContent?.includes(text)) page[key] = true;
        };
        new page.MutationObserver(record).observe(statusBar ?? page.document.body, { subtree: true, childList: true, characterData: true });
        record();
    }, { key, text });
    return () => page.evaluate(key => (globalThis as unknown as PageGlobals)[key] === true, key);
}

/** The little of the browser's globals that watchStatusBarFor uses. */
interface PageGlobals {
    readonly document: { querySelector(selector: string): { readonly textContent: string | null } | null; readonly body: object };
    readonly MutationObserver: new (callback: () => void) => { observe(target: object, options: object): void };
    [flag: string]: unknown;
}

/** Types lines at the end of the active editor, closing any suggestion widget before each Enter. */
export async function typeAtEnd(page: Page, lines: readonly string[]): Promise<void> {
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+End');
    for (const line of lines) {
        await page.keyboard.press('Enter');
        await page.keyboard.type(line);
        await page.keyboard.press('Escape');
    }
}
