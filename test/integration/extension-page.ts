/**
 * The newcomer's view of the installed extension: VS Code's page for tml (Extensions view →
 * Threat Model Language) shows the README with its screenshots. Runs against tml.vsix installed
 * as a user installs it (TML_TEST_EXTENSION, extension-under-test.ts); prints `N passed, N failed`
 * and saves test-results/extension-page/extension-page.png.
 *
 *   node out/tsc/test/integration/extension-page.js      (after `npm run package`)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';
import { runMain } from './harness/cleanup.js';
import { summaryLine } from './harness/results.js';
import { prepareRunFolders, startWorkbenchSession } from './harness/session.js';
import { waitUntil } from './harness/wait.js';

interface ShownImage {
    readonly alt: string;
    readonly width: number;
}

/** The alt texts of the images README.md shows, in order. */
function readmeImageAlts(root: string): string[] {
    const alts: string[] = [];
    const visit = (node: Nodes): void => {
        if (node.type === 'image') alts.push(node.alt ?? '');
        if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(readFileSync(join(root, 'README.md'), 'utf8')));
    return alts;
}

/** The images of every frame of the page (the README is in a webview's frame), with their loaded widths. */
async function shownImages(page: Page): Promise<ShownImage[]> {
    const perFrame = await Promise.all(page.frames().map((frame: Frame) => frame
        .evaluate(() => [...document.querySelectorAll('img')].map(img => ({ alt: img.alt, width: img.naturalWidth })))
        .catch(() => [] as ShownImage[])));
    return perFrame.flat();
}

async function main(): Promise<number> {
    const folders = prepareRunFolders('extension-page');
    const expected = readmeImageAlts(folders.root);
    const { page } = await startWorkbenchSession(folders);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
    await page.keyboard.press('Control+Shift+X');
    const search = page.locator('.extensions-viewlet .suggest-input-container textarea, .extensions-viewlet .inputarea').first();
    await search.waitFor();
    await search.fill('@installed');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Threat Model Language' }).first().click();
    let problem: string | undefined;
    try {
        // Loaded means a natural width: a broken image has none.
        await waitUntil(async () => {
            const loaded = (await shownImages(page)).filter(i => expected.includes(i.alt) && i.width > 0).map(i => i.alt);
            return expected.every(alt => loaded.includes(alt));
        }, {
            what: `the extension page to show the README's images (${expected.join(' | ')})`,
            timeoutMs: 60_000,
            intervalMs: 250,
            observed: async () => JSON.stringify(await shownImages(page)),
        });
    } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
    }
    // The screenshot shows the first of them, where the reader scrolls to.
    await Promise.all(page.frames().map(frame => frame
        .evaluate(alt => [...document.querySelectorAll('img')].find(img => img.alt === alt)?.scrollIntoView(), expected[0] ?? '')
        .catch(() => undefined)));
    await page.screenshot({ path: join(folders.artifacts, 'extension-page.png') });
    const title = `the extension page shows the README with its ${expected.length} screenshots`;
    console.log(problem ? `  FAIL ${title}\n     ${problem}` : `  ok   ${title}`);
    console.log(summaryLine({ passed: problem ? 0 : 1, failed: problem ? 1 : 0 }));
    return problem ? 1 : 0;
}

runMain(main);
