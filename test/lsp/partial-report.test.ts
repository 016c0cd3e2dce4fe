import * as assert from 'node:assert/strict';
import type { GeneratedDocument, SecurityReportParams } from '../../language-server/src/shared/protocol.js';
import { SecurityReportRequest } from '../../language-server/src/shared/protocol.js';
import { LanguageServerProcess } from './helpers/language-server-process.js';

const URI = 'file:///partial/x.tm';

/** The report request failed with -32603 on a flow whose source did not parse. */
describe('threatModel/report on a flow whose source and target did not parse (the bundled server)', () => {
    let server: LanguageServerProcess;

    before(async () => {
        server = new LanguageServerProcess();
        await server.initialize();
        await server.open(URI, 'flow');
        await server.nextDiagnostics(URI);
    });
    after(async () => {
        await server.dispose();
    });

    it('answers with the report, the flow in its overview', async () => {
        const params: SecurityReportParams = { scope: { kind: 'file', uri: URI } };
        const result = await server.connection.sendRequest<GeneratedDocument>(SecurityReportRequest.method, params);
        assert.deepEqual(result.files, ['/partial/x.tm']);
        assert.ok(result.content.includes('\n|  |  |  |  |  | no | no |  |\n'));
    });
});
