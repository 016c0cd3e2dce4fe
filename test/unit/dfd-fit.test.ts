import * as assert from 'node:assert/strict';
import { fitView, MIN_READABLE_TEXT_PX, textHeightAtFit, tooSmallAtFit } from '../../extension/src/dfd-preview/webview/fit.js';

describe('DFD preview: Fit and readability (docs/dfd.md)', () => {
    it('fits the diagram inside an 8 px margin, centred, never beyond 150 %', () => {
        assert.deepEqual(fitView({ width: 984, height: 300 }, { width: 1000, height: 800 }), { scale: 1, x: 8, y: 250 });
        assert.deepEqual(fitView({ width: 100, height: 50 }, { width: 1000, height: 800 }), { scale: 1.5, x: 425, y: 362.5 });
        assert.deepEqual(fitView({ width: 1968, height: 100 }, { width: 1000, height: 800 }), { scale: 0.5, x: 8, y: 375 });
        assert.deepEqual(fitView({ width: 0, height: 0 }, { width: 1000, height: 800 }), { scale: 1, x: 0, y: 0 });
    });

    it('calls the labels unreadable when their 11 pt font is under 7 px high at Fit', () => {
        assert.equal(MIN_READABLE_TEXT_PX, 7);
        // 11 pt = 14.67 px at 100 %: readable down to a scale of 0.477.
        assert.equal(textHeightAtFit({ width: 984, height: 300 }, { width: 1000, height: 800 }).toFixed(2), '14.67');
        assert.equal(tooSmallAtFit({ width: 2050, height: 100 }, { width: 1000, height: 800 }), false); // scale 0.48
        assert.equal(tooSmallAtFit({ width: 2070, height: 100 }, { width: 1000, height: 800 }), true); // scale 0.475
        // examples/web-shop's overview, top to bottom (1445 × 925 pt), in a 640 × 700 px panel: 4.8 px.
        const webShop = { width: (1445 * 4) / 3, height: (925 * 4) / 3 };
        assert.equal(textHeightAtFit(webShop, { width: 640, height: 700 }).toFixed(1), '4.8');
        assert.equal(tooSmallAtFit(webShop, { width: 640, height: 700 }), true);
    });
});
