// Builds a folder of models as `tml check` does (out/tsc, after npm run build), then reports the
// heap after a full GC and, with --snapshot FILE, writes a heap snapshot for summarise-heap.mjs.
// Usage: node --expose-gc scripts/perf/heap-check.mjs FOLDER [--snapshot FILE]
import { writeHeapSnapshot } from 'node:v8';
import { findModelFiles, loadWorkspace } from '../../out/tsc/language-server/src/cli/load-workspace.js';
import { NodeThreatModelContext } from '../../out/tsc/language-server/src/node-context.js';
import { createThreatModelServices } from '../../out/tsc/language-server/src/threat-model-module.js';

const [folder] = process.argv.slice(2);
const snapshotAt = process.argv.indexOf('--snapshot');
const { shared } = createThreatModelServices({ ...NodeThreatModelContext, batch: true });
const files = await findModelFiles([folder], process.cwd());
const loaded = await loadWorkspace(shared, files, process.cwd());
globalThis.gc();
const mb = bytes => (bytes / 2 ** 20).toFixed(0);
const usage = process.memoryUsage();
console.log(`${loaded.length} files, ${loaded.reduce((n, f) => n + f.document.diagnostics.length, 0)} diagnostics; heap used ${mb(usage.heapUsed)} MB, rss ${mb(usage.rss)} MB, peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
if (snapshotAt > 0) writeHeapSnapshot(process.argv[snapshotAt + 1]);
