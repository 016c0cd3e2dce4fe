import * as assert from 'node:assert/strict';
import type { StrideCategory } from '../../language-server/src/generated/ast.js';
import { collapseBoundaries, diagramCounts, topLevelBoundaries } from '../../language-server/src/shared/dfd/collapse.js';
import { toDot } from '../../language-server/src/dfd/dot.js';
import type { DfdBoundary, DfdDiagram, DfdEdge, DfdNode, DfdNodeKind } from '../../language-server/src/shared/dfd/graph.js';
import { renderSvg } from '../../language-server/src/dfd/svg.js';

const location = { uri: 'file:///workspace/m.tm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, selection: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };

function boundary(id: string, parent?: string): DfdBoundary {
    return { id, name: id, title: `${id} zone`, location, ...(parent ? { parent } : {}) };
}
function node(id: string, kind: DfdNodeKind, within?: string, open: StrideCategory[] = []): DfdNode {
    return { id, name: id, title: id, location, coverage: [], open, kind, ...(within ? { boundary: within } : {}) };
}
function flow(id: string, source: string, target: string, open: StrideCategory[] = []): DfdEdge {
    return { id, name: id, title: `${id} title`, location, coverage: [], open, kind: 'flow', source, target, encrypted: false, authenticated: false };
}

/** Cloud holds Web and, in Vpc, Api (open) and Db; Office holds Admin; User is outside. */
const diagram: DfdDiagram = {
    scenario: null,
    title: 'Overview',
    boundaries: [boundary('Cloud'), boundary('Vpc', 'Cloud'), boundary('Office')],
    nodes: [node('User', 'external'), node('Web', 'process', 'Cloud'), node('Api', 'process', 'Vpc', ['Tampering']), node('Db', 'datastore', 'Vpc'), node('Admin', 'external', 'Office')],
    edges: [
        flow('F1', 'User', 'Web'),
        flow('F2', 'Web', 'Api'),
        flow('F3', 'Api', 'Db', ['Tampering']),
        flow('F4', 'User', 'Api'),
        flow('F5', 'Admin', 'Api'),
        flow('F6', 'Admin', 'Db'),
        flow('F7', 'Web', 'User'),
    ],
};
const ids = (items: readonly { id: string }[] | undefined): string[] => (items ?? []).map(i => i.id);
const ends = (edges: readonly DfdEdge[]): string[] => edges.map(e => `${e.id}: ${e.source} -> ${e.target}`);

describe('collapsed boundaries (docs/dfd.md)', () => {
    it('hides a collapsed boundary\'s contents, nested boundaries too, and re-attaches and merges its flows', () => {
        const collapsed = collapseBoundaries(diagram, ['Cloud']);
        assert.deepEqual(ids(collapsed.boundaries), ['Office']);
        assert.deepEqual(ids(collapsed.nodes), ['User', 'Admin']);
        assert.deepEqual(collapsed.collapsed, [{ ...boundary('Cloud'), elements: 3, flows: 2, open: 2 }]);
        assert.deepEqual(ends(collapsed.edges), ['F7: Cloud -> User']);
        assert.deepEqual(collapsed.merged, [
            { id: 'User-Cloud', source: 'User', target: 'Cloud', flows: [{ id: 'F1', title: 'F1 title', open: false }, { id: 'F4', title: 'F4 title', open: false }], open: false },
            { id: 'Admin-Cloud', source: 'Admin', target: 'Cloud', flows: [{ id: 'F5', title: 'F5 title', open: false }, { id: 'F6', title: 'F6 title', open: false }], open: false },
        ]);
        assert.deepEqual(topLevelBoundaries(collapsed), ['Office', 'Cloud']);
    });

    it('collapses a nested boundary inside its parent, which stays drawn', () => {
        const collapsed = collapseBoundaries(diagram, ['Vpc']);
        assert.deepEqual(ids(collapsed.boundaries), ['Cloud', 'Office']);
        assert.deepEqual(ids(collapsed.nodes), ['User', 'Web', 'Admin']);
        assert.deepEqual(collapsed.collapsed, [{ ...boundary('Vpc', 'Cloud'), elements: 2, flows: 1, open: 2 }]);
        assert.deepEqual(ends(collapsed.edges), ['F1: User -> Web', 'F2: Web -> Vpc', 'F4: User -> Vpc', 'F7: Web -> User']);
        assert.deepEqual(collapsed.merged, [{ id: 'Admin-Vpc', source: 'Admin', target: 'Vpc', flows: [{ id: 'F5', title: 'F5 title', open: false }, { id: 'F6', title: 'F6 title', open: false }], open: false }]);
    });

    it('marks a merged flow open when one of its flows is, and draws flows between two collapsed boundaries once per direction', () => {
        const both = { ...diagram, edges: [...diagram.edges, flow('F8', 'Db', 'Admin', ['Spoofing'])] };
        const collapsed = collapseBoundaries(both, ['Cloud', 'Office', 'Vpc', 'NoSuchBoundary']);
        assert.deepEqual(ids(collapsed.nodes), ['User']);
        assert.deepEqual(ids(collapsed.collapsed), ['Cloud', 'Office']);
        assert.deepEqual(ends(collapsed.edges), ['F7: Cloud -> User', 'F8: Cloud -> Office']);
        assert.deepEqual(collapsed.merged?.map(m => [m.id, m.flows.length, m.open]), [['User-Cloud', 2, false], ['Office-Cloud', 2, false]]);
        assert.deepEqual(collapsed.collapsed?.map(b => [b.id, b.elements, b.flows, b.open]), [['Cloud', 3, 2, 2], ['Office', 1, 0, 0]]);
    });

    it('counts the same elements, flows and open ones however the boundaries are collapsed', () => {
        const withOpenMerged = { ...diagram, edges: [...diagram.edges, flow('F8', 'Admin', 'Db', ['Spoofing'])] };
        const merged = collapseBoundaries(withOpenMerged, ['Cloud']).merged?.find(m => m.id === 'Admin-Cloud');
        assert.deepEqual(merged?.flows.map(f => [f.id, f.open]), [['F5', false], ['F6', false], ['F8', true]]);
        assert.equal(merged?.open, true);
        for (const collapse of [[], ['Cloud'], ['Vpc'], ['Cloud', 'Office']]) {
            assert.deepEqual(diagramCounts(collapseBoundaries(withOpenMerged, collapse)), { elements: 5, flows: 8, open: 3 }, collapse.join());
        }
    });

    it('returns the diagram itself when nothing it has is to be collapsed', () => {
        assert.equal(collapseBoundaries(diagram, []), diagram);
        assert.equal(collapseBoundaries(diagram, ['User', 'F1']), diagram);
        assert.deepEqual(topLevelBoundaries(diagram), ['Cloud', 'Office']);
    });

    it('draws a collapsed boundary as a box in its parent cluster, and merged flows as one arrow labelled with their number', async () => {
        const dot = toDot(collapseBoundaries(diagram, ['Vpc']));
        assert.match(dot, /subgraph "cluster_Cloud" \{\n {4}graph \[[^\n]*\];\n {4}"Web" \[[^\n]*\];\n {4}"Vpc" \[id="dfd-Vpc", class="tm-collapsed tm-open", shape=box, style="dashed,rounded", penwidth=2, color="#8a5a00", fontcolor="#8a5a00", label=<Vpc zone<BR\/><FONT POINT-SIZE="9">2 elements <FONT COLOR="#c62828">⚠ 2 open<\/FONT><\/FONT>>, tooltip="Trust boundary 'Vpc', collapsed: 2 elements, 1 flow inside, 2 open"\];\n {2}\}/);
        assert.match(dot, /\n {2}"Admin" -> "Vpc" \[id="dfd-Admin-Vpc", class="tm-flow tm-merged", label=<2 flows>, tooltip="F5 title\\nF6 title", penwidth=1\.5\];\n\}\n$/);
        const svg = await renderSvg(dot);
        assert.match(svg, /<g id="dfd&#45;Vpc" class="node tm&#45;collapsed tm&#45;open">/);
        assert.match(svg, /<g id="dfd&#45;Admin&#45;Vpc" class="edge tm&#45;flow tm&#45;merged">/);
    });
});
