import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import type { ErrorObject } from 'ajv-draft-04';

/** The official SARIF 2.1.0 schema (OASIS errata 01), committed as a fixture: draft-04 JSON Schema. */
const SCHEMA: unknown = JSON.parse(readFileSync(new URL('../../../../../test/fixtures/sarif/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

function isUri(value: string): boolean {
    return URL.canParse(value);
}

/** A relative reference has no scheme before its first `/`, `?` or `#` (RFC 3986 §4.2). */
function isUriReference(value: string): boolean {
    return isUri(value) || (!/^[^/?#]*:/.test(value) && !/\s/.test(value));
}

function createValidator(): (log: unknown) => ErrorObject[] {
    // The official schema requires properties inside `anyOf` branches that define none, which
    // Ajv's strict mode rejects (strictRequired); every other strict check stays on. Its formats
    // (uri, uri-reference, date-time) are not built into Ajv: check them here rather than skip them.
    const ajv = new AjvDraft04.default({ allErrors: true, strict: true, strictRequired: false });
    ajv.addFormat('uri', isUri);
    ajv.addFormat('uri-reference', isUriReference);
    ajv.addFormat('date-time', value => !Number.isNaN(Date.parse(value)));
    const validate = ajv.compile(SCHEMA as object);
    return log => (validate(log) ? [] : [...(validate.errors ?? [])]);
}

/** Schema errors of a SARIF log: none for a valid one. */
export const sarifSchemaErrors = createValidator();
