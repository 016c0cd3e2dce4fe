import * as assert from 'node:assert/strict';
import { checkCoreModel, describeFinding } from './helpers/workspace.js';

// The findings of threats (responses, DREAD, duplicate names) are specified as annotated fixtures in
// test/fixtures/validation/threats/; linking errors stay here, as they are not tml findings.
describe('references', () => {
    it('an unresolved reference is a linking error naming the target', async () => {
        const { diagnostics } = await checkCoreModel('threat T "t" { targets Nowhere }');
        const linking = diagnostics.filter(d => d.severity === 1 && d.message.includes('Nowhere'));
        assert.equal(linking.length, 1);
        assert.equal(describeFinding(linking[0]!).replace(/^\S+ /, ''), '@1:24-1:31');
    });

    it('says what kind of declaration is expected, and what the name is instead', async () => {
        const { diagnostics } = await checkCoreModel('process P "p"\nasset CardData "c"\nthreat T "t" { targets Nope, CardData mitigatedBy P }');
        assert.deepEqual(diagnostics.filter(d => d.severity === 1).map(d => [describeFinding(d).replace(/^\S+ /, ''), d.message]), [
            ['@3:24-3:28', "Unknown DFD element (external, process, datastore or flow) 'Nope'. Declare it in a .tm file of this model, or correct the name."],
            ['@3:30-3:38', "'CardData' is an asset, but a DFD element (external, process, datastore or flow) is expected here."],
            ['@3:51-3:52', "'P' is a process, but a mitigation is expected here."],
        ]);
    });
});
