import * as assert from 'node:assert/strict';
import { AstUtils, GrammarAST } from 'langium';
import type { ElementKind as GrammarElementKind } from '../../language-server/src/generated/ast.js';
import { ThreatModelLanguageGrammar } from '../../language-server/src/generated/grammar.js';
import type { ElementKind } from '../../language-server/src/shared/element-kinds.js';
import { ELEMENT_KIND_WORDS } from '../../language-server/src/shared/element-kinds.js';
import { capitalise, withArticle } from '../../language-server/src/shared/prose.js';

/** The compile-time half of the tie: each type is assignable to the other. */
export const sameKinds: [(kind: ElementKind) => GrammarElementKind, (kind: GrammarElementKind) => ElementKind] = [kind => kind, kind => kind];

describe('the element-kind catalogue (shared/element-kinds.ts)', () => {
    it("has one entry per keyword of the grammar's ElementKind rule, in the grammar's order", () => {
        const rule = ThreatModelLanguageGrammar().rules.find(r => r.name === 'ElementKind');
        assert.ok(rule);
        const written = AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map(keyword => keyword.value).toArray();
        assert.deepEqual(written, ['external', 'process', 'datastore', 'flow']);
        assert.deepEqual(Object.keys(ELEMENT_KIND_WORDS), written);
    });

    it('words each kind the same way in every form: title and article come from the noun', () => {
        for (const [kind, words] of Object.entries(ELEMENT_KIND_WORDS)) {
            assert.equal(words.title, capitalise(words.noun), kind);
            assert.equal(words.withArticle, withArticle(words.noun), kind);
        }
    });
});
