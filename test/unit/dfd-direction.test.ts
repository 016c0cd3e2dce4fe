import * as assert from 'node:assert/strict';
import { closerToTarget, MAX_ASPECT, svgSize, TARGET_ASPECT, tooWide } from '../../language-server/src/shared/dfd/direction.js';
import { toDot } from '../../language-server/src/dfd/dot.js';
import { layoutDfd, loadGraphviz, renderSvgWith } from '../../language-server/src/dfd/svg.js';
import { dfdModelOf, filesBelow } from './dfd-helpers.js';

describe('DFD direction by aspect ratio (docs/dfd.md)', () => {
    it('keeps left to right up to 2:1, and tries top to bottom only beyond', () => {
        assert.equal(MAX_ASPECT, 2);
        assert.equal(tooWide({ width: 200, height: 100 }), false);
        assert.equal(tooWide({ width: 201, height: 100 }), true);
        assert.equal(tooWide({ width: 100, height: 0 }), false);
    });

    it('keeps the layout closer to 3:2 on a symmetric scale, left to right on a tie', () => {
        assert.equal(TARGET_ASPECT, 1.5);
        // 3:1 is 2 times too wide; 3:4 is 2 times too high: a tie.
        assert.equal(closerToTarget({ width: 300, height: 100 }, { width: 75, height: 100 }), 'LR');
        assert.equal(closerToTarget({ width: 300, height: 100 }, { width: 76, height: 100 }), 'TB');
        assert.equal(closerToTarget({ width: 300, height: 100 }, { width: 100, height: 100 }), 'TB');
        // 2.1:1 is nearer 3:2 (1.4 times too wide) than 1:1 is (1.5 times too high).
        assert.equal(closerToTarget({ width: 210, height: 100 }, { width: 100, height: 100 }), 'LR');
        // A top-to-bottom layout wider still is not taken.
        assert.equal(closerToTarget({ width: 210, height: 100 }, { width: 230, height: 100 }), 'LR');
        assert.equal(closerToTarget({ width: 210, height: 100 }, { width: 0, height: 0 }), 'LR');
    });

    it('reads the size Graphviz wrote on the SVG root, in points', () => {
        assert.deepEqual(svgSize('<?xml?>\n<svg width="2282pt" height="614.5pt" viewBox="0 0 2282 614.5">'), { width: 2282, height: 614.5 });
        assert.deepEqual(svgSize('<svg>'), { width: 0, height: 0 });
    });

    // The sizes (points) of each example's overview laid out both ways, and the direction kept.
    const expected: Record<string, { LR: string; TB: string; chosen: 'LR' | 'TB' }> = {
        'web-shop': { LR: '2322×728', TB: '1675×929', chosen: 'TB' },
        'iot-device': { LR: '2536×670', TB: '1125×1155', chosen: 'TB' },
        'saas-api': { LR: '1616×943', TB: '2089×1004', chosen: 'LR' },
    };
    for (const [example, { LR, TB, chosen }] of Object.entries(expected)) {
        it(`lays out the overview of examples/${example} ${chosen === 'TB' ? 'top to bottom' : 'left to right'}, the same SVG every time`, async () => {
            const { overview } = await dfdModelOf(filesBelow(`examples/${example}`));
            const viz = await loadGraphviz();
            const size = (svg: string): string => Object.values(svgSize(svg)).map(Math.round).join('×');
            assert.equal(size(renderSvgWith(viz, toDot(overview))), LR);
            assert.equal(size(renderSvgWith(viz, toDot(overview, { direction: 'TB' }))), TB);
            const layout = layoutDfd(viz, overview);
            assert.equal(layout.direction, chosen);
            assert.equal(layout.dot, toDot(overview, { direction: chosen }));
            assert.equal(layoutDfd(viz, overview).svg, layout.svg);
        });
    }
});
