// Renders an SVG of media/ to a PNG with the headless Chromium the VS Code tests use (the
// Marketplace wants a PNG icon). Run by hand after editing the SVG, and commit both:
//
//   node scripts/render-icon.mjs media/icon.svg media/icon.png
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [svg, png] = process.argv.slice(2);
if (!svg || !png) {
    console.error('usage: node scripts/render-icon.mjs IN.svg OUT.png');
    process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.TML_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(svg, 'utf8')}</body></html>`);
    await page.locator('svg').screenshot({ path: png, omitBackground: true });
} finally {
    await browser.close();
}
