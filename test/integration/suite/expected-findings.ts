import type { Finding } from './helpers.js';

const ADD = "Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.";

function strideMissing(at: string, subject: string, categories: string): Finding {
    return { code: 'tm/stride-missing', at, severity: 'warning', message: `${subject} has no threat for ${categories}. ${ADD}` };
}

/** The findings of the design example (test/fixtures/design/online-store.tm), on the element names. */
export const DESIGN_EXAMPLE_FINDINGS = {
    storefront: strideMissing('19:13-19:23', "Process 'Storefront'", 'Tampering, Repudiation, InformationDisclosure, DenialOfService and ElevationOfPrivilege'),
    ordersDb: strideMissing('26:15-26:23', "Data store 'OrdersDb'", 'Repudiation, InformationDisclosure and DenialOfService'),
    placeOrder: strideMissing('32:6-32:16', "Flow 'PlaceOrder'", 'Tampering, InformationDisclosure and DenialOfService'),
    saveOrder: strideMissing('38:6-38:15', "Flow 'SaveOrder'", 'Tampering, InformationDisclosure and DenialOfService'),
    // The TMA process checks (docs/language.md#the-analysis-checks): SaveOrder crosses two trust boundaries unprotected, the
    // files SecureCookies links to do not exist next to the model, and OrderTamper names no asset
    // although OrdersDb stores OrderHistory.
    saveOrderUnprotected: {
        code: 'tm/boundary-crossing-unprotected', at: '38:6-38:15', severity: 'warning',
        message: "Flow 'SaveOrder' crosses the trust boundaries 'Dmz' and 'Backend' but is neither encrypted nor authenticated. " +
            "Protect it (TLS, signatures, mutual authentication) and mark it 'encrypted' and 'authenticated'.",
    },
    implementedInMissing: { code: 'tm/linked-file-missing', at: '76:19-76:35', severity: 'warning', message: "'src/session.ts' (implementedIn of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone." },
    verifiedByMissing: { code: 'tm/linked-file-missing', at: '77:16-77:38', severity: 'warning', message: "'test/session.test.ts' (verifiedBy of mitigation 'SecureCookies') does not exist relative to this model. Fix the path, or remove it if the file is gone." },
    orderTamperNoAsset: {
        code: 'tm/threat-without-asset', at: '80:8-80:19', severity: 'hint',
        message: "Threat 'OrderTamper' names no asset, but its targets hold OrderHistory. Add 'assets …' for what the threat puts at risk.",
    },
} as const satisfies Record<string, Finding>;

export const ALL_DESIGN_EXAMPLE_FINDINGS: readonly Finding[] = Object.values(DESIGN_EXAMPLE_FINDINGS);

/** refunds.tm: its names resolve into online-store.tm; only its own flow lacks threats. */
export const REFUNDS_FINDINGS: readonly Finding[] = [
    strideMissing('13:6-13:17', "Flow 'IssueRefund'", 'Tampering, InformationDisclosure and DenialOfService'),
    {
        code: 'tm/fix-only-planned', at: '25:5-25:13', severity: 'information',
        message: "Threat 'RefundFraud' is to be fixed, but its mitigation is planned, not implemented.",
    },
];

export { strideMissing };
