// Renders `tml table examples/web-shop --format html` in the headless Chromium the VS Code tests
// use, and writes the top of the page as docs/images/threat-table-html.png (docs/threat-table.md
// and the walkthrough's last step show it). Run by hand after a change to the HTML table, after
// `npm run build`, and commit the image:
//
//   node scripts/images/threat-table-html.mjs [OUT.png]
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const out = process.argv[2] ?? 'docs/images/threat-table-html.png';
const html = execFileSync(process.execPath, ['bin/tml.cjs', 'table', 'examples/web-shop', '--format', 'html'], { encoding: 'utf8' });
const browser = await chromium.launch({ executablePath: process.env.TML_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 620 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: out });
} finally {
    await browser.close();
}
console.log(`wrote ${out}`);
