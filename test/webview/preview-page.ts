/**
 * The DFD preview's page (extension/src/dfd-preview/html.ts and the bundled webview script) in
 * headless Chromium, the way VS Code serves it: from an origin of its own, with the CSP as written,
 * `acquireVsCodeApi` provided, and messages arriving as `message` events. What the page sends to
 * the extension, the CSP violations and any dialog are recorded for the assertions.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { previewHtml } from '../../extension/src/dfd-preview/html.js';
import type { ExtensionMessage } from '../../extension/src/dfd-preview/messages.js';
import { createNonce } from '../../extension/src/dfd-preview/nonce.js';

/** Debian's chromium (playwright-core downloads no browser of its own). */
export const CHROMIUM = process.env['TML_CHROMIUM'] ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The origin the page is served from, standing in for VS Code's webview origin. */
export const ORIGIN = 'https://webview.tml.test';
/** The bundled webview script (scripts/bundle.mjs), from out/tsc/test/webview/. */
const SCRIPT = fileURLToPath(new URL('../../../webview/dfd-preview.js', import.meta.url));

export function chromiumAvailable(): boolean {
    return existsSync(CHROMIUM);
}

/**
 * In CI (CI=true), installs Chromium when it is missing, as the VS Code suites that run after the
 * unit tests do anyway (scripts/vscode/provision.mjs, apt-get as root on Debian): on a fresh
 * machine the page test must run, not be skipped. Elsewhere it only reports what is there.
 */
export function ensureChromium(): boolean {
    if (chromiumAvailable() || process.env['CI'] !== 'true' || process.env['TML_CHROMIUM']) return chromiumAvailable();
    const provision = new URL('../../../../scripts/vscode/provision.mjs', import.meta.url).href;
    const script = `const { ensureDebianPackages } = await import(${JSON.stringify(provision)}); ensureDebianPackages();`;
    spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'inherit', 'inherit'] });
    return chromiumAvailable();
}

/**
 * Registers a mocha suite's hooks: one Chromium for the suite (the suite is skipped, and says why,
 * without one), after `prepare`; a fresh preview page for each test, handed to `onEachPage`.
 * Returns the current test's page.
 */
export function previewPageHooks(prepare: () => Promise<void>, onEachPage: (preview: PreviewPage) => Promise<void> = async () => {}): () => PreviewPage {
    let browser: Browser | undefined;
    let preview: PreviewPage | undefined;
    before(async function () {
        this.timeout(600_000);
        if (!ensureChromium()) {
            console.warn(`      (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium or set TML_CHROMIUM)`);
            this.skip();
        }
        await prepare();
        browser = await launchBrowser();
    });
    after(async () => {
        await browser?.close();
    });
    beforeEach(async () => {
        preview = await openPreviewPage(browser!);
        await onEachPage(preview);
    });
    afterEach(async () => {
        await preview?.page.close();
    });
    return () => preview!;
}

export function launchBrowser(): Promise<Browser> {
    return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface PreviewPage {
    readonly page: Page;
    readonly nonce: string;
    /** Messages the page posted to the extension, in order. */
    posted(): Promise<unknown[]>;
    /** `securitypolicyviolation` events: the directive each one violated. */
    violations(): Promise<string[]>;
    /** Dialogs (alert, confirm, prompt) the page opened: an injected script's favourite proof. */
    readonly dialogs: string[];
    /** Posts a message to the page as the extension does. */
    send(message: ExtensionMessage | Record<string, unknown>): Promise<void>;
}

/** Opens the preview page and waits until its script has said `ready`. */
export async function openPreviewPage(browser: Browser): Promise<PreviewPage> {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    const nonce = createNonce();
    const html = previewHtml({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/out/webview/dfd-preview.js` });
    await page.route(`${ORIGIN}/**`, route => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
        if (path === '/out/webview/dfd-preview.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(SCRIPT, 'utf8') });
        return route.fulfill({ status: 404, body: '' });
    });
    // Runs before the page's own scripts, outside its CSP (as VS Code's own webview host script does).
    await page.addInitScript(() => {
        const record = window as unknown as { __posted: unknown[]; __violations: string[]; __state: unknown };
        record.__posted = [];
        record.__violations = [];
        document.addEventListener('securitypolicyviolation', event => record.__violations.push(event.violatedDirective));
        (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({
            postMessage: (message: unknown) => record.__posted.push(message),
            getState: () => record.__state,
            setState: (state: unknown) => {
                record.__state = state;
            },
        });
    });
    const dialogs: string[] = [];
    page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready'));
    return {
        page,
        nonce,
        dialogs,
        posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
        violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
        send: message => page.evaluate(m => window.postMessage(m, '*'), message),
    };
}
