/**
 * The built-in threat library (language-server/src/rules/builtin.tm, docs/language.md#rules) as it
 * was specified: at least 40 rules, each applicable (element kind, STRIDE category) cell of docs/language.md#stride-per-element
 * covered at least twice, every rule with a CWE, a description and a suggested mitigation.
 */
import * as assert from 'node:assert/strict';
import { isRule } from '../../language-server/src/generated/ast.js';
import type { ElementKind } from '../../language-server/src/model/stride.js';
import { applicableCategories } from '../../language-server/src/model/stride.js';
import type { ValidationAcceptor } from 'langium';
import { checkRule } from '../../language-server/src/validation/rule-checks-invalid.js';
import { builtinLibraryDocument, builtinLibraryRules } from './helpers/builtin-library.js';

const KINDS: readonly ElementKind[] = ['external', 'process', 'datastore', 'flow'];

describe('the built-in rule library', () => {
    it('parses without errors and declares at least 40 rules, and nothing else', async () => {
        const document = await builtinLibraryDocument();
        assert.deepEqual(document.parseResult.lexerErrors, []);
        assert.deepEqual(document.parseResult.parserErrors.map(e => e.message), []);
        const declarations = document.parseResult.value.declarations;
        assert.ok(declarations.length >= 40, `${declarations.length} rules`);
        assert.deepEqual(declarations.filter(d => !isRule(d)).map(d => d.$type), []);
    });

    it('has no tm/rule-invalid finding: no unknown fact, wrong value or inapplicable category', async () => {
        const found: string[] = [];
        const accept: ValidationAcceptor = (_severity, message, info) => { found.push(`${(info.node as { name?: string }).name ?? info.node.$type}: ${message}`); };
        for (const rule of await builtinLibraryRules()) checkRule(rule, accept, () => new Set());
        assert.deepEqual(found, []);
    });

    it('gives every rule a unique name, an applicable category, a CWE, a description and a mitigation', async () => {
        const rules = await builtinLibraryRules();
        assert.equal(new Set(rules.map(r => r.name)).size, rules.length);
        for (const rule of rules) {
            assert.ok(rule.on !== undefined && rule.stride !== undefined && rule.when !== undefined, rule.name);
            assert.ok(applicableCategories({ kind: rule.on as ElementKind, logs: true }).includes(rule.stride), rule.name);
            assert.ok(rule.cwe.length > 0, `${rule.name} has no CWE`);
            assert.ok((rule.description ?? '').length > 40, `${rule.name} has no description`);
            assert.ok((rule.mitigation ?? '').length > 40, `${rule.name} has no mitigation`);
            assert.ok(rule.title.length > 0, rule.name);
        }
    });

    it('covers each of the 15 applicable (kind, category) cells of DESIGN.md §3 at least twice', async () => {
        const rules = await builtinLibraryRules();
        const counts = KINDS.flatMap(kind => applicableCategories({ kind, logs: true }).map(category =>
            `${kind} ${category}: ${rules.filter(r => r.on === kind && r.stride === category).length >= 2 ? 'covered' : 'uncovered'}`));
        assert.equal(counts.length, 15);
        assert.deepEqual(counts.filter(c => c.endsWith('uncovered')), []);
    });
});
