import * as assert from 'node:assert/strict';
import { EXPECTED_EXTENSION_PATH_ENV } from '../harness/suite-environment.js';
import { threatModelExtension } from './helpers.js';

describe('the extension under test', () => {
    it('is loaded from the folder the runner installed it into (the .vsix by default), not from elsewhere', () => {
        const expected = process.env[EXPECTED_EXTENSION_PATH_ENV];
        assert.ok(expected, `${EXPECTED_EXTENSION_PATH_ENV} is not set: the runner did not say which extension it meant to test`);
        const extension = threatModelExtension();
        assert.deepEqual({ id: extension.id, extensionPath: extension.extensionPath }, { id: 'tml.tml', extensionPath: expected });
    });
});
