/**
 * Collapsed boundaries in the DFD preview page (headless Chromium, as dfd-webview.test.ts): a
 * diagram too small to read at Fit is asked for with its top-level boundaries collapsed, the toolbar
 * says so, a click on a collapsed boundary expands it, and the toolbar button toggles them all.
 */
import * as assert from 'node:assert/strict';
import { collapseBoundaries, topLevelBoundaries } from '../../language-server/src/shared/dfd/collapse.js';
import type { DfdDiagram, DfdModel } from '../../language-server/src/shared/dfd/graph.js';
import { scenarioInfos } from '../../language-server/src/dfd/json.js';
import { layoutDfd, loadGraphviz } from '../../language-server/src/dfd/svg.js';
import type { ShowDiagramMessage } from '../../extension/src/dfd-preview/messages.js';
import type { PreviewPage } from '../webview/preview-page.js';
import { previewPageHooks } from '../webview/preview-page.js';
import { dfdModelOf, filesBelow } from './dfd-helpers.js';

const URI = 'file:///workspace/examples/web-shop/dfd.tm';

async function diagramMessage(model: DfdModel, diagram: DfdDiagram): Promise<ShowDiagramMessage> {
    return { type: 'diagram', uri: URI, svg: layoutDfd(await loadGraphviz(), diagram).svg, diagram, scenarios: scenarioInfos(model) };
}

describe('DFD preview page: collapsed boundaries', function () {
    this.timeout(60_000);
    let preview: PreviewPage;
    let model: DfdModel;
    previewPageHooks(async () => {
        model = await dfdModelOf(filesBelow('examples/web-shop'));
    }, async page => {
        preview = page;
    });

    const lastPosted = async (type: string): Promise<unknown> => (await preview.posted()).filter(m => (m as { type: string }).type === type).at(-1);
    const toolbar = (): Promise<[string, boolean, string]> => preview.page.evaluate(() => {
        const button = document.getElementById('collapse') as HTMLButtonElement;
        return [button.textContent ?? '', button.hidden, document.getElementById('collapse-note')!.textContent ?? ''];
    });

    it('asks for the top-level boundaries collapsed when the overview is too small to read in a half-width panel, and says so', async () => {
        const top = topLevelBoundaries(model.overview);
        assert.deepEqual(top, ['ShopperSide', 'EdgeNetwork', 'ShopVpc', 'CorporateNetwork', 'ThirdParties']);
        await preview.page.setViewportSize({ width: 640, height: 700 });
        await preview.send(await diagramMessage(model, model.overview));
        await preview.page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'collapse'));
        assert.deepEqual(await lastPosted('collapse'), { type: 'collapse', boundaries: top });
        await preview.send(await diagramMessage(model, collapseBoundaries(model.overview, top)));
        await preview.page.waitForSelector('g[id="dfd-ShopVpc"].tm-collapsed');
        assert.deepEqual(await toolbar(), ['Expand all', false, 'Boundaries collapsed to fit: click one to expand']);
        assert.match(await preview.page.textContent('#summary') ?? '', /^16 elements, 21 flows, 5 with open categories or findings; 5 boundaries collapsed$/);

        // A click on a collapsed boundary expands it; the note goes: the choice is the user's now.
        await preview.page.click('g[id="dfd-ShopVpc"] text');
        assert.deepEqual(await lastPosted('collapse'), { type: 'collapse', boundaries: top.filter(id => id !== 'ShopVpc') });
        assert.deepEqual(await toolbar(), ['Expand all', false, '']);
        // Shown again (an edit) at any size, the diagram is not collapsed again by the page.
        const count = (await preview.posted()).length;
        await preview.send(await diagramMessage(model, model.overview));
        await preview.page.waitForSelector('g[id="dfd-WebFrontend"]');
        assert.deepEqual(await toolbar(), ['Collapse boundaries', false, '']);
        assert.equal((await preview.posted()).length, count);
        await preview.page.click('#collapse');
        assert.deepEqual(await lastPosted('collapse'), { type: 'collapse', boundaries: top });
    });

    it('leaves a diagram that is readable at Fit as it is, and offers Collapse boundaries', async () => {
        await preview.page.setViewportSize({ width: 1600, height: 1200 });
        const scenario = model.scenarios[0]!;
        await preview.send(await diagramMessage(model, scenario));
        await preview.page.waitForSelector('#canvas svg g.node');
        assert.equal(await lastPosted('collapse'), undefined);
        assert.deepEqual(await toolbar(), ['Collapse boundaries', false, '']);
    });

    it('shows a merged flow\'s flows on hover, and hides the button for a diagram without boundaries', async () => {
        const top = topLevelBoundaries(model.overview);
        await preview.page.setViewportSize({ width: 1600, height: 1200 });
        const collapsed = collapseBoundaries(model.overview, top);
        const merged = collapsed.merged![0]!;
        await preview.send(await diagramMessage(model, collapsed));
        await preview.page.hover(`g[id="dfd-${merged.id}"] text`);
        const lines = await preview.page.$$eval('#tooltip div', divs => divs.map(d => d.textContent));
        assert.deepEqual(lines.slice(0, 1 + merged.flows.length), [`${merged.flows.length} flows`, ...merged.flows.map(f => f.title)]);
        await preview.send(await diagramMessage(model, { ...model.overview, boundaries: [], nodes: model.overview.nodes.map(({ boundary: _, ...n }) => n) }));
        await preview.page.waitForFunction(() => (document.getElementById('collapse') as HTMLButtonElement).hidden);
    });
});
