import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tokenize } from './helpers/textmate.js';

const DESIGN_EXAMPLE = readFileSync(new URL('../../../../test/fixtures/design/online-store.tm', import.meta.url), 'utf8');

const SOURCE = 'source.threat-model';
const plain = (text: string): string => `${text} → ${SOURCE}`;
const scoped = (text: string, ...scopes: string[]): string => `${text} → ${[SOURCE, ...scopes].join(' ')}`;
const STRING = 'string.quoted.double.threat-model';
const stringTokens = (content: string): string[] => [
    scoped('"', STRING, 'punctuation.definition.string.begin.threat-model'),
    scoped(content, STRING),
    scoped('"', STRING, 'punctuation.definition.string.end.threat-model'),
];

describe('the TextMate grammar (syntaxes/threat-model.tmLanguage.json)', () => {
    let example: string[][];
    /** The tokens of a 1-based line of the design example (test/fixtures/design/online-store.tm). */
    const line = (n: number): string[] => example[n - 1]!;

    before(async () => {
        example = await tokenize(DESIGN_EXAMPLE);
    });

    it('scopes a declaration keyword, the declared name and the title string', () => {
        assert.deepEqual(line(2), [
            scoped('system', 'storage.type.threat-model'),
            plain(' '),
            scoped('OnlineStore', 'entity.name.type.threat-model'),
            plain(' '),
            ...stringTokens('Online Store'),
            plain(' '),
            scoped('{', 'punctuation.section.block.begin.threat-model'),
        ]);
    });

    it('scopes a flow: its name, the colon, the arrow, and leaves the end points plain', () => {
        assert.deepEqual(line(32), [
            scoped('flow', 'storage.type.threat-model'),
            plain(' '),
            scoped('PlaceOrder', 'entity.name.type.threat-model'),
            scoped(':', 'punctuation.separator.colon.threat-model'),
            plain(' Customer '),
            scoped('->', 'keyword.operator.arrow.threat-model'),
            plain(' Storefront '),
            ...stringTokens('Submit order'),
            plain(' '),
            scoped('{', 'punctuation.section.block.begin.threat-model'),
        ]);
    });

    it('scopes a flag keyword and a line comment, with no keyword scope inside the comment', () => {
        assert.deepEqual(line(27), [
            plain('        '),
            scoped('logs', 'keyword.other.threat-model'),
            plain('                      '),
            scoped('//', 'comment.line.double-slash.threat-model', 'punctuation.definition.comment.threat-model'),
            scoped(' holds audit logs, so Repudiation applies', 'comment.line.double-slash.threat-model'),
        ]);
    });

    it('scopes a STRIDE category as a constant after a property keyword', () => {
        assert.deepEqual(line(47), [
            plain('    '),
            scoped('stride', 'keyword.other.threat-model'),
            plain(' '),
            scoped('Spoofing', 'constant.language.stride.threat-model'),
        ]);
    });

    it('scopes DREAD factor names and their numbers', () => {
        assert.deepEqual(line(62), [
            plain('        '),
            scoped('damage', 'support.type.property-name.dread.threat-model'),
            plain(' '),
            scoped('8', 'constant.numeric.integer.threat-model'),
        ]);
    });

    it('scopes exclude, its category, `on` and the reason', () => {
        assert.deepEqual(line(88), [
            scoped('exclude', 'storage.type.threat-model'),
            plain(' '),
            scoped('Repudiation', 'constant.language.stride.threat-model'),
            plain(' '),
            scoped('on', 'keyword.other.threat-model'),
            plain(' Customer '),
            ...stringTokens('Customer actions are confirmed by signed payment receipts.'),
        ]);
    });

    it('scopes a response and a mitigation status as constants', async () => {
        assert.deepEqual(await tokenize('response fix\nstatus implemented'), [
            [scoped('response', 'keyword.other.threat-model'), plain(' '), scoped('fix', 'constant.language.response.threat-model')],
            [scoped('status', 'keyword.other.threat-model'), plain(' '), scoped('implemented', 'constant.language.status.threat-model')],
        ]);
    });

    it('scopes a negative number, with or without a space after the sign, as one number', async () => {
        const [tokens] = await tokenize('damage -3 reproducibility - 2');
        assert.deepEqual(tokens, [
            scoped('damage', 'support.type.property-name.dread.threat-model'),
            plain(' '),
            scoped('-3', 'constant.numeric.integer.threat-model'),
            plain(' '),
            scoped('reproducibility', 'support.type.property-name.dread.threat-model'),
            plain(' '),
            scoped('- 2', 'constant.numeric.integer.threat-model'),
        ]);
    });

    it('scopes a block comment across lines, and the code after it', async () => {
        assert.deepEqual(await tokenize('/* threat\n   Spoofing */ asset A "x"'), [
            [
                scoped('/*', 'comment.block.threat-model', 'punctuation.definition.comment.begin.threat-model'),
                scoped(' threat', 'comment.block.threat-model'),
            ],
            [
                scoped('   Spoofing ', 'comment.block.threat-model'),
                scoped('*/', 'comment.block.threat-model', 'punctuation.definition.comment.end.threat-model'),
                plain(' '),
                scoped('asset', 'storage.type.threat-model'),
                plain(' '),
                scoped('A', 'entity.name.type.threat-model'),
                plain(' '),
                ...stringTokens('x'),
            ],
        ]);
    });

    it('scopes a /** documentation comment */ apart from a plain block comment', async () => {
        const [tokens] = await tokenize('/** Doc */');
        assert.deepEqual(tokens, [
            scoped('/**', 'comment.block.documentation.threat-model', 'punctuation.definition.comment.begin.threat-model'),
            scoped(' Doc ', 'comment.block.documentation.threat-model'),
            scoped('*/', 'comment.block.documentation.threat-model', 'punctuation.definition.comment.end.threat-model'),
        ]);
    });

    it('scopes escapes inside a string, and ends an unclosed string at the end of its line', async () => {
        assert.deepEqual(await tokenize('bug "SEC-\\"1\\""\nimpact "open\nstride Tampering'), [
            [
                scoped('bug', 'keyword.other.threat-model'),
                plain(' '),
                scoped('"', STRING, 'punctuation.definition.string.begin.threat-model'),
                scoped('SEC-', STRING),
                scoped('\\"', STRING, 'constant.character.escape.threat-model'),
                scoped('1', STRING),
                scoped('\\"', STRING, 'constant.character.escape.threat-model'),
                scoped('"', STRING, 'punctuation.definition.string.end.threat-model'),
            ],
            [
                scoped('impact', 'keyword.other.threat-model'),
                plain(' '),
                scoped('"', STRING, 'punctuation.definition.string.begin.threat-model'),
                scoped('open', STRING),
            ],
            [scoped('stride', 'keyword.other.threat-model'), plain(' '), scoped('Tampering', 'constant.language.stride.threat-model')],
        ]);
    });

    it('does not scope keywords inside longer identifiers', async () => {
        const [tokens] = await tokenize('targets threatActor, flow_1, Spoofing2');
        assert.deepEqual(tokens, [
            scoped('targets', 'keyword.other.threat-model'),
            plain(' threatActor'),
            scoped(',', 'punctuation.separator.comma.threat-model'),
            plain(' flow_1'),
            scoped(',', 'punctuation.separator.comma.threat-model'),
            plain(' Spoofing2'),
        ]);
    });
});
