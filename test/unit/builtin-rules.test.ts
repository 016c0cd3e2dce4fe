import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES_TEXT } from '../../language-server/src/rules/builtin-text.js';
import { checkModel } from './helpers/workspace.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** The elements a built-in rule suggests a threat for, in the model `text`. */
async function holdsFor(rule: string, text: string): Promise<string[]> {
    const { document, diagnostics } = await checkModel(text);
    return diagnostics.filter(d => d.code === 'tm/rule-suggests' && (d.data as { rule?: string }).rule === rule)
        .map(d => document.textDocument.getText(d.range));
}

interface BuiltinCase {
    readonly rule: string;
    /** The rule holds for the element named `X`… */
    readonly holds: string;
    /** …not for a model where the facts say otherwise… */
    readonly not: string;
    /** …nor where an attribute it reads is not written. */
    readonly absent: string;
}

const ZONES = 'boundary Out "Out" { trust untrusted external U "U" { type person } }\nboundary In "In" { trust trusted process P "P" { privileged } datastore D "D" { technology "PostgreSQL 16" } }\n';

const CASES: readonly BuiltinCase[] = [
    {
        rule: 'SensitiveDataInClear',
        holds: 'external U "U"\nprocess P "P"\nasset Pw "Pw" { type credentials }\nflow X: U -> P "x" { carries Pw }\n',
        not: 'external U "U"\nprocess P "P"\nasset Pw "Pw" { type credentials }\nflow X: U -> P "x" { carries Pw encrypted }\n',
        absent: 'external U "U"\nprocess P "P"\nasset Pw "Pw"\nflow X: U -> P "x" { carries Pw }\n',
    },
    {
        rule: 'UnauthenticatedFromLessTrusted',
        holds: `${ZONES}flow X: U -> P "x"\n`,
        not: `${ZONES}flow X: U -> P "x" { authenticated }\n`,
        absent: 'boundary Out "Out" { external U "U" }\nboundary In "In" { trust trusted process P "P" }\nflow X: U -> P "x"\n',
    },
    {
        rule: 'SqlInjection',
        holds: 'boundary Out "Out" { trust untrusted external U "U" }\nboundary In "In" { trust trusted process X "X" datastore D "D" { technology "PostgreSQL 16" } }\nflow A: U -> X "a"\nflow B: X -> D "b"\n',
        not: 'boundary Out "Out" { trust untrusted external U "U" }\nboundary In "In" { trust trusted process X "X" datastore D "D" { technology "Redis 7" } }\nflow A: U -> X "a"\nflow B: X -> D "b"\n',
        absent: 'boundary Out "Out" { trust untrusted external U "U" }\nboundary In "In" { trust trusted process X "X" datastore D "D" }\nflow A: U -> X "a"\nflow B: X -> D "b"\n',
    },
    {
        rule: 'SecretsAtRestUnencrypted',
        holds: 'asset K "K" { type key }\ndatastore X "X" { stores K }\n',
        not: 'asset K "K" { type key }\ndatastore X "X" { stores K encrypted }\n',
        absent: 'asset K "K"\ndatastore X "X" { stores K }\n',
    },
    {
        rule: 'PersonWithoutAuthentication',
        holds: 'external X "X" { type person }\nprocess P "P"\nflow F: X -> P "f"\n',
        not: 'external X "X" { type person }\nprocess P "P"\nflow F: X -> P "f" { authenticated }\n',
        absent: 'external X "X"\nprocess P "P"\nflow F: X -> P "f"\n',
    },
    {
        rule: 'PrivilegedProcessExposed',
        holds: 'boundary Out "Out" { trust untrusted external U "U" }\nboundary In "In" { trust trusted process X "X" { privileged } }\nflow F: U -> X "f"\n',
        not: 'boundary Out "Out" { trust untrusted external U "U" }\nboundary In "In" { trust trusted process X "X" }\nflow F: U -> X "f"\n',
        absent: 'external U "U"\nprocess X "X" { privileged }\nflow F: U -> X "f"\n',
    },
];

describe('the built-in rules', () => {
    it('embeds language-server/src/rules/builtin.tm as it is (run npm run build after editing it)', () => {
        assert.equal(BUILTIN_RULES_TEXT, readFileSync(`${REPO}language-server/src/rules/builtin.tm`, 'utf8'));
    });

    it('parse and check with no finding', async () => {
        const { diagnostics } = await checkModel(BUILTIN_RULES_TEXT);
        // Checked as a user file, its rules' names are those of the built-in rules (tm/rule-invalid), and nothing else.
        assert.deepEqual(diagnostics.filter(d => d.code !== 'tm/rule-invalid' && d.code !== 'tm/background-missing').map(d => d.message), []);
    });

    for (const { rule, holds, not, absent } of CASES) {
        it(`${rule}: holds where its facts say so, not where they say otherwise, nor where they are not written`, async () => {
            assert.deepEqual(await holdsFor(rule, holds), ['X']);
            assert.deepEqual(await holdsFor(rule, not), []);
            assert.deepEqual(await holdsFor(rule, absent), []);
        });
    }
});

describe('docs/technology.md', () => {
    it('lists every trait and every entry of the technology catalogue, in order', async () => {
        const { TECHNOLOGY_CATALOGUE, TECHNOLOGY_TRAITS } = await import('../../language-server/src/model/technology-catalogue.js');
        const doc = readFileSync(`${REPO}docs/technology.md`, 'utf8');
        const code = (words: readonly string[]): string => words.map(w => `\`${w}\``).join(', ');
        for (const [trait, meaning] of Object.entries(TECHNOLOGY_TRAITS)) assert.ok(doc.includes(`| \`${trait}\` | ${meaning} |`), trait);
        const entries = TECHNOLOGY_CATALOGUE.map(e => `| ${code(e.patterns)} | ${code(e.traits)} |`);
        assert.deepEqual(doc.split('\n').filter(line => entries.includes(line)), entries);
    });
});
