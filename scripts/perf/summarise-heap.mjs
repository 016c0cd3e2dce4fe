// Self size and count of a heap snapshot's objects by constructor name, largest first.
// Usage: node --max-old-space-size=4096 scripts/perf/summarise-heap.mjs FILE.heapsnapshot [TOP]
import { readFileSync } from 'node:fs';

const snapshot = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const fields = snapshot.snapshot.meta.node_fields;
const types = snapshot.snapshot.meta.node_types[0];
const stride = fields.length;
const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map(f => fields.indexOf(f));
const byName = new Map();
let total = 0;
for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + typeAt]];
    const name = type === 'object' || type === 'closure' ? `${type}:${snapshot.strings[snapshot.nodes[i + nameAt]]}` : type;
    const size = snapshot.nodes[i + sizeAt];
    const entry = byName.get(name) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count++;
    byName.set(name, entry);
    total += size;
}
console.log(`total ${(total / 2 ** 20).toFixed(1)} MB`);
for (const [name, { size, count }] of [...byName].sort((a, b) => b[1].size - a[1].size).slice(0, Number(process.argv[3] ?? 30))) {
    console.log(`${(size / 2 ** 20).toFixed(1).padStart(8)} MB ${String(count).padStart(9)}  ${name.slice(0, 90)}`);
}
