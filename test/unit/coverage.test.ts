import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { checkCoreModel, checkCoreWorkspace, describeFinding } from './helpers/workspace.js';

function findings(diagnostics: readonly Diagnostic[], code: string): Array<{ at: string; message: string; data: unknown }> {
    return diagnostics.filter(d => d.code === code).map(d => ({ at: describeFinding(d), message: d.message, data: d.data }));
}

const COMPLETE = 'dread { damage 1 reproducibility 1 exploitability 1 affectedUsers 1 discoverability 1 }';

describe('tm/stride-missing', () => {
    it('is reported once per element, on its name, listing every missing category', async () => {
        const { diagnostics } = await checkCoreModel('external Customer "Customer"');
        assert.deepEqual(findings(diagnostics, 'tm/stride-missing'), [{
            at: 'tm/stride-missing @1:10-1:18',
            message: "External entity 'Customer' has no threat for Spoofing and Repudiation. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            data: { code: 'tm/stride-missing', categories: ['Spoofing', 'Repudiation'] },
        }]);
    });

    it('is not reported when every category has an addressed threat or an exclude', async () => {
        const { diagnostics } = await checkCoreModel(`
external Customer "Customer"
threat T "t" { stride Spoofing targets Customer ${COMPLETE} response accept justification "ok" }
exclude Repudiation on Customer "Receipts are signed."`);
        assert.deepEqual(diagnostics, []);
    });

    it('counts threats and excludes from other files of the workspace', async () => {
        const [dfd, threats] = await checkCoreWorkspace({
            'dfd.tm': 'external Customer "Customer"',
            'threats.tm': `threat T "t" { stride Spoofing targets Customer ${COMPLETE} response accept justification "ok" }`,
        });
        assert.deepEqual(findings(dfd!.diagnostics, 'tm/stride-missing').map(f => f.data), [{ code: 'tm/stride-missing', categories: ['Repudiation'] }]);
        assert.deepEqual(threats!.diagnostics, []);
    });

    it('applies Repudiation to a data store only when it holds logs', async () => {
        const plain = await checkCoreModel('datastore Db "db"');
        const logging = await checkCoreModel('datastore Db "db" { logs }');
        assert.deepEqual(findings(plain.diagnostics, 'tm/stride-missing').map(f => f.data), [{ code: 'tm/stride-missing', categories: ['Tampering', 'InformationDisclosure', 'DenialOfService'] }]);
        assert.deepEqual(findings(logging.diagnostics, 'tm/stride-missing').map(f => f.data), [{ code: 'tm/stride-missing', categories: ['Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService'] }]);
    });

    it('finds elements nested in boundaries', async () => {
        const { diagnostics } = await checkCoreModel('boundary A "a" { boundary B "b" { process P "p" } }');
        assert.deepEqual(diagnostics.map(describeFinding), ['tm/stride-missing @1:43-1:44']);
    });
});

describe('tm/stride-unmitigated', () => {
    it('names the categories and the threats that are not addressed', async () => {
        const { diagnostics } = await checkCoreModel(`
external Customer "Customer"
threat T1 "t1" { stride Spoofing, Repudiation targets Customer ${COMPLETE} }
threat T2 "t2" { stride Spoofing targets Customer ${COMPLETE} response accept justification "ok" }`);
        assert.deepEqual(findings(diagnostics, 'tm/stride-unmitigated'), [{
            at: 'tm/stride-unmitigated @2:10-2:18',
            message: "External entity 'Customer' has unaddressed threats for Spoofing (T1) and Repudiation (T1). Give each threat a complete response: fix with mitigatedBy, accept or remove with a justification, or warn with a warning.",
            data: { code: 'tm/stride-unmitigated', categories: ['Spoofing', 'Repudiation'], threats: ['T1'] },
        }]);
        assert.deepEqual(findings(diagnostics, 'tm/stride-missing'), []);
    });

    it('is not reported when every threat of the category is addressed, or the category is excluded', async () => {
        const { diagnostics } = await checkCoreModel(`
external Customer "Customer"
threat T1 "t1" { stride Spoofing targets Customer ${COMPLETE} response warn warning "Never share your password." }
threat T2 "t2" { stride Repudiation targets Customer ${COMPLETE} }
exclude Repudiation on Customer "Receipts are signed."`);
        assert.deepEqual(findings(diagnostics, 'tm/stride-unmitigated'), []);
    });
});

describe('tm/stride-not-applicable', () => {
    it('is reported on the category in the threat, naming the element', async () => {
        const { diagnostics } = await checkCoreModel(`
external Customer "Customer"
process App "App"
threat T "t" { stride Spoofing, Tampering targets Customer, App }`);
        assert.deepEqual(findings(diagnostics, 'tm/stride-not-applicable'), [{
            at: 'tm/stride-not-applicable @4:33-4:42',
            message: "Tampering does not apply to External entity 'Customer'. Remove the category from threat 'T' or target an element it applies to.",
            data: { code: 'tm/stride-not-applicable' },
        }]);
    });

    it('explains that Repudiation on a data store needs logs', async () => {
        const { diagnostics } = await checkCoreModel('datastore Db "db"\nthreat T "t" { stride Repudiation targets Db }');
        assert.deepEqual(findings(diagnostics, 'tm/stride-not-applicable').map(f => f.message), [
            "Repudiation does not apply to Data store 'Db' (a data store has Repudiation only when it is marked `logs`). Remove the category from threat 'T' or target an element it applies to.",
        ]);
    });

    it('is not reported when the category applies to every target', async () => {
        const { diagnostics } = await checkCoreModel('process App "App"\ndatastore Db "db" { logs }\nthreat T "t" { stride Tampering, Repudiation targets App, Db }');
        assert.deepEqual(findings(diagnostics, 'tm/stride-not-applicable'), []);
    });
});

describe('tm/exclude-not-applicable', () => {
    it('is reported on the category of an exclude that does not apply', async () => {
        const { diagnostics } = await checkCoreModel('external Customer "Customer"\nexclude Tampering on Customer "n/a"');
        assert.deepEqual(findings(diagnostics, 'tm/exclude-not-applicable'), [{
            at: 'tm/exclude-not-applicable @2:9-2:18',
            message: "Tampering does not apply to External entity 'Customer', so there is nothing to exclude. Remove it from this exclude.",
            data: { code: 'tm/exclude-not-applicable' },
        }]);
    });

    it('is not reported for an applicable category', async () => {
        const { diagnostics } = await checkCoreModel('external Customer "Customer"\nexclude Spoofing on Customer "n/a"');
        assert.deepEqual(findings(diagnostics, 'tm/exclude-not-applicable'), []);
    });
});
