/**
 * The DFD preview page in headless Chromium with the SVG that the real pipeline makes of a model
 * whose titles are injection payloads (test/fixtures/dfd/payload.tm): none may run, all must show
 * as text, and the CSP must be in force. Needs Debian's chromium: in CI it is installed when missing
 * (scripts/vscode/provision.mjs); elsewhere, without it, the suite is skipped and says so.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toDot } from '../../language-server/src/dfd/dot.js';
import type { DfdModel } from '../../language-server/src/shared/dfd/graph.js';
import { scenarioInfos } from '../../language-server/src/dfd/json.js';
import { renderSvg } from '../../language-server/src/dfd/svg.js';
import { wrapLabel } from '../../language-server/src/dfd/wrap.js';
import type { ShowDiagramMessage } from '../../extension/src/dfd-preview/messages.js';
import type { PreviewPage } from '../webview/preview-page.js';
import { previewPageHooks } from '../webview/preview-page.js';
import { dfdModelOf, REPO_ROOT } from './dfd-helpers.js';

const PAYLOAD = 'test/fixtures/dfd/payload.tm';

async function diagramMessage(model: DfdModel, scenario: string | null): Promise<ShowDiagramMessage> {
    const diagram = scenario === null ? model.overview : model.scenarios.find(d => d.scenario === scenario)!;
    return { type: 'diagram', uri: 'file:///workspace/payload.tm', svg: await renderSvg(toDot(diagram)), diagram, scenarios: scenarioInfos(model) };
}

/** Nothing the payloads try may have happened. */
async function assertNothingRan(preview: PreviewPage): Promise<void> {
    assert.equal(await preview.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'an injected script ran');
    assert.deepEqual(preview.dialogs, [], 'an injected script opened a dialog');
}

describe('DFD preview page in headless Chromium', function () {
    this.timeout(60_000);
    let preview: PreviewPage;
    let model: DfdModel;
    previewPageHooks(async () => {
        model = await dfdModelOf({ 'payload.tm': readFileSync(join(REPO_ROOT, PAYLOAD), 'utf8') });
    }, async page => {
        preview = page;
        await preview.send(await diagramMessage(model, null));
        await preview.page.waitForSelector('#canvas svg g.node');
    });

    it('has the CSP meta tag with default-src none and this render\'s nonce on the script', async () => {
        const { csp, scriptNonce, styleNonce } = await preview.page.evaluate(() => ({
            csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
            scriptNonce: document.querySelector('script')?.nonce,
            styleNonce: document.querySelector('style')?.nonce,
        }));
        assert.match(csp, /^default-src 'none'; /);
        assert.ok(csp.includes(`script-src 'nonce-${preview.nonce}'`), csp);
        assert.deepEqual([scriptNonce, styleNonce], [preview.nonce, preview.nonce]);
    });

    it('shows every payload title as text and runs none of them', async () => {
        const shown = await preview.page.evaluate(() => Object.fromEntries(
            Array.from(document.querySelectorAll('#canvas g[id^="dfd-"]'), g => [g.id, Array.from(g.querySelectorAll('text'))
                // One line of a title may be several <text> at the same height (dot-escape.ts).
                .map((t, i, all) => (i > 0 && all[i - 1]!.getAttribute('y') !== t.getAttribute('y') ? '\n' : '') + t.textContent)
                .join('')]),
        ));
        for (const element of [...model.overview.nodes, ...model.overview.edges, ...model.overview.boundaries]) {
            // Long titles are wrapped onto lines (wrap.ts).
            assert.ok(shown[`dfd-${element.id}`]?.startsWith(wrapLabel(element.title).join('\n')), `${element.id}: ${shown[`dfd-${element.id}`]}`);
        }
        const injected = await preview.page.evaluate(() => document.querySelectorAll('#canvas script, #canvas foreignObject, #canvas iframe, #canvas img, #canvas [onerror], #canvas [onmouseover]').length);
        assert.equal(injected, 0);
        // Hover and click every element: tooltips are filled, reveals are asked for, and still nothing runs.
        for (const element of [...model.overview.nodes, ...model.overview.edges]) {
            await preview.page.locator(`g[id="dfd-${element.id}"] text`).first().hover();
            const tooltip = await preview.page.evaluate(() => {
                const box = document.getElementById('tooltip')!;
                return { hidden: box.hidden, first: box.firstElementChild?.textContent, markup: box.querySelectorAll(':scope > :not(div), :scope > div > *').length };
            });
            assert.deepEqual(tooltip, { hidden: false, first: element.title, markup: 0 }, element.id);
            await preview.page.locator(`g[id="dfd-${element.id}"] text`).first().click();
        }
        const reveals = (await preview.posted()).filter(m => (m as { type: string }).type === 'reveal');
        assert.deepEqual(reveals, [...model.overview.nodes, ...model.overview.edges].map(e => ({ type: 'reveal', id: e.id })));
        await assertNothingRan(preview);
    });

    it('lists the scenarios as text and asks the extension for the one picked', async () => {
        const options = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#scenario option'), o => [o.getAttribute('value'), o.textContent, o.children.length]));
        assert.deepEqual(options, [['', 'Overview (whole model)', 0], ['Attack', '<b>bold</b> & "scenario" (Attack)', 0]]);
        await preview.page.selectOption('#scenario', 'Attack');
        assert.deepEqual((await preview.posted()).at(-1), { type: 'selectScenario', scenario: 'Attack' });
        await preview.send(await diagramMessage(model, 'Attack'));
        await preview.page.waitForFunction(() => document.querySelectorAll('#canvas g.node').length === 3);
        await assertNothingRan(preview);
    });

    it('strips scripts, handlers, links and foreign content from an SVG that is not Graphviz\'s', async () => {
        const hostile = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100pt" height="50pt" onload="window.__pwned=1">'
            + '<script>window.__pwned=2</script><g id="dfd-Attacker" class="node" onmouseover="window.__pwned=3"><a xlink:href="javascript:window.__pwned=4"><text x="5" y="20">hi</text></a></g>'
            + '<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:window.__pwned=5"></iframe></foreignObject>'
            + '<image href="https://evil.test/x.png" width="1" height="1"/><animate attributeName="href" to="javascript:window.__pwned=6"/></svg>';
        await preview.send({ ...(await diagramMessage(model, null)), svg: hostile });
        await preview.page.waitForFunction(() => document.querySelector('#canvas svg')?.getAttribute('width') === String((100 * 4) / 3));
        await preview.page.locator('#canvas text').click();
        const left = await preview.page.evaluate(() => Array.from(document.querySelectorAll('#canvas *'), e => [e.localName, ...Array.from(e.attributes, a => a.name)].join(' ')));
        assert.deepEqual(left, ['svg width height', 'g id class', 'text x y']);
        await assertNothingRan(preview);
    });

    it('is protected by the CSP too: inline handlers and scripts added to the page are blocked', async () => {
        await preview.page.evaluate(() => {
            document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned = \'csp\'">');
            const script = document.createElement('script');
            script.textContent = "window.__pwned = 'inline'";
            document.body.append(script);
        });
        await preview.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length >= 2);
        assert.deepEqual([...new Set(await preview.violations())].sort(), ['script-src-attr', 'script-src-elem']);
        await assertNothingRan(preview);
    });

    it('follows the VS Code theme through its CSS variables', async () => {
        const colours = (): Promise<string[]> => preview.page.evaluate(() => [
            getComputedStyle(document.querySelector('g[id="dfd-Attacker"] polygon')!).stroke,
            getComputedStyle(document.querySelector('g.tm-open ellipse')!).stroke,
            getComputedStyle(document.querySelector('g.tm-boundary path')!).stroke,
            getComputedStyle(document.querySelector('g[id="dfd-Attacker"] text')!).fill,
        ]);
        // VS Code sets these on the page's root for the current theme, and changes them with it.
        await preview.page.evaluate(() => {
            const root = document.documentElement.style;
            root.setProperty('--vscode-editor-foreground', 'rgb(1, 2, 3)');
            root.setProperty('--vscode-editorError-foreground', 'rgb(4, 5, 6)');
            root.setProperty('--vscode-editorWarning-foreground', 'rgb(7, 8, 9)');
        });
        assert.deepEqual(await colours(), ['rgb(1, 2, 3)', 'rgb(4, 5, 6)', 'rgb(7, 8, 9)', 'rgb(1, 2, 3)']);
        await preview.page.evaluate(() => document.documentElement.style.setProperty('--vscode-editor-foreground', 'rgb(250, 250, 250)'));
        assert.deepEqual((await colours())[0], 'rgb(250, 250, 250)');
    });

    it('zooms and pans, keeps the view in the webview state, and asks for an SVG export', async () => {
        const transform = (): Promise<string> => preview.page.evaluate(() => document.getElementById('canvas')!.style.transform);
        const fitted = await transform();
        await preview.page.click('#zoom-in');
        const zoomed = await transform();
        assert.notEqual(zoomed, fitted);
        await preview.page.mouse.move(500, 600);
        await preview.page.mouse.wheel(0, -200);
        await preview.page.mouse.down();
        await preview.page.mouse.move(400, 550, { steps: 5 });
        await preview.page.mouse.up();
        const moved = await transform();
        assert.notEqual(moved, zoomed);
        const state = await preview.page.evaluate(() => (window as unknown as { __state: { uri: string; scenario: null; view: { scale: number; x: number; y: number } } }).__state);
        const shown = moved.match(/-?[\d.]+/g)!.map(Number);
        [state.view.x, state.view.y, state.view.scale].forEach((saved, i) => assert.ok(Math.abs(saved - shown[i]!) < 1e-3, `${saved} is not ${shown[i]}`));
        assert.deepEqual([state.uri, state.scenario], ['file:///workspace/payload.tm', null]);
        await preview.page.click('#export');
        assert.deepEqual((await preview.posted()).at(-1), { type: 'exportSvg' });
    });

    it('shows the zoom level in the toolbar, and fits the diagram again when the page is resized, until the user zooms', async () => {
        const view = (): Promise<{ readout: string; scale: number; viewport: number[]; svg: number[] }> => preview.page.evaluate(() => {
            const box = (e: Element): number[] => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; };
            return {
                readout: document.getElementById('zoom-level')!.textContent ?? '',
                scale: Number(/scale\(([\d.]+)\)/.exec(document.getElementById('canvas')!.style.transform)?.[1]),
                viewport: box(document.getElementById('viewport')!),
                svg: box(document.querySelector('#canvas svg')!),
            };
        });
        /** Fitted: centred in the viewport, filling its width or height less the 8 px margins. */
        const assertFitted = ({ viewport: [vx, vy, vw, vh], svg: [sx, sy, sw, sh] }: { viewport: number[]; svg: number[] }): void => {
            assert.ok(Math.abs(sx! + sw! / 2 - (vx! + vw! / 2)) < 1 && Math.abs(sy! + sh! / 2 - (vy! + vh! / 2)) < 1, 'not centred');
            assert.ok(Math.abs(sw! - (vw! - 16)) < 1 || Math.abs(sh! - (vh! - 16)) < 1, `${sw}x${sh} does not fill ${vw}x${vh}`);
        };
        await preview.page.setViewportSize({ width: 1200, height: 800 });
        await preview.page.click('#zoom-fit');
        const wide = await view();
        assert.equal(wide.readout, `${Math.round(wide.scale * 100)}%`);
        assertFitted(wide);
        await preview.page.setViewportSize({ width: 600, height: 800 });
        await preview.page.waitForFunction(width => document.getElementById('zoom-level')!.textContent !== width, wide.readout);
        const narrow = await view();
        assert.ok(narrow.scale < wide.scale, `${narrow.readout} after ${wide.readout}`);
        assert.equal(narrow.readout, `${Math.round(narrow.scale * 100)}%`);
        assertFitted(narrow);
        // Zoomed by the user: a resize keeps the user's zoom.
        await preview.page.click('#zoom-reset');
        assert.equal((await view()).readout, '100%');
        await preview.page.setViewportSize({ width: 900, height: 700 });
        await preview.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.equal((await view()).readout, '100%');
    });

    it('highlights the element under the text cursor', async () => {
        await preview.send({ type: 'highlight', id: 'Renderer' });
        await preview.page.waitForSelector('g[id="dfd-Renderer"].tm-highlight');
        await preview.send({ type: 'highlight', id: null });
        await preview.page.waitForFunction(() => document.querySelectorAll('.tm-highlight').length === 0);
    });
});
