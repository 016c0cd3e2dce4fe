import * as assert from 'node:assert/strict';
import { checkModel, checkWorkspace, describeFinding } from './helpers/workspace.js';

/** A complete background, so that only the finding under test remains. */
const BACKGROUND = 'system S "s" { description "What it does." }\nassumption A "a"\ndependency D "d"\n';

/** The findings of one code, as `code @line:col-line:col` with the message. */
async function findingsOf(code: string, text: string): Promise<Array<{ at: string; message: string }>> {
    const { diagnostics } = await checkModel(text);
    return diagnostics.filter(d => d.code === code).map(d => ({ at: describeFinding(d), message: d.message }));
}

describe('TMA step 1: background', () => {
    it('tm/background-missing lists every missing part once, on the system name', async () => {
        assert.deepEqual(await findingsOf('tm/background-missing', 'process P "p"\nsystem S "s"'), [{
            at: 'tm/background-missing @2:8-2:9',
            message: 'The model has no system description, scenario, assumption or dependency. Threat Model Analysis starts from this background (step 1): ' +
                'describe the system, its use-case scenarios, the assumptions made and the external dependencies.',
        }]);
    });

    it('tm/background-missing goes on the first declaration of the first file without a system, and names only what is missing', async () => {
        const [a, b] = await checkWorkspace({ 'a.tm': 'process P "p"\nflow F: P -> P "f"\nscenario Sc "s" { flows F }', 'b.tm': 'assumption A "a"\ndependency D "d"' });
        assert.deepEqual(a!.diagnostics.filter(d => d.code === 'tm/background-missing').map(d => [describeFinding(d), d.data]), [
            ['tm/background-missing @1:9-1:10', { code: 'tm/background-missing', missing: ['system description'] }],
        ]);
        assert.deepEqual(b!.diagnostics.filter(d => d.code === 'tm/background-missing'), []);
    });

    it('tm/background-missing is not reported when the background is complete', async () => {
        assert.deepEqual(await findingsOf('tm/background-missing', `${BACKGROUND}process P "p"\nflow F: P -> P "f"\nscenario Sc "s" { flows F }`), []);
    });

    it('tm/scenario-empty is reported on a scenario without flows, and not on one with flows', async () => {
        assert.deepEqual(await findingsOf('tm/scenario-empty', 'process P "p"\nflow F: P -> P "f"\nscenario Empty "e"\nscenario Full "f" { flows F }'), [{
            at: 'tm/scenario-empty @3:10-3:15',
            message: "Scenario 'Empty' lists no flows. Add 'flows <Flow>, …' for the data flows the scenario goes through.",
        }]);
    });

    it('tm/element-in-no-scenario is reported on elements outside every scenario once scenarios exist', async () => {
        const model = 'process P "p"\nprocess Q "q"\ndatastore Db "db"\nflow F: P -> Q "f"\nflow G: Q -> Db "g"\nscenario Sc "s" { flows F }';
        assert.deepEqual(await findingsOf('tm/element-in-no-scenario', model), [
            { at: 'tm/element-in-no-scenario @3:11-3:13', message: "Data store 'Db' takes part in no scenario: no flow of a scenario starts or ends at it. Add it to the scenario it belongs to, or remove it if it is no longer part of the design." },
            { at: 'tm/element-in-no-scenario @5:6-5:7', message: "Flow 'G' takes part in no scenario: no scenario lists it. Add it to the scenario it belongs to, or remove it if it is no longer part of the design." },
        ]);
    });

    it('tm/element-in-no-scenario is not reported while the model has no scenario', async () => {
        assert.deepEqual(await findingsOf('tm/element-in-no-scenario', 'process P "p"\ndatastore Db "db"\nflow G: P -> Db "g"'), []);
    });

    it('tm/external-without-flow is reported on an external entity no flow starts or ends at', async () => {
        assert.deepEqual(await findingsOf('tm/external-without-flow', 'external Lonely "l"\nexternal User "u"\nprocess P "p"\nflow F: User -> P "f"'), [{
            at: 'tm/external-without-flow @1:10-1:16',
            message: "External entity 'Lonely' sends and receives no flow. Add the flows it exchanges with the system, or remove it.",
        }]);
    });
});

const DFD = 'boundary Outside "o" { external User "u" }\nboundary Inside "i" { process Api "a" boundary Core "c" { datastore Db "db" } }\n';

describe('TMA step 2: entry points, trust boundaries and assets', () => {
    it('tm/boundary-crossing-unprotected names what a crossing flow lacks, in the message and in data', async () => {
        const { diagnostics } = await checkModel(`${DFD}flow In: User -> Api "in" { encrypted }\nflow Store: Api -> Db "store"`);
        assert.deepEqual(diagnostics.filter(d => d.code === 'tm/boundary-crossing-unprotected').map(d => ({ at: describeFinding(d), message: d.message, data: d.data })), [
            {
                at: 'tm/boundary-crossing-unprotected @3:6-3:8',
                message: "Flow 'In' crosses the trust boundaries 'Outside' and 'Inside' but is not authenticated. Protect it (TLS, signatures, mutual authentication) and mark it 'authenticated'.",
                data: { code: 'tm/boundary-crossing-unprotected', properties: ['authenticated'] },
            },
            {
                at: 'tm/boundary-crossing-unprotected @4:6-4:11',
                message: "Flow 'Store' crosses the trust boundary 'Core' but is neither encrypted nor authenticated. Protect it (TLS, signatures, mutual authentication) and mark it 'encrypted' and 'authenticated'.",
                data: { code: 'tm/boundary-crossing-unprotected', properties: ['encrypted', 'authenticated'] },
            },
        ]);
    });

    it('tm/boundary-crossing-unprotected is not reported for protected flows or flows inside one boundary', async () => {
        assert.deepEqual(await findingsOf('tm/boundary-crossing-unprotected',
            `${DFD}process Helper "h"\nflow In: User -> Api "in" { encrypted authenticated }\nflow Local: Helper -> Helper "l"\nflow Unresolved: Nowhere -> Api "u"`), []);
    });

    it('tm/entrypoint-missing is a hint on a process a flow enters from outside its boundary', async () => {
        const { diagnostics } = await checkModel(`${DFD}process Free "f"\nflow In: User -> Api "in"\nflow Out: Api -> Free "out"`);
        assert.deepEqual(diagnostics.filter(d => d.code === 'tm/entrypoint-missing').map(d => [describeFinding(d), d.severity, d.message]), [
            ['tm/entrypoint-missing @2:31-2:34', 4, "Process 'Api' receives flow 'In' from outside its trust boundary, so it is an entry point. Mark it 'entrypoint'."],
        ]);
    });

    it('tm/entrypoint-missing is not reported once the process is marked entrypoint, or for flows from inside its boundary', async () => {
        const marked = 'boundary Outside "o" { external User "u" }\nboundary Inside "i" { process Api "a" { entrypoint } boundary Core "c" { process Worker "w" } }\n';
        assert.deepEqual(await findingsOf('tm/entrypoint-missing', `${marked}flow In: User -> Api "in"\nflow Up: Worker -> Api "up"`), []);
    });

    it('tm/boundary-not-crossed is a hint on a boundary no flow crosses', async () => {
        assert.deepEqual(await findingsOf('tm/boundary-not-crossed', `${DFD}flow In: User -> Api "in"`), [{
            at: 'tm/boundary-not-crossed @2:48-2:52',
            message: "No flow crosses trust boundary 'Core'. Add the flows that enter or leave it, or remove the boundary.",
        }]);
    });

    it('tm/asset-unused is a hint on an asset no flow carries and no data store stores', async () => {
        const model = 'asset Carried "c"\nasset Stored "s"\nasset Idle "i"\nprocess P "p"\ndatastore Db "db" { stores Stored }\nflow F: P -> Db "f" { carries Carried }';
        assert.deepEqual(await findingsOf('tm/asset-unused', model), [{
            at: 'tm/asset-unused @3:7-3:11',
            message: "Asset 'Idle' is carried by no flow and stored in no data store. Add 'carries Idle' to a flow or 'stores Idle' to a data store.",
        }]);
    });

    it('tm/threat-without-asset is a hint on a threat without assets whose targets hold some, with their names in data', async () => {
        const model = 'asset Card "c"\nprocess P "p"\ndatastore Db "db" { stores Card }\n' +
            'threat Bare "b" { stride Tampering targets Db }\nthreat Named "n" { stride Tampering targets Db assets Card }\nthreat OnProcess "p" { stride Spoofing targets P }';
        const { diagnostics } = await checkModel(model);
        assert.deepEqual(diagnostics.filter(d => d.code === 'tm/threat-without-asset').map(d => [describeFinding(d), d.message, d.data]), [[
            'tm/threat-without-asset @4:8-4:12',
            "Threat 'Bare' names no asset, but its targets hold Card. Add 'assets …' for what the threat puts at risk.",
            { code: 'tm/threat-without-asset', assets: ['Card'] },
        ]]);
    });
});
