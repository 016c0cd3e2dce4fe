import { createWriteStream, existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onCleanup } from './cleanup.js';
import type { RunningCodeServer } from './code-server.js';

/** Debian's chromium; playwright-core downloads no browser of its own. */
export const CHROMIUM_EXECUTABLE = process.env.TML_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
    if (!existsSync(CHROMIUM_EXECUTABLE)) {
        throw new Error(`no Chromium at ${CHROMIUM_EXECUTABLE}: run node scripts/vscode/provision.mjs (as root on Debian/Ubuntu) or set TML_CHROMIUM`);
    }
    const browser = await chromium.launch({
        executablePath: CHROMIUM_EXECUTABLE,
        headless: true,
        args: CHROMIUM_FLAGS,
        // Our own handlers stop the browser together with the server (see cleanup.ts).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
    });
    onCleanup(() => browser.close());
    return browser;
}

export interface WorkbenchPayload {
    /** Absolute path of the extension under development (the repository root); omitted to run the installed extensions only. */
    readonly extensionDevelopmentPath?: string;
    /** Absolute path of the test module exporting `run()`; omitted for a workbench a user drives. */
    readonly extensionTestsPath?: string;
}

/**
 * The workbench URL, with the `payload` query parameter that makes VS Code load an extension under
 * development and run a test module in the extension host when they are given. The paths are
 * `vscode-remote` URIs: they live on the server's file system.
 */
export function workbenchUrl(server: RunningCodeServer, workspace: string, payload: WorkbenchPayload): string {
    const remote = (path: string): string => `vscode-remote://127.0.0.1:${server.port}${path}`;
    const entries: [string, string][] = [];
    if (payload.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
    if (payload.extensionTestsPath) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
    const query = new URLSearchParams({ folder: workspace, ...(entries.length > 0 ? { payload: JSON.stringify(entries) } : {}) });
    return `${server.origin}/?${query.toString()}`;
}

/** Opens the workbench in a fresh page whose console and page errors go to `logFile`. */
export async function openWorkbench(browser: Browser, url: string, logFile: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const log = createWriteStream(logFile);
    page.on('console', message => log.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', error => log.write(`[pageerror] ${error.stack ?? error.message}\n`));
    await page.goto(url);
    return page;
}
