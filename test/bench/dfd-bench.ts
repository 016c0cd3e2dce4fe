/**
 * `npm run bench:phases`, DFD part: how long the diagram of a 100-, 500- and 1,000-node model takes from
 * the built workspace to the SVG the preview shows — building the graph, writing DOT, and the
 * Graphviz (WebAssembly) layout + SVG rendering that dominates. Extra arguments are the node
 * counts to run (e.g. `node out/tsc/test/bench/dfd-bench.js 2000`).
 */
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { buildDfdModel } from '../../language-server/src/dfd/build-graph.js';
import { toDot } from '../../language-server/src/dfd/dot.js';
import { loadGraphviz, renderSvgWith } from '../../language-server/src/dfd/svg.js';
import type { Model } from '../../language-server/src/generated/ast.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';

const RUNS = 3;

/** Elapsed and CPU milliseconds; CPU time is the steadier figure on a shared machine. */
interface Span {
    readonly wall: number;
    readonly cpu: number;
}

function stamp(): Span {
    const { user, system } = process.cpuUsage();
    return { wall: performance.now(), cpu: (user + system) / 1000 };
}

function between(from: Span, to: Span): Span {
    return { wall: to.wall - from.wall, cpu: to.cpu - from.cpu };
}
const requested = process.argv.slice(2).map(Number).filter(n => Number.isInteger(n) && n > 0);
const SIZES = requested.length > 0 ? requested : [100, 500, 1_000];

/** Nodes per unit: a trust boundary with one external entity, three processes and two data stores. */
const UNIT_NODES = 6;
/** Units per region: the outer boundary that the units' boundaries nest in. */
const REGION_UNITS = 8;

/**
 * A model of `nodes` DFD nodes (rounded up to whole units of six) and two flows for every three
 * nodes: within each unit, and from each unit to the previous one, so that the layout has to route
 * edges between clusters. A third of the elements carry a threat, so there are marks to draw.
 */
export function dfdBenchModel(nodes: number): string {
    const units = Math.ceil(nodes / UNIT_NODES);
    const out: string[] = [];
    for (let u = 0; u < units; u++) {
        if (u % REGION_UNITS === 0) out.push(`boundary Region${u / REGION_UNITS} "Region ${u / REGION_UNITS}" {`);
        out.push(
            `  boundary Zone${u} "Zone ${u}" {`,
            `    external User${u} "Customer browser ${u}"`,
            `    process Web${u} "Web front end ${u}" { entrypoint }`,
            `    process Worker${u} "Order worker ${u}"`,
            `    process Auth${u} "Auth service ${u}"`,
            `    datastore Db${u} "Orders DB ${u}" { logs }`,
            `    datastore Cache${u} "Session cache ${u}"`,
            '  }',
        );
        if (u % REGION_UNITS === REGION_UNITS - 1 || u === units - 1) out.push('}');
    }
    for (let u = 0; u < units; u++) {
        const previous = (u + units - 1) % units;
        out.push(
            `flow Req${u}: User${u} -> Web${u} "Submit request" { protocol "HTTPS" encrypted }`,
            `flow Job${u}: Web${u} -> Worker${u} "Enqueue job"`,
            `flow Save${u}: Worker${u} -> Db${u} "Insert row"`,
            `flow Session${u}: Web${u} -> Cache${u} "Read session"`,
            `flow Check${u}: Web${u} -> Auth${previous} "Check session"`,
            `threat Spoof${u} "Stolen session replayed" { stride Spoofing targets User${u}, Web${u} response accept justification "Short sessions." }`,
            `threat Tamper${u} "Rows altered" { stride Tampering targets Db${u}, Save${u} }`,
        );
    }
    return `${out.join('\n')}\n`;
}

const { shared, ThreatModel } = createThreatModelServices(EmptyFileSystem);

async function buildWorkspace(text: string): Promise<LangiumDocument<Model>> {
    const documents = shared.workspace.LangiumDocuments;
    await shared.workspace.DocumentBuilder.update([], documents.all.map(d => d.uri).toArray());
    const document = shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse('file:///bench/dfd.tm'));
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

function best(spans: readonly Span[]): Span {
    return spans.reduce((a, b) => (b.cpu < a.cpu ? b : a));
}

function cell(value: string | number, width = 11): string {
    return String(value).padStart(width);
}

const viz = await loadGraphviz();
console.log(`\nDFD overview: graph from the built model, DOT, then Graphviz ${viz.graphvizVersion} (WebAssembly) layout + SVG;`);
console.log(`best of ${RUNS} runs, CPU milliseconds of this process ("wall" is the elapsed layout + SVG time).\n`);
console.log(['nodes', 'flows', 'boundaries', 'graph', 'dot', 'layout+svg', 'wall', 'svg KB'].map(h => cell(h)).join(' '));
// Warm-up: Graphviz's first layout includes compiling parts of the WebAssembly module.
const warmUp = (await buildWorkspace(dfdBenchModel(30))).parseResult.value;
renderSvgWith(viz, toDot(buildDfdModel([warmUp], ThreatModel.workspace.ModelIndex.coverage(warmUp)).overview));
for (const size of SIZES) {
    const document = await buildWorkspace(dfdBenchModel(size));
    const graph: Span[] = [];
    const dot: Span[] = [];
    const layout: Span[] = [];
    let svgBytes = 0;
    let counts = [0, 0, 0];
    for (let run = 0; run < RUNS; run++) {
        const t0 = stamp();
        const diagram = buildDfdModel([document.parseResult.value], ThreatModel.workspace.ModelIndex.coverage(document.parseResult.value)).overview;
        const t1 = stamp();
        const text = toDot(diagram);
        const t2 = stamp();
        const svg = renderSvgWith(viz, text);
        const t3 = stamp();
        graph.push(between(t0, t1));
        dot.push(between(t1, t2));
        layout.push(between(t2, t3));
        svgBytes = Buffer.byteLength(svg);
        counts = [diagram.nodes.length, diagram.edges.length, diagram.boundaries.length];
    }
    const l = best(layout);
    console.log([...counts, best(graph).cpu.toFixed(1), best(dot).cpu.toFixed(1), l.cpu.toFixed(0), l.wall.toFixed(0), (svgBytes / 1024).toFixed(0)]
        .map(c => cell(c)).join(' '));
}
