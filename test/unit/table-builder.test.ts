import * as assert from 'node:assert/strict';
import { buildThreatTable } from '../../language-server/src/generator/table-builder.js';
import type { ThreatTable } from '../../language-server/src/generator/table-model.js';
import type { ModelFile } from '../../language-server/src/generator/table-scope.js';
import { AstUtils } from 'langium';
import { isDfdElement } from '../../language-server/src/generated/ast.js';
import { elementsOf, scopedTableInput, workspaceTableInput } from '../../language-server/src/generator/table-scope.js';
import { generateModel } from '../bench/synthetic-model.js';
import { exampleNames, filesBelow } from './dfd-helpers.js';
import { checkWorkspace, services } from './helpers/workspace.js';

async function modelFiles(files: Record<string, string>): Promise<ModelFile[]> {
    const checked = await checkWorkspace(files);
    return checked.map((file, i) => ({ path: Object.keys(files)[i]!, model: file.document.parseResult.value }));
}

async function tableOf(text: string): Promise<ThreatTable> {
    const files = await modelFiles({ 'model.tm': text });
    return buildThreatTable(workspaceTableInput(files, services.ThreatModel.workspace.ModelIndex.coverage(files[0]!.model)));
}

/** The cells of the given columns (by key), row by row. */
function columns(table: ThreatTable, ...keys: string[]): string[][] {
    const indexes = keys.map(key => table.threats.columns.findIndex(c => c.key === key));
    return table.threats.rows.map(row => indexes.map(i => row[i]!));
}

const DREAD = (d: number, r: number, e: number, a: number, di: number): string =>
    `dread { damage ${d} reproducibility ${r} exploitability ${e} affectedUsers ${a} discoverability ${di} }`;

describe('the threat table builder', () => {
    it('sorts by risk, highest first, then by ID; threats without a complete rating come last, by ID', async () => {
        const table = await tableOf(`
            process P "P"
            threat Zed "z" { ${DREAD(5, 5, 5, 5, 5)} }
            threat Alpha "a" { ${DREAD(5, 5, 5, 5, 5)} }
            threat Top "t" { ${DREAD(9, 9, 9, 9, 8)} }
            threat Unrated "u" { }
            threat Partial "p" { dread { damage 9 } }
            threat OutOfRange "o" { ${DREAD(11, 9, 9, 9, 9)} }
            threat Low "l" { ${DREAD(1, 1, 1, 1, 0)} }
        `);
        assert.deepEqual(columns(table, 'id', 'damage', 'risk', 'rating'), [
            ['Top', '9', '8.8', 'High'],
            ['Alpha', '5', '5.0', 'Medium'],
            ['Zed', '5', '5.0', 'Medium'],
            ['Low', '1', '0.8', 'Low'],
            ['OutOfRange', '11', '', ''],
            ['Partial', '9', '', ''],
            ['Unrated', '', '', ''],
        ]);
        assert.deepEqual(table.ratings, { High: 1, Medium: 2, Low: 1, notRated: 3 });
    });

    it('writes the response with its reason, and each mitigation with its technique and status on a line of its own', async () => {
        const table = await tableOf(`
            process P "P"
            mitigation Mfa "Second factor at sign-in" { technique "Authentication" status verified }
            mitigation Lockout "Account lockout" { status planned }
            mitigation Bare "Rate limits"
            threat A "a" { response fix mitigatedBy Mfa, Lockout, Bare, Missing bug "SEC-1" }
            threat B "b" { response warn warning "Use a password manager." }
            threat C "c" { response accept justification "Low value." }
            threat D "d" { response remove }
            threat E "e" { }
        `);
        assert.deepEqual(columns(table, 'id', 'response', 'mitigations', 'mitigationStatus', 'bug'), [
            ['A', 'fix', 'Second factor at sign-in (Authentication)\nAccount lockout\nRate limits\nMissing', 'verified\nplanned\nstatus not set\nunknown mitigation', 'SEC-1'],
            ['B', 'warn: Use a password manager.', '', '', ''],
            ['C', 'accept: Low value.', '', '', ''],
            ['D', 'remove', '', '', ''],
            ['E', '', '', '', ''],
        ]);
    });

    it('puts the threat tree under the description as indented text, and lists categories, targets and assets as written', async () => {
        const table = await tableOf(`
            asset Data "Data"
            process P "P"
            datastore S "S"
            threat T "t" {
                stride Tampering, InformationDisclosure
                targets P, S
                assets Data
                description "Line one.\\nLine two."
                tree { or "Get in" { leaf "Phish" and "Guess" { leaf "Weak password" leaf "No lockout" } } leaf "Insider" }
            }
        `);
        assert.deepEqual(columns(table, 'stride', 'targets', 'assets', 'description'), [[
            'Tampering, InformationDisclosure',
            'P, S',
            'Data',
            'Line one.\nLine two.\n\nThreat tree:\nOR Get in\n\u00A0\u00A0- Phish\n\u00A0\u00A0AND Guess\n\u00A0\u00A0\u00A0\u00A0- Weak password\n\u00A0\u00A0\u00A0\u00A0- No lockout\n- Insider',
        ]]);
    });

    it('gives every DFD element a coverage row with one of the five statuses per category', async () => {
        const table = await tableOf(`
            external U "User"
            process P "App"
            datastore L "Log" { logs }
            flow F: U -> P "Request"
            threat Spoof "s" { stride Spoofing targets U, P response accept justification "SSO." }
            threat Tamper "t" { stride Tampering targets P }
            exclude Repudiation on U "Signed receipts."
        `);
        assert.deepEqual(table.coverage.columns.map(c => c.header),
            ['Element', 'Title', 'Kind', 'Spoofing', 'Tampering', 'Repudiation', 'InformationDisclosure', 'DenialOfService', 'ElevationOfPrivilege']);
        assert.deepEqual(table.coverage.rows, [
            ['U', 'User', 'external entity', 'addressed', 'not applicable', 'excluded', 'not applicable', 'not applicable', 'not applicable'],
            ['P', 'App', 'process', 'addressed', 'unmitigated', 'missing', 'missing', 'missing', 'missing'],
            ['L', 'Log', 'data store', 'not applicable', 'missing', 'missing', 'missing', 'missing', 'not applicable'],
            ['F', 'Request', 'flow', 'not applicable', 'missing', 'not applicable', 'missing', 'missing', 'not applicable'],
        ]);
    });

    it('scopes a file of a split model to what it declares and what that touches', async () => {
        const files = await modelFiles({
            'dfd.tm': 'system S "Shop"\nprocess Api "API"\nprocess Worker "Worker"\n',
            'threats.tm': 'threat ApiDown "API down" { stride DenialOfService targets Api }\n',
            'other.tm': 'process Batch "Batch"\nthreat WorkerCrash "Worker crash" { stride DenialOfService targets Worker }\nthreat BatchLate "Batch late" { targets Batch }\n',
        });
        const coverage = services.ThreatModel.workspace.ModelIndex.coverage(files[0]!.model);
        const scoped = (index: number): ThreatTable => buildThreatTable(scopedTableInput([files[index]!], files, coverage));
        const summary = (table: ThreatTable): unknown => ({
            title: table.title, files: table.files, threats: table.threats.rows.map(r => r[0]), elements: table.coverage.rows.map(r => r[0]),
        });
        assert.deepEqual(summary(scoped(0)), { title: 'Shop', files: ['dfd.tm'], threats: ['ApiDown', 'WorkerCrash'], elements: ['Api', 'Worker'] });
        assert.deepEqual(summary(scoped(1)), { title: 'Shop', files: ['threats.tm'], threats: ['ApiDown'], elements: ['Api'] });
        assert.deepEqual(summary(scoped(2)), { title: 'Shop', files: ['other.tm'], threats: ['BatchLate', 'WorkerCrash'], elements: ['Worker', 'Batch'] });
    });
});

describe('the DFD elements of a model (elementsOf)', () => {
    it('are every DFD element of the syntax tree, in its order, on every example, a generated model and one that does not parse', async () => {
        const workspaces = [
            ...exampleNames().map(example => filesBelow(`examples/${example}`)),
            generateModel(300, 3).files,
            { 'broken.tm': 'boundary B "b" { process A "A"\nflow F: A -> A "f"\nboundary C "c" { datastore D "d" }\nexternal E "e" {\n' },
        ];
        let elements = 0;
        for (const files of workspaces) {
            for (const { model } of await modelFiles(files)) {
                assert.deepEqual(elementsOf(model), AstUtils.streamAllContents(model).filter(isDfdElement).toArray());
                elements += elementsOf(model).length;
            }
        }
        assert.ok(elements > 400, `only ${elements} elements compared`);
    });
});
