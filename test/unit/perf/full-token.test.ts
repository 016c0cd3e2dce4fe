import * as assert from 'node:assert/strict';
import type { IToken } from 'chevrotain';
import { collectGarbage } from '../../../language-server/src/cli/collect-garbage.js';
import { createFullToken } from '../../../language-server/src/parser/full-token.js';
import { generateModel } from '../../bench/synthetic-model.js';
import { services } from '../helpers/workspace.js';

const lexer = services.ThreatModel.parser.Lexer;
const chevrotain = (lexer as unknown as { chevrotainLexer: { createFullToken: (...args: unknown[]) => IToken } }).chevrotainLexer;

describe('the lexer\'s tokens', () => {
    it('are Chevrotain\'s full tokens, field for field', () => {
        const [tokenType] = Object.values(lexer.definition);
        for (const [image, offset, line, column] of [['process', 0, 1, 1], ['"a title"', 1_234_567, 40_000, 77], ['', 5, 2, 3]] as const) {
            const args = [image, offset, tokenType!.tokenTypeIdx!, tokenType!, line, column, image.length] as const;
            assert.deepEqual(createFullToken(...args), chevrotain.createFullToken(...args));
        }
    });

    it('hold their positions in place, not as heap numbers (Chevrotain\'s end-of-file token has NaN in the same fields)', () => {
        const text = Object.values(generateModel(2_000, 1).files)[0]!;
        lexer.tokenize('process P "p"');
        collectGarbage();
        const before = process.memoryUsage().heapUsed;
        const { tokens } = lexer.tokenize(text);
        collectGarbage();
        const perToken = (process.memoryUsage().heapUsed - before) / tokens.length;
        assert.ok(tokens.length > 40_000, `${tokens.length} tokens`);
        // 96 bytes of object, its image and its place in the list: about 125; with six heap numbers more, 215.
        assert.ok(perToken < 160, `${perToken.toFixed(0)} bytes per token`);
    });
});
