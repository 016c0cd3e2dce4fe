import * as assert from 'node:assert/strict';
import { languageServerNodeFlags } from '../../language-server/src/shared/server-launch.js';

describe('the Node flags the language server is started with (shared/server-launch.ts)', () => {
    it('keeps one V8 helper thread per core besides the server\'s own, at least one, and leaves Node\'s four from five cores on', () => {
        const byCores = Object.fromEntries([1, 2, 3, 4, 5, 8, 64].map(cores => [cores, languageServerNodeFlags(cores)]));
        assert.deepEqual(byCores, {
            1: ['--v8-pool-size=1'],
            2: ['--v8-pool-size=1'],
            3: ['--v8-pool-size=2'],
            4: ['--v8-pool-size=3'],
            5: [],
            8: [],
            64: [],
        });
    });
});
