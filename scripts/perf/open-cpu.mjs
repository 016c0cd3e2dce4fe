// Open → first diagnostics of the bundled server over stdio, as npm run bench measures it (test/bench/lsp-timing.ts),
// for comparing start-up variants on a busy machine: rounds alternate between the variants, and each reports the
// server's own CPU time (from /proc) at initialize and from didOpen to the diagnostics, which load disturbs less
// than the wall-clock latency, and the main thread's alone (without the collector's helper threads).
// Usage (after npm run build): node scripts/perf/open-cpu.mjs ELEMENTS ROUNDS 'LABEL=[ENV=VALUE…] [--node-flag…] SERVER.cjs'…
// e.g. node scripts/perf/open-cpu.mjs 1000 7 'plain=TML_CODE_CACHE=0 out/language-server/main.cjs' 'cache=out/language-server/main.cjs'
import { LanguageServerProcess } from '../../out/tsc/test/lsp/helpers/language-server-process.js';
import { oneFileModel } from '../../out/tsc/test/bench/workloads.js';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
const cpuOf = (pid, file = `/proc/${pid}/stat`) => { const f = readFileSync(file, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const [elements, rounds, ...variants] = process.argv.slice(2);
const text = oneFileModel(Number(elements));
const URI = 'file:///bench/model.tm';
const parse = v => { const at = v.indexOf('='); const words = v.slice(at + 1).split(' ').filter(Boolean);
  const env = Object.fromEntries(words.filter(w => /^[A-Z_]+=/.test(w)).map(w => w.split('=')));
  return { label: v.slice(0, at), env, args: words.filter(w => !/^[A-Z_]+=/.test(w)) }; };
async function run({ env, args }) {
  const s = new LanguageServerProcess([process.execPath, ...args, '--stdio'], { ...process.env, ...env });
  try {
    const pid = s.process.pid; const mainThread = `/proc/${pid}/task/${pid}/stat`;
    await s.initialize(); const c0 = cpuOf(pid); const m0 = cpuOf(pid, mainThread); const t = performance.now();
    await s.open(URI, text); await s.nextDiagnostics(URI, 0, 120000);
    const wall = performance.now() - t; const cpu = cpuOf(pid) - c0; const main = cpuOf(pid, mainThread) - m0;
    await s.shutdown(); return { init: c0, cpu, main, wall };
  } finally { await s.dispose(); }
}
const med = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const all = variants.map(parse); const res = new Map(all.map(v => [v.label, []]));
console.log('load before', loadavg().map(x => x.toFixed(2)).join(' '));
for (let r = 0; r < Number(rounds); r++) for (const v of all) res.get(v.label).push(await run(v));
for (const [label, xs] of res) console.log(`${label.padEnd(12)} start cpu ${med(xs.map(x => x.init))} ms, open cpu median ${med(xs.map(x => x.cpu))} min ${Math.min(...xs.map(x => x.cpu))} ms, main thread median ${med(xs.map(x => x.main))} min ${Math.min(...xs.map(x => x.main))} ms, open wall median ${med(xs.map(x => x.wall)).toFixed(0)} ms (${xs.length} servers)`);
console.log('load after', loadavg().map(x => x.toFixed(2)).join(' '));
