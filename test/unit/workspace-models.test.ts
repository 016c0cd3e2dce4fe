import * as assert from 'node:assert/strict';
import { AstUtils } from 'langium';
import type { Threat } from '../../language-server/src/generated/ast.js';
import { isThreat } from '../../language-server/src/generated/ast.js';
import { checkWorkspace, describeFinding } from './helpers/workspace.js';

/** Every finding of a file as `code @range message`, sorted (Langium's linking errors carry their code in `data`). */
function findings(file: Awaited<ReturnType<typeof checkWorkspace>>[number]): string[] {
    return file.diagnostics.map(d => {
        const code = d.code ?? (d.data as { code?: string } | undefined)?.code;
        return `${describeFinding({ ...d, code })} ${d.message}`;
    }).sort();
}

/** Where each target of the file's threats resolved: `Threat.target → file`. */
function resolvedTargets(file: Awaited<ReturnType<typeof checkWorkspace>>[number]): string[] {
    return file.document.parseResult.value.declarations.filter(isThreat).flatMap((threat: Threat) =>
        threat.targets.map(ref => `${threat.name}.${ref.$refText} → ${ref.ref ? AstUtils.getDocument(ref.ref).uri.path : 'unresolved'}`));
}

const SERVICE = (system: string, title: string): string =>
    `system ${system} "${title}" { description "d" }\nassumption Trusted "t"\ndependency Cloud "c"\n` +
    'external User "User"\nprocess Api "API"\nflow Call: User -> Api "call"\nscenario Use "use" { flows Call }\n';

describe('several models in one workspace (DESIGN.md §9), checked together', () => {
    it('gives two models with the same names no duplicate-name error, and resolves each reference in its own model', async () => {
        const [aModel, aThreats, bModel, bThreats] = await checkWorkspace({
            'a/model.tm': SERVICE('A', 'Service A'),
            'a/threats.tm': 'threat Spoof "Spoofed caller" { stride Spoofing targets Api, User }\n',
            'b/model.tm': SERVICE('B', 'Service B'),
            'b/threats.tm': 'threat Spoof "Spoofed caller" { stride Spoofing targets Api }\n',
        });
        for (const file of [aModel!, aThreats!, bModel!, bThreats!]) {
            assert.deepEqual(findings(file).filter(f => f.startsWith('tm/duplicate-name') || f.startsWith('tm/system-duplicate')), []);
        }
        assert.deepEqual(resolvedTargets(aThreats!), ['Spoof.Api → /workspace/a/model.tm', 'Spoof.User → /workspace/a/model.tm']);
        assert.deepEqual(resolvedTargets(bThreats!), ['Spoof.Api → /workspace/b/model.tm']);
    });

    it('counts coverage within a model: a threat in one model does not cover the same name in another', async () => {
        const [aModel, , bModel] = await checkWorkspace({
            'a/model.tm': SERVICE('A', 'Service A'),
            'a/threats.tm': 'threat Spoof "Spoofed caller" { stride Spoofing targets User }\n',
            'b/model.tm': SERVICE('B', 'Service B'),
        });
        const userFindings = (file: typeof aModel): string[] => findings(file!).filter(f => f.includes("External entity 'User' has no threat"));
        assert.deepEqual(userFindings(aModel), [
            "tm/stride-missing @4:10-4:14 External entity 'User' has no threat for Repudiation. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
        ]);
        assert.deepEqual(userFindings(bModel), [
            "tm/stride-missing @4:10-4:14 External entity 'User' has no threat for Spoofing and Repudiation. Add a threat that targets it for each, or an 'exclude' saying why a category does not matter.",
        ]);
    });

    it('says a name exists in another model when a reference names it', async () => {
        const [, bThreats] = await checkWorkspace({
            'a/model.tm': SERVICE('A', 'Service A') + 'datastore Ledger "Ledger"\n',
            'b/threats.tm': 'system B "Service B"\nthreat Leak "Leak" { stride InformationDisclosure targets Ledger }\n',
        });
        assert.deepEqual(findings(bThreats!).filter(f => f.includes('Ledger')), [
            "linking-error @2:59-2:65 Unknown DFD element (external, process, datastore or flow) 'Ledger' in this model: 'Ledger' is declared in another model (system 'A' in /workspace/a), and each model sees only its own names. Declare it in this model, or correct the name.",
        ]);
    });

    it('checks the TMA background per model, and reports a second system in one model root', async () => {
        const [a, b, c] = await checkWorkspace({
            'a/model.tm': SERVICE('A', 'Service A'),
            'b/model.tm': 'system B "Service B"\nprocess P "P"\n',
            'b/more.tm': 'system B2 "Service B again"\n',
        });
        assert.deepEqual(findings(a!).filter(f => f.startsWith('tm/background-missing')), []);
        assert.deepEqual(findings(b!).filter(f => f.startsWith('tm/background-missing') || f.startsWith('tm/system-duplicate')), [
            'tm/background-missing @1:8-1:9 The model has no system description, scenario, assumption or dependency. Threat Model Analysis starts from this background (step 1): describe the system, its use-case scenarios, the assumptions made and the external dependencies.',
        ]);
        assert.deepEqual(findings(c!).filter(f => f.startsWith('tm/system-duplicate')), [
            "tm/system-duplicate @1:8-1:10 This folder's model already has system 'B'; one model has one system. Move this file into a folder of its own to make it a separate model, or remove this system.",
        ]);
    });
});

describe('threat rules across models (DESIGN.md §8.3, §9)', () => {
    const rule = (name: string): string =>
        `rule ${name} "Traffic in clear" {\n    on flow\n    stride InformationDisclosure\n    when not encrypted\n    cwe 319\n    description "d"\n    mitigation "m"\n}\n`;
    const suggestions = (file: Awaited<ReturnType<typeof checkWorkspace>>[number]): string[] =>
        file.diagnostics.filter(d => d.code === 'tm/rule-suggests').map(d => d.message.split(' ').slice(0, 4).join(' ')).sort();

    it('applies a rule declared below no system to every model, and a model\'s own rule to that model alone', async () => {
        const [, svc, other] = await checkWorkspace({
            'shared-rules.tm': rule('SharedClearText'),
            'svc/model.tm': 'system S "S"\nprocess A "A"\ndatastore D "D"\nflow F: A -> D "f"\n',
            'other/model.tm': `system O "O"\n${rule('OtherClearText')}process B "B"\ndatastore E "E"\nflow G: B -> E "g"\n`,
        });
        const own = suggestions(svc!);
        assert.ok(own.some(m => m.includes('SharedClearText')), own.join(' | '));
        assert.ok(!own.some(m => m.includes('OtherClearText')), own.join(' | '));
        const others = suggestions(other!);
        assert.ok(others.some(m => m.includes('SharedClearText')) && others.some(m => m.includes('OtherClearText')), others.join(' | '));
    });

    it('resolves `rule R` to a rule of a file below no system from any model', async () => {
        const [, svc] = await checkWorkspace({
            'shared-rules.tm': rule('SharedClearText'),
            'svc/model.tm': 'system S "S"\nprocess A "A"\nthreat T "t" { stride Spoofing targets A rule SharedClearText }\n',
        });
        assert.deepEqual(svc!.diagnostics.filter(d => (d.data as { code?: string } | undefined)?.code === 'linking-error').map(d => d.message), []);
    });
});
