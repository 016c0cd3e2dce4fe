import * as assert from 'node:assert/strict';
import { checkModel, describeFinding } from './helpers/workspace.js';

/** The findings of one code, as `code @line:col-line:col` with the message. */
async function findingsOf(code: string, text: string): Promise<Array<{ at: string; message: string }>> {
    const { diagnostics } = await checkModel(text);
    return diagnostics.filter(d => d.code === code).map(d => ({ at: describeFinding(d), message: d.message }));
}

const NODES = 'external User "u"\nexternal Bank "b"\nprocess Api "a"\ndatastore Db "db"\ndatastore Cache "c"\n';

describe('DFD well-formedness: flows', () => {
    it('tm/flow-needs-process is reported on every flow whose ends are both data stores or external entities', async () => {
        const flows = 'flow Copy: Db -> Cache "copy"\nflow Upload: User -> Db "upload"\nflow Export: Db -> Bank "export"\nflow Pay: User -> Bank "pay"\n';
        assert.deepEqual(await findingsOf('tm/flow-needs-process', NODES + flows), [
            {
                at: 'tm/flow-needs-process @6:6-6:10',
                message: "Flow 'Copy' goes from data store 'Db' directly to data store 'Cache', but data moves only through a process. " +
                    "Add the process that moves the data and split the flow into two: 'Db' -> process and process -> 'Cache'.",
            },
            {
                at: 'tm/flow-needs-process @7:6-7:12',
                message: "Flow 'Upload' goes from external entity 'User' directly to data store 'Db', but data moves only through a process. " +
                    "Add the process that moves the data and split the flow into two: 'User' -> process and process -> 'Db'.",
            },
            {
                at: 'tm/flow-needs-process @8:6-8:12',
                message: "Flow 'Export' goes from data store 'Db' directly to external entity 'Bank', but data moves only through a process. " +
                    "Add the process that moves the data and split the flow into two: 'Db' -> process and process -> 'Bank'.",
            },
            {
                at: 'tm/flow-needs-process @9:6-9:9',
                message: "Flow 'Pay' goes from external entity 'User' directly to external entity 'Bank', but data moves only through a process. " +
                    "Add the process that moves the data and split the flow into two: 'User' -> process and process -> 'Bank'.",
            },
        ]);
    });

    it('tm/flow-needs-process is not reported when a process is at either end, on a flow to itself, or on an unresolved end', async () => {
        const flows = 'flow In: User -> Api "in"\nflow Out: Api -> Bank "out"\nflow Save: Api -> Db "save"\nflow Load: Db -> Api "load"\n' +
            'flow Loop: Db -> Db "loop"\nflow Lost: Db -> Nowhere "lost"\n';
        assert.deepEqual(await findingsOf('tm/flow-needs-process', NODES + flows), []);
    });

    it('tm/flow-self is reported on a flow whose source and target are the same element, of any kind', async () => {
        const flows = 'flow Retry: Api -> Api "retry"\nflow Loop: Db -> Db "loop"\nflow Echo: User -> User "echo"\n';
        assert.deepEqual(await findingsOf('tm/flow-self', NODES + flows), [
            {
                at: 'tm/flow-self @6:6-6:11',
                message: "Flow 'Retry' starts and ends at process 'Api'. A flow connects two different elements: change its source or its target, or remove it if the work stays inside 'Api'.",
            },
            {
                at: 'tm/flow-self @7:6-7:10',
                message: "Flow 'Loop' starts and ends at data store 'Db'. A flow connects two different elements: change its source or its target, or remove it if the work stays inside 'Db'.",
            },
            {
                at: 'tm/flow-self @8:6-8:10',
                message: "Flow 'Echo' starts and ends at external entity 'User'. A flow connects two different elements: change its source or its target, or remove it if the work stays inside 'User'.",
            },
        ]);
    });

    it('tm/flow-self is not reported on flows between two elements, nor when an end does not resolve', async () => {
        assert.deepEqual(await findingsOf('tm/flow-self', `${NODES}flow In: User -> Api "in"\nflow Lost: Nowhere -> Nowhere "lost"\n`), []);
    });
});
