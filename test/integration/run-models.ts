/**
 * Runs the models suite (docs/language.md#models-in-a-workspace) inside real VS Code with a copy of the repository's
 * examples/ folder as the workspace: three models that must stay apart.
 *
 *   node out/tsc/test/integration/run-models.js      (after `npm run build`)
 */
import { runMain } from './harness/cleanup.js';
import { runSuiteIn } from './run-server.js';

runMain(() => runSuiteIn('models', 'examples', 'models.cjs'));
