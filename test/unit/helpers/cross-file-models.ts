/** Two files of one model for the tests of cross-file revalidation: a.tm is edited, lines of b.tm come and go. */

/** Lines of b.tm that change what the checks of a.tm read: coverage, excludes, names, flows, scenarios, assets. */
export const B_LINES = [
    'threat Spoof "Spoofed partner" { stride Spoofing, Tampering targets Partner, Api response accept justification "Signed." }',
    'process Spare "Third spare"',
    'exclude Tampering on Inner "Read only."',
    'flow Back: Api -> Partner "Back" { carries Cards }',
    'scenario Sell "Selling" { flows Job }',
    'asset Keys "Keys" { classification secret type credentials }',
    'dismiss Plain on Job "Fine here."',
];
export const A_TEXT = `system Shop "Shop" { description "Sells things." }
asset Cards "Card numbers" { classification secret type payment }
external Partner "Partner" { type service }
process Api "API" { technology "PostgreSQL" }
process Spare "Spare"
boundary Dc "Data centre" { trust trusted process Inner "Inner" { privileged } datastore Cache "Cache" { logs } }
flow Call: Partner -> Api "Call" { carries Cards }
flow Job: Api -> Inner "Job" { encrypted }
threat Leak "Leak" { stride InformationDisclosure targets Cache, Call response accept justification "Known." }
rule Plain "Plain flows" { on flow stride Tampering when not encrypted and any carries (classification is secret) }
`;
