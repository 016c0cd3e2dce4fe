import * as assert from 'node:assert/strict';
import { checkCoreModel, services } from './helpers/workspace.js';

const MODEL = 'process P "p"\nmitigation M "m"\nthreat T "t" { stride Spoofing targets P response fix mitigatedBy M }';

function setSettings(severity: unknown): void {
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { threatModel: { severity } } });
}

describe('threatModel.severity settings', () => {
    afterEach(() => setSettings(undefined));

    it('uses the DESIGN.md severities by default', async () => {
        const { diagnostics } = await checkCoreModel(MODEL);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity]), [['tm/stride-missing', 2], ['tm/fix-without-bug', 3], ['tm/dread-missing', 2]]);
    });

    it('changes the severity of a code, and "off" drops it', async () => {
        setSettings({ 'tm/fix-without-bug': 'error', 'tm/stride-missing': 'off', 'tm/dread-missing': 'hint' });
        const { diagnostics } = await checkCoreModel(MODEL);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity]), [['tm/fix-without-bug', 1], ['tm/dread-missing', 4]]);
    });

    it('ignores unknown codes and values', async () => {
        setSettings({ 'tm/fix-without-bug': 'fatal', 'tm/unknown': 'off', 'tm/dread-missing': 42 });
        const { diagnostics } = await checkCoreModel(MODEL);
        assert.deepEqual(diagnostics.map(d => [d.code, d.severity]), [['tm/stride-missing', 2], ['tm/fix-without-bug', 3], ['tm/dread-missing', 2]]);
    });
});
