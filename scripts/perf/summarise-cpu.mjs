// Inclusive CPU time by function of a .cpuprofile of the bundled server (node --cpu-prof …/main.cjs), mapped to the
// sources through the bundle's source map (MAP=…, default out/language-server/server.cjs.map, the server main.cjs loads).
// Usage: node scripts/perf/summarise-cpu.mjs FILE.cpuprofile [SKIP_FIRST_MS] [NAME_FILTER] [TOP]
// SKIP_FIRST_MS leaves out the start (e.g. opening the file) so that the rest is the keystrokes.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
const [file, skip = '0', pat = '', top='60'] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const map = new SourceMap(JSON.parse(readFileSync(process.env.MAP ?? new URL('../../out/language-server/server.cjs.map', import.meta.url), 'utf8')));
const parent = new Map(); const byId = new Map(prof.nodes.map(n => [n.id, n]));
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = new Map();
for (const n of prof.nodes) { const cf = n.callFrame; let src = cf.url.split('/').pop();
  src = cf.url.replace(/.*node_modules\//, "nm/").replace(/.*out\/tsc\//, "") + ":" + (cf.lineNumber + 1); if (cf.url.endsWith('server.cjs') && cf.lineNumber >= 0) { const e = map.findEntry(cf.lineNumber, cf.columnNumber); if (e && e.originalSource) src = e.originalSource.replace(/.*node_modules\//, 'nm/').replace(/.*language-server\/src\//, 'src/') + ':' + (e.originalLine + 1); }
  name.set(n.id, `${cf.functionName || '(anon)'} ${src}`); }
const incl = new Map(); let t = 0, total = 0;
for (let i = 0; i < prof.samples.length; i++) { const d = prof.timeDeltas[i] ?? 0; t += d; if (t / 1000 < Number(skip)) continue; total += d;
  const seen = new Set(); let id = prof.samples[i];
  while (id !== undefined) { const k = name.get(id); if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + d); } id = parent.get(id); } }
console.log('window ms', (total/1000).toFixed(0), 'of', (t/1000).toFixed(0));
[...incl].filter(([k]) => k.includes(pat)).sort((a, b) => b[1] - a[1]).slice(0, Number(top)).forEach(([k, v]) => console.log((v/1000).toFixed(0).padStart(7), (100*v/total).toFixed(1).padStart(5)+'%', k));
