import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DfdDiagram, DfdModel } from '../../language-server/src/shared/dfd/graph.js';
import { assertPinned, DESIGN_EXAMPLE, DFD_FIXTURES, dfdModelOf, exampleNames, filesBelow, modelJson, REPO_ROOT } from './dfd-helpers.js';

const ids = (items: readonly { readonly id: string }[]): string[] => items.map(i => i.id);

function scenario(model: DfdModel, name: string): DfdDiagram {
    const found = model.scenarios.find(d => d.scenario === name);
    assert.ok(found, `no scenario ${name}`);
    return found;
}

const NESTING = `
boundary Outer "Outer zone" {
    boundary Inner "Inner zone" {
        process P "Processor"
    }
    external E "Someone"
    boundary Empty "Nothing inside"
}
datastore Loose "Loose store"
flow F1: E -> P "one"
flow F2: P -> Loose "two"
flow Broken: P -> Nowhere "never drawn"
scenario Store "Storing" { flows F2 }
scenario Both "Both ways" { flows F2, F1, F2, Missing }
threat T "Tampered on the way" { stride Tampering targets F2 response fix mitigatedBy M }
threat U "Read on the way" { stride InformationDisclosure targets F1 }
mitigation M "Signed rows"
exclude InformationDisclosure on F2 "Nothing secret."
`;

describe('DFD builder', () => {
    let model: DfdModel;
    before(async () => {
        model = await dfdModelOf({ 'nesting.tm': NESTING });
    });

    it('puts every node, resolved flow and non-empty boundary in the overview, in declaration order', () => {
        assert.equal(model.overview.scenario, null);
        assert.equal(model.overview.title, 'Overview');
        assert.deepEqual(ids(model.overview.nodes), ['P', 'E', 'Loose']);
        assert.deepEqual(ids(model.overview.edges), ['F1', 'F2']);
        assert.deepEqual(ids(model.overview.boundaries), ['Outer', 'Inner']);
    });

    it('nests boundaries and records the innermost boundary of each node', () => {
        const boundaries = Object.fromEntries(model.overview.boundaries.map(b => [b.id, b.parent]));
        assert.deepEqual(boundaries, { Outer: undefined, Inner: 'Outer' });
        const nodes = Object.fromEntries(model.overview.nodes.map(n => [n.id, [n.kind, n.boundary]]));
        assert.deepEqual(nodes, { P: ['process', 'Inner'], E: ['external', 'Outer'], Loose: ['datastore', undefined] });
    });

    it('gives each scenario its flows (once, in its order), their end points and the boundaries around them', () => {
        assert.deepEqual(model.scenarios.map(d => [d.scenario, d.title]), [['Store', 'Storing'], ['Both', 'Both ways']]);
        const store = scenario(model, 'Store');
        assert.deepEqual([ids(store.nodes), ids(store.edges), ids(store.boundaries)], [['P', 'Loose'], ['F2'], ['Outer', 'Inner']]);
        const both = scenario(model, 'Both');
        assert.deepEqual([ids(both.nodes), ids(both.edges), ids(both.boundaries)], [['P', 'E', 'Loose'], ['F2', 'F1'], ['Outer', 'Inner']]);
    });

    it('marks the categories still open on each element, with the status of every applicable one', () => {
        const f2 = model.overview.edges.find(e => e.id === 'F2')!;
        assert.deepEqual(f2.coverage, [
            { category: 'Tampering', status: 'addressed', threats: ['T'], unaddressed: [] },
            { category: 'InformationDisclosure', status: 'excluded', threats: [], unaddressed: [], reason: 'Nothing secret.' },
            { category: 'DenialOfService', status: 'missing', threats: [], unaddressed: [] },
        ]);
        assert.deepEqual(f2.open, ['DenialOfService']);
        const f1 = model.overview.edges.find(e => e.id === 'F1')!;
        assert.deepEqual(f1.coverage.find(c => c.category === 'InformationDisclosure'), { category: 'InformationDisclosure', status: 'unmitigated', threats: ['U'], unaddressed: ['U'] });
        assert.deepEqual(f1.open, ['Tampering', 'InformationDisclosure', 'DenialOfService']);
        assert.deepEqual(model.overview.nodes.map(n => [n.id, n.open.length]), [['P', 6], ['E', 2], ['Loose', 3]]);
    });

    it('locates each element: the whole declaration, and its name to select', () => {
        const p = model.overview.nodes[0]!;
        assert.equal(p.location.uri, 'file:///workspace/nesting.tm');
        assert.deepEqual(p.location.selection, { start: { line: 3, character: 16 }, end: { line: 3, character: 17 } });
        assert.deepEqual(p.location.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 29 } });
    });

    it('draws flows between files and keeps names declared twice apart', async () => {
        const split = await dfdModelOf({
            'a.tm': 'process Api "API"\nprocess Api "Second API"\n',
            'b.tm': 'external User "User"\nflow Call: User -> Api "call"\n',
        });
        assert.deepEqual(split.overview.nodes.map(n => [n.id, n.name, n.title]), [['Api', 'Api', 'API'], ['Api__2', 'Api', 'Second API'], ['User', 'User', 'User']]);
        const [call] = split.overview.edges;
        assert.deepEqual([call?.source, call?.target, call?.location.uri], ['User', 'Api', 'file:///workspace/b.tm']);
    });

    it('draws what it can of a model that does not parse', async () => {
        const broken = await dfdModelOf({ 'broken.tm': 'process A "A"\nflow F: A -> Nowhere "f"\nscenario S "s" { flows F, Gone }\nprocess B "B" {\n' });
        assert.deepEqual(ids(broken.overview.nodes), ['A', 'B']);
        assert.deepEqual(ids(broken.overview.edges), []);
        assert.deepEqual(broken.scenarios.map(d => [d.scenario, d.nodes.length, d.edges.length]), [['S', 0, 0]]);
    });
});

describe('DFD builder on the DESIGN example and every example (pinned JSON)', () => {
    it('gives the DESIGN example the pinned overview and Checkout diagram', async () => {
        const files = { [DESIGN_EXAMPLE]: readFileSync(join(REPO_ROOT, DESIGN_EXAMPLE), 'utf8') };
        assertPinned('online-store.model.json', `${JSON.stringify(modelJson(await dfdModelOf(files)), undefined, 2)}\n`);
    });

    for (const example of exampleNames()) {
        it(`gives examples/${example} its pinned diagrams`, async () => {
            const model = await dfdModelOf(filesBelow(`examples/${example}`));
            assert.ok(model.overview.nodes.length > 0, 'the example has no DFD');
            assertPinned(`${example}.model.json`, `${JSON.stringify(modelJson(model), undefined, 2)}\n`);
        });
    }

    it('gives every scenario the overview\'s nodes at the ends of its flows and the boundaries around them, in declaration order', async () => {
        let scenarios = 0;
        for (const files of [{ 'nesting.tm': NESTING }, ...exampleNames().map(example => filesBelow(`examples/${example}`))]) {
            const { overview, scenarios: diagrams } = await dfdModelOf(files);
            const parent = new Map(overview.boundaries.map(b => [b.id, b.parent]));
            for (const diagram of diagrams) {
                const ends = new Set(diagram.edges.flatMap(e => [e.source, e.target]));
                const nodes = overview.nodes.filter(n => ends.has(n.id));
                const around = new Set(nodes.flatMap(n => {
                    const chain: string[] = [];
                    for (let id = n.boundary; id !== undefined; id = parent.get(id)) chain.push(id);
                    return chain;
                }));
                assert.deepEqual(diagram.nodes, nodes);
                assert.deepEqual(diagram.boundaries, overview.boundaries.filter(b => around.has(b.id)));
                scenarios++;
            }
        }
        assert.ok(scenarios >= 5, `only ${scenarios} scenarios compared`);
    });

    it('has a pinned file for every example and none for an example that is gone', () => {
        const pinned = readdirSync(DFD_FIXTURES).filter(name => name.endsWith('.model.json')).map(name => name.slice(0, -'.model.json'.length));
        assert.deepEqual(pinned.sort(), [...exampleNames(), 'online-store'].sort());
    });
});
