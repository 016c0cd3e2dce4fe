/**
 * A syntax error in real VS Code (the code-server workbench in headless Chromium), as a user sees
 * it: a model with `response mitigate`, the cursor on the squiggle, the hover with tml's message
 * ("did you mean 'fix'?"). Takes the README's screenshot. Prints `N passed, N failed`.
 *
 *   node out/tsc/test/e2e/syntax-error-screenshot.js [screenshot.png]      (after `npm run package`)
 *
 * The screenshot defaults to test-results/syntax-error/syntax-error.png; the README's is
 * docs/images/syntax-error.png.
 */
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runMain } from '../integration/harness/cleanup.js';
import type { UserCheck } from '../integration/harness/user-checks.js';
import { runUserChecks } from '../integration/harness/user-checks.js';
import { prepareRunFolders, startWorkbenchSession } from '../integration/harness/session.js';
import { quickOpen, waitForQuickInputFocus, waitForWorkbench } from './workbench-ui.js';

const CURSOR_STATUS = '#status\\.editor\\.selection';
const MODEL = [
    '// A threat whose response is not one of the four.',
    'process Storefront "Storefront web app"',
    '',
    'threat SessionHijack "Attacker replays a stolen session cookie" {',
    '    stride Spoofing',
    '    targets Storefront',
    '    response mitigate',
    '}',
    '',
].join('\n');
const MESSAGE = "'mitigate' is not a response; did you mean 'fix'? A response is one of: fix, accept, warn, remove.";

async function main(): Promise<number> {
    const screenshot = resolve(process.argv[2] ?? join('test-results', 'syntax-error', 'syntax-error.png'));
    const folders = prepareRunFolders('syntax-error');
    writeFileSync(join(folders.workspace, 'syntax-error.tm'), MODEL);
    const { page } = await startWorkbenchSession(folders);
    await waitForWorkbench(page);
    const checks: UserCheck[] = [];
    const check = (title: string, body: () => Promise<void>): void => void checks.push([title, body]);

    check("the hover on 'mitigate' shows tml's message with its did-you-mean; the screenshot is saved", async () => {
        await quickOpen(page, 'syntax-error.tm');
        await page.locator('.squiggly-error').first().waitFor();
        await page.keyboard.press('Control+G');
        await waitForQuickInputFocus(page, 'Go to Line');
        await page.keyboard.type('7:16');
        await page.keyboard.press('Enter');
        await page.locator(CURSOR_STATUS).filter({ hasText: /^Ln 7, Col 16$/ }).waitFor();
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const hover = page.locator('.monaco-hover').filter({ hasText: 'did you mean' }).first();
        await hover.waitFor();
        const text = (await hover.textContent()) ?? '';
        assert.ok(text.includes(MESSAGE), text);
        await page.screenshot({ path: screenshot });
    });

    const code = await runUserChecks(page, folders.artifacts, checks);
    console.log(`screenshot: ${screenshot}`);
    return code;
}

runMain(main);
