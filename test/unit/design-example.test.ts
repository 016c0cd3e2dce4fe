import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkModel, describeFinding, PROCESS_CODES } from './helpers/workspace.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

describe('the DESIGN.md §2 example', () => {
    it('yields exactly the four stride-missing findings of §4, on the element names', async () => {
        const { document, diagnostics: all } = await checkModel(DESIGN_EXAMPLE);
        const diagnostics = all.filter(d => !PROCESS_CODES.includes(String(d.code)));
        assert.deepEqual(document.parseResult.lexerErrors, []);
        assert.deepEqual(document.parseResult.parserErrors, []);
        const findings = diagnostics.map(d => ({
            at: describeFinding(d),
            severity: d.severity,
            categories: (d.data as { categories?: string[] }).categories,
            message: d.message,
        }));
        assert.deepEqual(findings, [
            {
                at: 'tm/stride-missing @19:13-19:23',
                severity: 2,
                categories: ['Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService', 'ElevationOfPrivilege'],
                message: "Process 'Storefront' has no threat for Tampering, Repudiation, InformationDisclosure, DenialOfService and ElevationOfPrivilege. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            },
            {
                at: 'tm/stride-missing @26:15-26:23',
                severity: 2,
                categories: ['Repudiation', 'InformationDisclosure', 'DenialOfService'],
                message: "Data store 'OrdersDb' has no threat for Repudiation, InformationDisclosure and DenialOfService. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            },
            {
                at: 'tm/stride-missing @32:6-32:16',
                severity: 2,
                categories: ['Tampering', 'InformationDisclosure', 'DenialOfService'],
                message: "Flow 'PlaceOrder' has no threat for Tampering, InformationDisclosure and DenialOfService. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            },
            {
                at: 'tm/stride-missing @38:6-38:15',
                severity: 2,
                categories: ['Tampering', 'InformationDisclosure', 'DenialOfService'],
                message: "Flow 'SaveOrder' has no threat for Tampering, InformationDisclosure and DenialOfService. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
            },
        ]);
    });

    it('yields exactly these TMA process findings (issue 7): the unprotected SaveOrder, the two linked files that do not exist next to it, and the asset OrderTamper puts at risk', async () => {
        const { diagnostics } = await checkModel(DESIGN_EXAMPLE);
        const findings = diagnostics.filter(d => PROCESS_CODES.includes(String(d.code))).map(d => ({
            at: describeFinding(d),
            severity: d.severity,
            data: d.data,
            message: d.message,
        }));
        assert.deepEqual(findings, [
            {
                at: 'tm/boundary-crossing-unprotected @38:6-38:15',
                severity: 2,
                data: { code: 'tm/boundary-crossing-unprotected', properties: ['encrypted', 'authenticated'] },
                message: "Flow 'SaveOrder' crosses the trust boundaries 'Dmz' and 'Backend' but is neither encrypted nor authenticated. " +
                    "Protect it (TLS, signatures, mutual authentication) and mark it 'encrypted' and 'authenticated'.",
            },
            {
                at: 'tm/linked-file-missing @76:19-76:35',
                severity: 2,
                data: { code: 'tm/linked-file-missing' },
                message: "'src/session.ts' (implementedIn of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone.",
            },
            {
                at: 'tm/linked-file-missing @77:16-77:38',
                severity: 2,
                data: { code: 'tm/linked-file-missing' },
                message: "'test/session.test.ts' (verifiedBy of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone.",
            },
            {
                at: 'tm/threat-without-asset @80:8-80:19',
                severity: 4,
                data: { code: 'tm/threat-without-asset', assets: ['OrderHistory'] },
                message: "Threat 'OrderTamper' names no asset, but its targets hold OrderHistory. Add 'assets …' for what the threat puts at risk.",
            },
        ]);
    });
});
