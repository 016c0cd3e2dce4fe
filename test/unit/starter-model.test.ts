import * as assert from 'node:assert/strict';
import { starterModel, systemIdentifier } from '../../language-server/src/generator/starter-model.js';
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

describe('the starter model in a workspace that declares some of its names already', () => {
    it('numbers each name the workspace holds, and the workspace has no error with it', async () => {
        const existing = 'boundary Backend "Backend" { process App "App" }\nexternal User "U"\nexternal User2 "U2"\n';
        const text = starterModel('Shop', new Set(['Backend', 'App', 'User', 'User2']));
        assert.match(text, /^boundary Backend2 "Backend network" \{\n {4}process App2 "Shop application" \{$/m);
        assert.match(text, /^flow Request: User3 -> App2 "Sends a request" \{$/m);
        const [, starter] = await checkWorkspace({ 'existing.tm': existing, 'threat-model.tm': text });
        assert.deepEqual(starter!.diagnostics.filter(d => d.severity === 1).map(d => d.message), []);
    });
});
