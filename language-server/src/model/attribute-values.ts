/**
 * The values of the enumerated attributes (docs/language.md#optional-attributes) and what each means: completion shows
 * the meaning next to the value, and docs/rules.md is tested to list the same values.
 */
import type { AssetType, Classification, ExternalType, TrustLevel } from '../generated/ast.js';

/** The grammar's data type rule of each attribute, with the keyword that introduces it. */
export const ATTRIBUTE_VALUE_RULES = ['Classification', 'AssetType', 'TrustLevel', 'ExternalType'] as const;
export type AttributeValueRule = (typeof ATTRIBUTE_VALUE_RULES)[number];

export const CLASSIFICATION_MEANINGS: Readonly<Record<Classification, string>> = {
    public: 'May be published: its disclosure harms no one.',
    internal: 'For people inside the organisation; disclosure is embarrassing rather than harmful.',
    confidential: 'Disclosure harms the organisation or the people it describes (customer records, contracts).',
    secret: 'Disclosure is severe and immediate (keys, card numbers, passwords): the most protected class.',
};

export const ASSET_TYPE_MEANINGS: Readonly<Record<AssetType, string>> = {
    credentials: 'Something that proves an identity on its own: passwords, API keys used to sign in, recovery codes.',
    token: 'A session or access token issued after sign-in, valid until it expires.',
    personal: 'Data about an identifiable person (name, address, health, location).',
    payment: 'Card numbers, bank details and payment instructions.',
    key: 'Cryptographic keys that protect other data (encryption or signing keys).',
    other: 'Anything else worth protecting.',
};

export const TRUST_MEANINGS: Readonly<Record<TrustLevel, string>> = {
    untrusted: 'Anyone may be here (the internet, a customer device): nothing inside is trusted.',
    partial: 'Known but not fully controlled parties (a partner network, a DMZ).',
    trusted: 'Only the system\'s own, controlled components.',
};

export const EXTERNAL_TYPE_MEANINGS: Readonly<Record<ExternalType, string>> = {
    person: 'A human using the system (through a browser or an app).',
    service: 'Another system calling in or called (a partner API, a SaaS).',
    device: 'A hardware device acting on its own (a sensor, a lock, a terminal).',
};

const MEANINGS: Readonly<Record<AttributeValueRule, Readonly<Record<string, string>>>> = {
    Classification: CLASSIFICATION_MEANINGS,
    AssetType: ASSET_TYPE_MEANINGS,
    TrustLevel: TRUST_MEANINGS,
    ExternalType: EXTERNAL_TYPE_MEANINGS,
};

/** The meaning of `value` as a value of the grammar rule `rule`, or undefined when it is none of its values. */
export function attributeValueMeaning(rule: string, value: string): string | undefined {
    if (!(ATTRIBUTE_VALUE_RULES as readonly string[]).includes(rule)) return undefined;
    const meanings = MEANINGS[rule as AttributeValueRule];
    return Object.hasOwn(meanings, value) ? meanings[value] : undefined;
}
