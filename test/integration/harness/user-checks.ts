import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** One user-level check of a script that drives the workbench: a title and what it does. */
export type UserCheck = readonly [title: string, body: () => Promise<void>];

/**
 * Runs the checks in order, as one user session: prints `ok`/`FAIL` per check (with a screenshot of
 * each failure in `artifacts`), then `N passed, N failed`. Returns the exit code.
 */
export async function runUserChecks(page: Page, artifacts: string, checks: readonly UserCheck[]): Promise<number> {
    let passed = 0;
    let failed = 0;
    for (const [title, body] of checks) {
        try {
            await body();
            passed++;
            console.log(`  ok   ${title}`);
        } catch (error) {
            failed++;
            console.log(`  FAIL ${title}\n       ${error instanceof Error ? error.message.split('\n').join('\n       ') : String(error)}`);
            await page.screenshot({ path: join(artifacts, `failed-${passed + failed}.png`) }).catch(() => undefined);
        }
    }
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
}
