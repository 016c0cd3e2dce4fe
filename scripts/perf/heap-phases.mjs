// Heap snapshots of a `tml check` build at its phases: after linking (before validation) and after
// validation, for summarise-heap.mjs and heap-detail.mjs.
// Usage: node --expose-gc scripts/perf/heap-phases.mjs FOLDER PREFIX  (writes PREFIX-linked and PREFIX-validated .heapsnapshot)
import { writeHeapSnapshot } from 'node:v8';
import { findModelFiles, loadWorkspace } from '../../out/tsc/language-server/src/cli/load-workspace.js';
import { NodeThreatModelContext } from '../../out/tsc/language-server/src/node-context.js';
import { createThreatModelServices } from '../../out/tsc/language-server/src/threat-model-module.js';

const [folder, prefix] = process.argv.slice(2);
const mb = bytes => (bytes / 2 ** 20).toFixed(0);
const report = phase => { globalThis.gc(); console.log(`${phase}: heap used ${mb(process.memoryUsage().heapUsed)} MB`); };
const { shared } = createThreatModelServices({ ...NodeThreatModelContext, batch: true });
const files = await findModelFiles([folder], process.cwd());
await loadWorkspace(shared, files, process.cwd(), async () => {
    report('linked');
    if (prefix) writeHeapSnapshot(`${prefix}-linked.heapsnapshot`);
});
report('validated');
if (prefix) writeHeapSnapshot(`${prefix}-validated.heapsnapshot`);
