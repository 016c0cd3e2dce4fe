import * as assert from 'node:assert/strict';
import { EmptyFileSystem, URI } from 'langium';
import { collectFindings } from '../../language-server/src/cli/check.js';
import { createThreatModelServices } from '../../language-server/src/threat-model-module.js';

/** A build that fails for a file must never make it pass `tml check` with no finding. */
describe('tml check on a file the build left unvalidated', () => {
    it('reports a tm/internal-error error for it', async () => {
        const { shared } = createThreatModelServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString('asset A "a"', URI.file('/models/a.tm'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        assert.deepEqual(collectFindings([{ path: '/models/a.tm', document }], '/models'), [{
            file: 'a.tm', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: 'tm/internal-error',
            message: 'tml could not finish checking this file: it was not validated. Its other findings may be incomplete; please report this.',
        }]);
    });
});
