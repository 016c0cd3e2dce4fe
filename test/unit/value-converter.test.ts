import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, ValueConverter } from 'langium';
import { ThreatModelValueConverter, convertString } from '../../language-server/src/parser/value-converter.js';
import type { Model } from '../../language-server/src/generated/ast.js';
import { isProcess } from '../../language-server/src/generated/ast.js';
import { services } from './helpers/workspace.js';

/**
 * tml converts string literals itself (parser/value-converter.ts), so that their values are flat
 * strings rather than chains of pieces; the values must be exactly Langium's.
 */
describe("string literals' values", () => {
    it("are Langium's ValueConverter.convertString, for any text between quotes, escapes and stray backslashes included", () => {
        const piece = fc.constantFrom('a', 'é', '"', '\\', '\\n', '\\t', '\\\\', '\\"', '\\b', '\\f', '\\r', '\\v', '\\0', '\\x', ' ', '😀');
        fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map(parts => `"${parts.join('')}"`), literal => {
            assert.equal(convertString(literal), ValueConverter.convertString(literal));
        }), { numRuns: 2000, seed: 17 });
        for (const literal of ['', '"', '""', '"\\"', '"abc\\', 'x', '"a\\"b"', '"\\n"']) assert.equal(convertString(literal), ValueConverter.convertString(literal), JSON.stringify(literal));
    });

    it('are what the parser gives a title, escapes included', () => {
        const model = services.ThreatModel.parser.LangiumParser.parse<Model>('process P "Web \\"front\\" end\\tof the shop, a long title"').value;
        const process = model.declarations[0];
        assert.ok(isProcess(process));
        assert.equal(process.title, 'Web "front" end\tof the shop, a long title');
    });
});

/** The protected `runConverter` of a value converter: the value of `input`, which `rule` matched. */
type RunConverter = (rule: GrammarAST.AbstractRule, input: string, node: CstNode) => ValueType;
const runConverterOf = (converter: DefaultValueConverter): RunConverter => {
    const run = (converter as unknown as { runConverter: RunConverter }).runConverter;
    return (rule, input, node) => run.call(converter, rule, input, node);
};

describe("the values of every rule's text", () => {
    it("are Langium's DefaultValueConverter's, for every terminal and data type rule of the grammar, each rule asked twice", () => {
        const ours = runConverterOf(services.ThreatModel.parser.ValueConverter as ThreatModelValueConverter);
        const langiums = runConverterOf(new DefaultValueConverter());
        const inputs = ['a', 'Web_1', '^name', '42', '007', '-3', '"a \\"b\\" c"', '""', 'true', 'Spoofing', 'high'];
        const rules = services.ThreatModel.Grammar.rules;
        assert.ok(rules.length > 20);
        for (let round = 0; round < 2; round++) {
            for (const rule of rules) {
                for (const input of inputs) assert.deepEqual(ours(rule, input, undefined!), langiums(rule, input, undefined!), `${rule.name} ${input}`);
            }
        }
    });
});
