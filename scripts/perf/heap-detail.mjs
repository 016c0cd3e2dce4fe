// For a heap snapshot: objects of one group (as summarise-heap.mjs names them), by their shape
// (outgoing property names) and by what refers to them (retainer's group and edge name).
// Usage: node --max-old-space-size=4096 scripts/perf/heap-detail.mjs FILE GROUP [TOP]
import { readFileSync } from 'node:fs';

const s = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const group = process.argv[3];
const top = Number(process.argv[4] ?? 15);
const nf = s.snapshot.meta.node_fields, ef = s.snapshot.meta.edge_fields;
const ntypes = s.snapshot.meta.node_types[0], etypes = s.snapshot.meta.edge_types[0];
const NS = nf.length, ES = ef.length;
const [nt, nn, nsz, nec] = ['type', 'name', 'self_size', 'edge_count'].map(f => nf.indexOf(f));
const [et, en, eto] = ['type', 'name_or_index', 'to_node'].map(f => ef.indexOf(f));
const N = s.nodes.length / NS;
const groupOf = i => { const t = ntypes[s.nodes[i * NS + nt]]; return t === 'object' || t === 'closure' ? `${t}:${s.strings[s.nodes[i * NS + nn]]}` : t; };
const firstEdge = new Uint32Array(N + 1);
for (let i = 0, e = 0; i < N; i++) { firstEdge[i] = e; e += s.nodes[i * NS + nec]; firstEdge[i + 1] = e; }
const edgeName = e => { const t = etypes[s.edges[e * ES + et]]; const v = s.edges[e * ES + en]; return t === 'element' || t === 'hidden' ? `[${t}]` : s.strings[v]; };
const shapes = new Map(), retainers = new Map();
const samples = [];
for (let i = 0; i < N; i++) {
    if (groupOf(i) !== group) continue;
    const names = [];
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e++) { const t = etypes[s.edges[e * ES + et]]; if (t === 'property' || t === 'internal') names.push(edgeName(e)); }
    const key = [...new Set(names)].slice(0, 14).join(',');
    const entry = shapes.get(key) ?? { n: 0, size: 0 }; entry.n++; entry.size += s.nodes[i * NS + nsz]; shapes.set(key, entry);
    if (samples.length < 5 && ntypes[s.nodes[i * NS + nt]].includes('string')) samples.push(s.strings[s.nodes[i * NS + nn]].slice(0, 80));
}
for (let i = 0; i < N; i++) {
    for (let e = firstEdge[i]; e < firstEdge[i + 1]; e++) {
        const to = s.edges[e * ES + eto] / NS;
        if (groupOf(to) !== group) continue;
        const t = etypes[s.edges[e * ES + et]];
        if (t === 'weak') continue;
        const key = `${groupOf(i)} .${edgeName(e)}`;
        retainers.set(key, (retainers.get(key) ?? 0) + 1);
    }
}
console.log('shapes:'); for (const [k, v] of [...shapes].sort((a, b) => b[1].size - a[1].size).slice(0, top)) console.log(`  ${(v.size / 2 ** 20).toFixed(1)} MB ${v.n}  {${k}}`);
console.log('referred to by:'); for (const [k, v] of [...retainers].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${v}  ${k}`);
if (samples.length) console.log('samples:', samples);
