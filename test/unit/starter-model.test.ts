import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { starterModel, starterModelPath, systemIdentifier } from '../../language-server/src/shared/starter-model.js';
import { checkModel, checkWorkspace, describeFinding } from './helpers/workspace.js';

describe('the starter model (tml init, Threat Model: New Threat Model…)', () => {
    it('names the system in PascalCase, and adds System where that is no free name', () => {
        assert.deepEqual(['online store', 'Online Store', 'smart-lock v2', 'Café Crème', '42 Corp', '', '  ', 'Spoofing', 'user', 'App', 'process'].map(systemIdentifier), [
            'OnlineStore', 'OnlineStore', 'SmartLockV2', 'CafeCreme', 'System42Corp', 'System', 'System', 'SpoofingSystem', 'UserSystem', 'AppSystem', 'Process',
        ]);
    });

    it('has the background, one boundary, a flow and its scenario, and no error: only the STRIDE work still to do', async () => {
        const { document, diagnostics } = await checkModel(starterModel('Online Store'));
        const model = document.parseResult.value;
        assert.deepEqual(model.declarations.map(d => `${d.$type} ${'name' in d ? String(d.name) : ''}`), [
            'System OnlineStore', 'Assumption TlsEverywhere', 'Dependency IdentityProvider', 'Asset UserData', 'External User', 'Boundary Backend', 'Flow Request', 'Scenario MainUse',
        ]);
        assert.deepEqual(diagnostics.map(describeFinding), ['tm/stride-missing @13:10-13:14', 'tm/stride-missing @16:13-16:16', 'tm/stride-missing @22:6-22:13']);
    });

    it('has no error whatever the system is called: quotes, backslashes, line breaks, keywords, its own names', async () => {
        for (const title of ['Say "hi" \\ there', 'two\nlines', 'Spoofing', 'User', 'MainUse', 'process', '', '💡 Ideas', 'ünïcödé']) {
            const { diagnostics } = await checkModel(starterModel(title));
            assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => d.message), [], `for ${JSON.stringify(title)}`);
            assert.equal(diagnostics.length, 3, `for ${JSON.stringify(title)}: ${diagnostics.map(describeFinding).join(', ')}`);
        }
    });
});

describe('where a new model goes (tml init, New Threat Model…)', () => {
    it('is threat-model.tm in a folder without models, else a folder of its own named after the system', () => {
        assert.equal(starterModelPath('Online Shop', false), 'threat-model.tm');
        assert.deepEqual(['Online Shop', 'Café Crème 2', '', '***'].map(title => starterModelPath(title, true)), [
            'online-shop/threat-model.tm', 'cafe-creme-2/threat-model.tm', 'threat-model/threat-model.tm', 'threat-model/threat-model.tm',
        ]);
    });

    it('gives a model of its own that the existing one does not disturb: no error in either', async () => {
        const existing = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');
        const files = await checkWorkspace({ 'online-store.tm': existing, [starterModelPath('Online Store', true)]: starterModel('Online Store') });
        assert.deepEqual(files.map(f => f.diagnostics.filter(d => d.severity === 1).map(d => d.message)), [[], []]);
    });
});
