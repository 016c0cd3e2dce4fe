import * as assert from 'node:assert/strict';
import { AstUtils, GrammarAST } from 'langium';
import { ThreatModelLanguageGrammar } from '../../language-server/src/generated/grammar.js';
import { tokenize } from './helpers/textmate.js';

/** Every keyword of the Langium grammar, as langium-cli generated it from the .langium file. */
function grammarKeywords(): string[] {
    const keywords = AstUtils.streamAllContents(ThreatModelLanguageGrammar())
        .filter(GrammarAST.isKeyword)
        .map(keyword => keyword.value);
    return [...new Set(keywords)].sort();
}

describe('the TextMate grammar covers the Langium grammar', () => {
    it('gives every keyword, typed alone on a line, one token with a scope of its own', async () => {
        // The sign is the one keyword that is only coloured together with the number it signs.
        const keywords = grammarKeywords().filter(keyword => keyword !== '-');
        assert.ok(keywords.length > 60, `only ${keywords.length} keywords found: is the grammar loaded?`);
        const unscoped: string[] = [];
        for (const keyword of keywords) {
            const [tokens] = await tokenize(keyword);
            const [only] = tokens!;
            if (tokens!.length !== 1 || !only!.startsWith(`${keyword} → source.threat-model `)) {
                unscoped.push(`${keyword}: ${tokens!.join(' | ')}`);
            }
        }
        assert.deepEqual(unscoped, []);
    });

    it('colours the sign keyword as part of a negative number', async () => {
        assert.ok(grammarKeywords().includes('-'));
        assert.deepEqual(await tokenize('-7'), [['-7 → source.threat-model constant.numeric.integer.threat-model']]);
    });
});
