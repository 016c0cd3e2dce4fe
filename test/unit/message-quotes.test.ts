import * as assert from 'node:assert/strict';
import { capText, MAX_QUOTED_LENGTH, quote } from '../../language-server/src/validation/quote.js';
import { codeActionsFor } from './helpers/code-actions.js';
import { checkModel } from './helpers/workspace.js';

const MEGABYTE = 1_000_000;
const LONG_NAME = 'x'.repeat(MEGABYTE);
const CAPPED_NAME = `${'x'.repeat(79)}…`;

async function messagesOf(text: string): Promise<string[]> {
    const { diagnostics } = await checkModel(text);
    return diagnostics.map(d => d.message);
}

describe('the text of the model quoted in a message', () => {
    it('is cut to 80 characters ending in an ellipsis, never inside a surrogate pair', () => {
        assert.equal(MAX_QUOTED_LENGTH, 80);
        assert.equal(capText('x'.repeat(80)), 'x'.repeat(80));
        assert.equal(capText('x'.repeat(81)), CAPPED_NAME);
        assert.equal(capText(`${'x'.repeat(78)}😀😀`), `${'x'.repeat(78)}…`);
        assert.equal(quote('Storefront'), "'Storefront'");
        assert.equal(quote(undefined), "''");
    });

    /** A 1 MB identifier or string was copied whole into each message about it. */
    const cases: readonly [string, string, string][] = [
        ['a 1 MB name in the checks\' messages', `external ${LONG_NAME} "e"`,
            `External entity '${CAPPED_NAME}' sends and receives no flow. Add the flows it exchanges with the system, or remove it.`],
        ['a 1 MB unknown name in the linking error', `external B "b"\nflow F: ${LONG_NAME} -> B "f"`,
            `Unknown external, process or datastore '${CAPPED_NAME}'. Declare it in a .tm file of this model, or correct the name.`],
        ['a 1 MB name where a STRIDE category is expected', `threat T "t" { stride ${LONG_NAME} }`,
            `'${CAPPED_NAME}' is not a STRIDE category. A STRIDE category is one of: Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege.`],
        // The lexer's message is the only one: the parser's, on the 1 MB word after the quote, would repeat it.
        ['an unterminated 1 MB string', `asset A "${'a'.repeat(MEGABYTE)}`, 'This text is not closed: text starts and ends with " on the same line (use \\" for a quote inside it).'],
        ['a 1 MB name where the file should end', LONG_NAME,
            `'${CAPPED_NAME}' does not start a declaration. A declaration starts with one of: system, assumption, dependency, asset, boundary, external, process, datastore, flow, scenario, threat, mitigation, exclude, rule, dismiss.`],
        ['a 1 MB path of a mitigation', `mitigation M "m" { implementedIn "src/${'a'.repeat(MEGABYTE)}.ts" }`,
            `'src/${'a'.repeat(75)}…' (implementedIn of mitigation 'M') does not exist relative to this model. Fix the path, or remove it if the file is gone.`],
        ['a 1 MB path that leads outside the workspace', `mitigation M "m" { verifiedBy "../${'a'.repeat(MEGABYTE)}" }`,
            `'../${'a'.repeat(76)}…' (verifiedBy of mitigation 'M') leads outside the workspace folder; tml only links files inside it. Use a path relative to this model, inside the workspace.`],
        ['the 1 MB name of a mitigation verified without a test', `mitigation ${LONG_NAME} "m" { status verified }`,
            `Mitigation '${CAPPED_NAME}' is verified but names no test. Add 'verifiedBy "path/to/test"'.`],
        ['the 1 MB name of a threat whose title holds an invisible character', `threat ${LONG_NAME} "a\u202Eb"`,
            `The title of threat '${CAPPED_NAME}' contains U+202E (right-to-left override), which changes how the text displays without being seen. Remove it, or write what you mean in visible characters.`],
        ['a DREAD factor of a million digits', `threat T "t" { dread { damage ${'9'.repeat(MEGABYTE)} } }`,
            `DREAD damage is ${'9'.repeat(79)}…; a factor must be an integer from 0 to 10.`],
    ];
    for (const [name, text, expected] of cases) {
        it(`is capped for ${name}`, async () => {
            const messages = await messagesOf(text);
            assert.ok(messages.includes(expected), messages.map(m => m.slice(0, 300)).join('\n'));
            for (const message of messages) assert.ok(message.length < 400, `${message.length} characters: ${message.slice(0, 300)}`);
        });
    }
});

describe('the name of the model quoted in a quick-fix title', () => {
    it('is capped like the messages', async () => {
        const text = `boundary A "a" { external E "e" }\nboundary B "b" { process P "p" }\nflow ${LONG_NAME}: E -> P "f"`;
        const { document, diagnostics } = await checkModel(text);
        const crossing = diagnostics.find(d => d.code === 'tm/boundary-crossing-unprotected');
        assert.ok(crossing);
        assert.deepEqual(codeActionsFor(document, crossing).map(a => a.title), [
            `Mark '${CAPPED_NAME}' 'encrypted' and 'authenticated'`,
            `Mark '${CAPPED_NAME}' 'encrypted'`,
            `Mark '${CAPPED_NAME}' 'authenticated'`,
            `Create a scenario from the selected flow '${CAPPED_NAME}'`,
        ]);
    });
});
