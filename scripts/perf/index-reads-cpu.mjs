// CPU time of validating one N-element file (test/bench/workloads.ts) in a fresh process, from the end of indexing the
// references to the end of the build, with a given recording of index reads: `new` (workspace/index-reads.ts), `ref`
// (the previous one, test/unit/helpers/reference-index-reads.ts) or `none` (the CLI's, workspace/unrecorded-index-reads.ts).
// Each run is its own process (cold, as a language server opening a file); runs alternate between the kinds.
// Usage (after npm run build): node scripts/perf/index-reads-cpu.mjs ELEMENTS ROUNDS [KIND,KIND…]
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
const [elements = '1000', rounds = '5', kinds = 'ref,new,none', child] = process.argv.slice(2);
if (child === undefined) {
  const res = new Map(kinds.split(',').map(k => [k, []]));
  console.log('load before', loadavg().map(x => x.toFixed(2)).join(' '));
  for (let r = 0; r < Number(rounds); r++) for (const k of res.keys()) {
    res.get(k).push(Number(execFileSync(process.execPath, [new URL(import.meta.url).pathname, elements, '1', k, 'child'], { encoding: 'utf8' })));
  }
  const med = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const [k, xs] of res) console.log(`${k.padEnd(5)} validation cpu median ${med(xs)} ms, min ${Math.min(...xs)} (${xs.length} processes)`);
  console.log('load after', loadavg().map(x => x.toFixed(2)).join(' '));
} else {
  const { EmptyFileSystem, URI, DocumentState } = await import('langium');
  const { createThreatModelServices } = await import('../../out/tsc/language-server/src/threat-model-module.js');
  const { IndexReads } = await import('../../out/tsc/language-server/src/workspace/index-reads.js');
  const { UnrecordedIndexReads } = await import('../../out/tsc/language-server/src/workspace/unrecorded-index-reads.js');
  const { ReferenceIndexReads } = await import('../../out/tsc/test/unit/helpers/reference-index-reads.js');
  const { oneFileModel } = await import('../../out/tsc/test/bench/workloads.js');
  const make = { new: () => new IndexReads(), ref: () => new ReferenceIndexReads(), none: () => new UnrecordedIndexReads() }[kinds];
  const { shared } = createThreatModelServices({ ...EmptyFileSystem, indexReads: make });
  const document = shared.workspace.LangiumDocumentFactory.fromString(oneFileModel(Number(elements)), URI.parse('file:///bench/model.tm'));
  shared.workspace.LangiumDocuments.addDocument(document);
  let start;
  shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.IndexedReferences, () => { start = process.cpuUsage(); });
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  const used = process.cpuUsage(start);
  process.stdout.write(String(Math.round((used.user + used.system) / 1000)));
}
