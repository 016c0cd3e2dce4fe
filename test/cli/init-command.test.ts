import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { starterModel } from '../../language-server/src/shared/starter-model.js';
import { REPO_ROOT, runTml } from './helpers/run-tml.js';

describe('tml init', () => {
    let folder = '';
    beforeEach(() => {
        folder = mkdtempSync(join(tmpdir(), 'tml-init-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('writes the starter model of the system named to threat-model.tm, which tml check passes with three warnings', () => {
        const init = runTml(['init', 'Online', 'Store'], folder);
        assert.deepEqual([init.status, init.stdout, init.stderr], [0, "Wrote threat-model.tm, a starter threat model of 'Online Store'. Next: tml check threat-model.tm\n", '']);
        assert.equal(readFileSync(join(folder, 'threat-model.tm'), 'utf8'), starterModel('Online Store'));
        const check = runTml(['check', 'threat-model.tm'], folder);
        assert.equal(check.status, 0);
        assert.equal(check.stdout, [
            "threat-model.tm:13:10: warning tm/stride-missing External entity 'User' has no threat for Spoofing and Repudiation. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            "threat-model.tm:16:13: warning tm/stride-missing Process 'App' has no threat for Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService and ElevationOfPrivilege. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            "threat-model.tm:22:6: warning tm/stride-missing Flow 'Request' has no threat for Tampering, InformationDisclosure and DenialOfService. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            '3 warnings, 0 errors in 1 file',
            '',
        ].join('\n'));
    });

    it('names the system after the current folder when given no name, and writes --out FILE', () => {
        const shop = join(folder, 'web-shop');
        mkdirSync(shop);
        const init = runTml(['init', '--out', 'model.tm'], shop);
        assert.equal(init.status, 0);
        assert.equal(readFileSync(join(shop, 'model.tm'), 'utf8'), starterModel('web-shop'));
    });

    it('never replaces a file: exit code 2 and one line', () => {
        assert.equal(runTml(['init', 'A'], folder).status, 0);
        const again = runTml(['init', 'B', '--out', 'threat-model.tm'], folder);
        assert.deepEqual([again.status, again.stdout, again.stderr], [2, '', 'tml: cannot write threat-model.tm: it exists already (tml init never replaces a file; give another with --out)\n']);
        assert.equal(readFileSync(join(folder, 'threat-model.tm'), 'utf8'), starterModel('A'));
    });
});

describe('tml init next to other models', () => {
    it('writes a model of its own, in a folder named after the system, and neither model has an error', () => {
        const folder = mkdtempSync(join(tmpdir(), 'tml-init-'));
        try {
            copyFileSync(join(REPO_ROOT, 'test', 'fixtures', 'design', 'online-store.tm'), join(folder, 'online-store.tm'));
            const init = runTml(['init', 'Online', 'Store'], folder);
            assert.equal(init.stdout, "Wrote online-store/threat-model.tm, a starter threat model of 'Online Store'. Next: tml check online-store/threat-model.tm\n");
            assert.equal(readFileSync(join(folder, 'online-store', 'threat-model.tm'), 'utf8'), starterModel('Online Store'));
            const check = runTml(['check', '--fail-on', 'error'], folder);
            assert.equal(check.status, 0, check.stdout);
            assert.match(check.stdout, /^10 warnings, 0 errors, 1 hint in 2 files$/m);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
