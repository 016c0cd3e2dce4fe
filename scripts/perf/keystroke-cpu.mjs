// Keystroke → diagnostics of the bundled server over stdio, as npm run bench measures it (test/bench/lsp-timing.ts:
// a character typed then deleted in a title in the middle of the one-file model), for comparing builds on a busy
// machine: rounds alternate between the servers given, and each also reports the server's own CPU time per edit
// (from /proc), which load disturbs far less than the wall-clock latency.
// Usage (after npm run build): node scripts/perf/keystroke-cpu.mjs ELEMENTS ROUNDS EDITS SERVER.cjs…
// PROF=dir adds --cpu-prof to the first server's first round; NODEFLAGS adds Node flags to every server;
// SYNTAX_ERROR=1 ends the model with an unfinished declaration, so that every parse meets a syntax error at the end.
import { LanguageServerProcess } from '../../out/tsc/test/lsp/helpers/language-server-process.js';
import { oneFileModel } from '../../out/tsc/test/bench/workloads.js';
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
const cpuOf = pid => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
const [elements, rounds, edits, ...servers] = process.argv.slice(2);
const text = oneFileModel(Number(elements)) + (process.env.SYNTAX_ERROR === '1' ? '\nflow Unfinished: \n' : '');
const URI = 'file:///bench/model.tm';
function positionAt(offset) { const b = text.slice(0, offset); return { line: b.split('\n').length - 1, character: offset - (b.lastIndexOf('\n') + 1) }; }
const titles = [...text.matchAll(/"Customer browser \d+/g)]; const m = titles[Math.floor(titles.length / 2)];
const at = positionAt(m.index + m[0].length); const after = { line: at.line, character: at.character + 1 };
async function run(server, prof) {
  const flags = (process.env.NODEFLAGS ?? '').split(' ').filter(Boolean); const args = prof ? [`--cpu-prof`, `--cpu-prof-dir=${prof}`, ...flags, server, '--stdio'] : [...flags, server, '--stdio'];
  const s = new LanguageServerProcess([process.execPath, ...args]);
  try {
    await s.initialize(); await s.open(URI, text); const first = await s.nextDiagnostics(URI, 0, 120000);
    const times = []; let c0 = 0;
    for (let i = 0; i < 5 + Number(edits); i++) {
      const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: after }, text: '' };
      if (i === 5) c0 = cpuOf(s.process.pid);
      const mark = s.mark(); const t = performance.now();
      await s.change(URI, [change]); const r = await s.nextDiagnostics(URI, mark, 120000);
      const e = performance.now() - t;
      if (r.diagnostics.length !== first.diagnostics.length) throw new Error('findings changed');
      if (i >= 5) times.push(e);
    }
    const cpu = (cpuOf(s.process.pid) - c0) / Number(edits);
    await s.shutdown(); return { times, n: first.diagnostics.length, cpu };
  } finally { await s.dispose(); }
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(Math.max(1, Math.ceil(p / 100 * s.length)), s.length) - 1]; };
const res = new Map(servers.map(s => [s, []])); const cpus = new Map(servers.map(s => [s, []]));
console.log('load before', loadavg().map(x => x.toFixed(2)).join(' '));
for (let r = 0; r < Number(rounds); r++) for (const sv of servers) {
  const { times, n, cpu } = await run(sv, r === 0 && sv === servers[0] ? process.env.PROF : undefined);
  res.get(sv).push(...times); cpus.get(sv).push(cpu);
  console.log(`round ${r} ${sv}: p50 ${pct(times, 50).toFixed(0)} p95 ${pct(times, 95).toFixed(0)} (${n} diags) cpu/edit ${cpu.toFixed(1)} ms`);
}
for (const [sv, t] of res) console.log(`${sv}: p50 ${pct(t, 50).toFixed(0)} ms p95 ${pct(t, 95).toFixed(0)} ms (${t.length} edits) cpu/edit median ${pct(cpus.get(sv), 50).toFixed(1)} ms`);
console.log('load after', loadavg().map(x => x.toFixed(2)).join(' '));
