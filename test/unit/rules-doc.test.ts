/**
 * docs/rules.md lists every built-in rule; the list is generated from the library, so the two
 * cannot drift. After changing the library, regenerate it: `UPDATE_GOLDEN=1 npm run test:unit`.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Rule } from '../../language-server/src/generated/ast.js';
import { ASSET_TYPE_MEANINGS, CLASSIFICATION_MEANINGS, EXTERNAL_TYPE_MEANINGS, TRUST_MEANINGS } from '../../language-server/src/model/attribute-values.js';
import { weaknessReferences } from '../../language-server/src/model/stated-facts.js';
import { ASSET_TYPES, CLASSIFICATIONS, EXTERNAL_TYPES, FACTS, TRUST_LEVELS } from '../../language-server/src/model/rule-vocabulary.js';
import { builtinLibraryRules } from './helpers/builtin-library.js';

const DOC = new URL('../../../../docs/rules.md', import.meta.url);
const START = '<!-- builtin-rules:start -->';
const END = '<!-- builtin-rules:end -->';
const KINDS = [['external', 'External entities'], ['process', 'Processes'], ['datastore', 'Data stores'], ['flow', 'Flows']] as const;

/** One entry: name, title, category and references; the condition as written; description and mitigation. */
function ruleEntry(rule: Rule): string[] {
    const references = weaknessReferences(rule.cwe, rule.capec);
    const unless = rule.unless?.$cstNode?.text;
    return [
        `- **${rule.name}** (${rule.stride}; ${references}): ${rule.title}.`,
        `  When \`${rule.when?.$cstNode?.text ?? ''}\`${unless === undefined ? '' : `, unless \`${unless}\``}.`,
        `  ${rule.description ?? ''} *Mitigation:* ${rule.mitigation ?? ''}`,
    ];
}

function builtinRulesSection(rules: readonly Rule[]): string {
    const lines = [START, '', `${rules.length} rules.`, ''];
    for (const [kind, heading] of KINDS) {
        const ofKind = rules.filter(r => r.on === kind);
        lines.push(`### ${heading} (${ofKind.length})`, '', ...ofKind.flatMap(ruleEntry), '');
    }
    lines.push(END);
    return lines.join('\n');
}

describe('docs/rules.md', () => {
    it('lists every built-in rule, as the library declares it', async () => {
        const doc = readFileSync(DOC, 'utf8');
        const start = doc.indexOf(START);
        const end = doc.indexOf(END);
        assert.ok(start >= 0 && end > start, 'docs/rules.md has lost its builtin-rules markers');
        const expected = `${doc.slice(0, start)}${builtinRulesSection(await builtinLibraryRules())}${doc.slice(end + END.length)}`;
        if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(DOC, expected);
        assert.equal(doc, expected, 'docs/rules.md differs from the library: UPDATE_GOLDEN=1 npm run test:unit');
    });

    it('is linked from the README, which gives the number of built-in rules', async () => {
        const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
        assert.ok(readme.includes(`tml ships ${(await builtinLibraryRules()).length} built-in rules`));
        assert.ok(readme.includes('[docs/rules.md](docs/rules.md)'));
    });

    it('names every fact of the rule vocabulary in its fact table', () => {
        const doc = readFileSync(DOC, 'utf8');
        const table = doc.slice(doc.indexOf('### The fact vocabulary'), doc.indexOf('### Where rules apply'));
        assert.deepEqual([...new Set(FACTS.map(f => f.name))].filter(name => !table.includes(`\`${name}\``)), []);
    });

    it('describes the same attribute values as the rule vocabulary checks', () => {
        assert.deepEqual(Object.keys(CLASSIFICATION_MEANINGS), CLASSIFICATIONS);
        assert.deepEqual(Object.keys(ASSET_TYPE_MEANINGS), ASSET_TYPES);
        assert.deepEqual(Object.keys(TRUST_MEANINGS), TRUST_LEVELS);
        assert.deepEqual(Object.keys(EXTERNAL_TYPE_MEANINGS), EXTERNAL_TYPES);
    });

    it('lists the values of every enumerated attribute, as the language has them', () => {
        const doc = readFileSync(DOC, 'utf8');
        const row = (attribute: string, on: string, values: readonly string[]): string =>
            `| \`${attribute}\` | ${on} | ${values.map(v => `\`${v}\``).join(', ')} |`;
        for (const line of [
            row('classification', 'asset', Object.keys(CLASSIFICATION_MEANINGS)),
            row('type', 'asset', Object.keys(ASSET_TYPE_MEANINGS)),
            row('type', 'external', Object.keys(EXTERNAL_TYPE_MEANINGS)),
            row('trust', 'boundary', Object.keys(TRUST_MEANINGS)),
        ]) assert.ok(doc.includes(line), line);
    });
});
