import type { Page } from 'playwright-core';
import { waitUntil } from '../integration/harness/wait.js';

/** Selectors of VS Code 1.100's workbench that the UI check relies on, in one place. */
const QUICK_INPUT = '.quick-input-widget input';
const QUICK_INPUT_ROW = '.quick-input-list .monaco-list-row';
export const PROBLEMS_STATUS = '#status\\.problems';
const PROBLEMS_ROW = '.markers-panel .monaco-list-row';
const SHOW_OUTPUT_CHANNELS = 'Output: Show Output Channels...';
const OUTPUT_CHANNEL_PICKER = 'Select Output Channel';
const OUTPUT_LINE = '.part.panel .output-view .view-line';

/**
 * How long a UI check waits for the workbench to reach a state: long enough for a 2-core machine
 * with both cores busy (a state that is reached comes within seconds there); it only delays a failure.
 */
export const UI_TIMEOUT_MS = 60_000;

/**
 * Waits until the workbench has loaded the workspace (the Explorer lists its files), and makes
 * {@link UI_TIMEOUT_MS} the page's default timeout for every later wait.
 */
export async function waitForWorkbench(page: Page): Promise<void> {
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 2 * UI_TIMEOUT_MS });
}

/** Quick Open (Ctrl+P): types the file name and opens that file in the active editor group. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
    await openQuickInput(page, 'Control+P');
    await page.keyboard.type(fileName);
    await acceptRow(page, fileName);
    await page.locator(`.tab.active[data-resource-name="${fileName}"]`).waitFor();
}

/** The command palette (F1): types a command's title and runs the entry with exactly that label. */
export async function runFromCommandPalette(page: Page, title: string): Promise<void> {
    await openQuickInput(page, 'F1');
    await page.keyboard.type(title);
    await acceptRow(page, title);
    // The palette is gone once the quick input is hidden, or holds something else: a command that asks
    // for input (a pick, an input box) reuses the same widget, and on a fast machine it shows at once,
    // so the widget may never be seen hidden in between.
    const input = page.locator(QUICK_INPUT);
    await waitUntil(async () => !(await input.isVisible()) || !(await input.inputValue().catch(() => '')).includes(title), {
        what: `the command palette to close after running '${title}'`,
        timeoutMs: UI_TIMEOUT_MS,
        intervalMs: 50,
    });
}

/**
 * Presses the key that opens a quick input and waits until its input has the keyboard focus. From a
 * webview the key travels to the workbench as a message, and the input showed before it took the
 * focus from the webview: characters typed in between were lost.
 */
async function openQuickInput(page: Page, key: string): Promise<void> {
    await page.keyboard.press(key);
    await waitForQuickInputFocus(page, `the quick input opened by ${key}`);
}

/** Waits until a quick input (also VS Code's own file dialogs) is shown and its input has the keyboard focus. */
export async function waitForQuickInputFocus(page: Page, what: string): Promise<void> {
    const input = page.locator(QUICK_INPUT);
    await input.waitFor({ state: 'visible' });
    await waitUntil(async () => {
        if (!(await input.isVisible())) throw new Error(`${what} closed again before it took the keyboard focus`);
        return input.evaluate(element => element === element.ownerDocument.activeElement).catch(() => false);
    }, {
        what: `${what} to take the keyboard focus`,
        timeoutMs: UI_TIMEOUT_MS,
        intervalMs: 50,
    });
}

/**
 * Presses Enter once the input holds the typed `label` and the focused row, the one Enter accepts,
 * is `label` (VS Code may add the folder, `, file results` or `, recently opened`). The list follows the input asynchronously: right after focus
 * left a webview, the input already held the whole file name while the list still showed the
 * unfiltered "recently opened" rows, and Enter reopened the first of them, the preview itself.
 */
export async function acceptRow(page: Page, label: string): Promise<void> {
    const input = page.locator(QUICK_INPUT);
    let value = '';
    let rows: { label: string; focused: boolean }[] = [];
    await waitUntil(async () => {
        value = await input.inputValue();
        rows = await page.locator(QUICK_INPUT_ROW).evaluateAll(elements => elements.map(row => ({
            label: row.getAttribute('aria-label') ?? '',
            focused: row.classList.contains('focused'),
        })));
        // The command palette's input starts with '>'.
        return value.endsWith(label) && rows.some(row => row.focused && (row.label === label || row.label.startsWith(`${label}, `) || row.label.startsWith(`${label} `)));
    }, {
        what: `the quick input to focus the row '${label}'`,
        timeoutMs: UI_TIMEOUT_MS,
        intervalMs: 100,
        observed: () => `the input '${value}' and the rows ${rows.map(row => (row.focused ? `[${row.label}]` : row.label)).join(' | ') || '(none)'}`,
    });
    await page.keyboard.press('Enter');
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

/** Shows an output channel in the Output panel, as a user would: "Output: Show Output Channels...", then its name. */
export async function showOutputChannel(page: Page, channel: string): Promise<void> {
    await openQuickInput(page, 'F1');
    await page.keyboard.type(SHOW_OUTPUT_CHANNELS);
    await acceptRow(page, SHOW_OUTPUT_CHANNELS);
    // The command replaces the palette by a second quick input: keys typed before it is there go to the palette's.
    await page.locator(`${QUICK_INPUT}[placeholder="${OUTPUT_CHANNEL_PICKER}"]`).waitFor();
    await waitForQuickInputFocus(page, 'the output channel picker');
    await page.keyboard.type(channel);
    await acceptRow(page, channel);
    await page.waitForSelector(QUICK_INPUT, { state: 'hidden' });
}

/** The lines the Output panel shows (only those in view are rendered), with the editor's non-breaking spaces as spaces. */
export async function outputLines(page: Page): Promise<string[]> {
    return (await page.locator(OUTPUT_LINE).allTextContents()).map(line => line.replace(/\u00a0/g, ' '));
}

/** A notification as the notification center lists it: the error icon and the accessible label. */
export interface ListedNotification {
    readonly error: boolean;
    readonly label: string;
}

/**
 * Every notification the window holds, read from the notification center (opened with its key,
 * Ctrl+K Ctrl+Shift+N, and closed again with Escape). Toasts hide after a timeout; the center keeps a
 * notification until it is cleared, so this is the state to check, not the toasts.
 */
export async function listNotifications(page: Page): Promise<ListedNotification[]> {
    const center = page.locator('.notifications-center');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+Shift+N');
    await center.waitFor({ state: 'visible' });
    const listed = await center.locator('.monaco-list-row').evaluateAll(rows => rows.map(row => ({
        error: row.querySelector('.codicon-error') !== null,
        label: row.getAttribute('aria-label') ?? '',
    })));
    await page.keyboard.press('Escape');
    await center.waitFor({ state: 'hidden' });
    return listed;
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
