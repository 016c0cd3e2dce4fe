import * as assert from 'node:assert/strict';
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { isBoundary, isDatastore, isExternal, isFlow, isProcess } from '../../language-server/src/generated/ast.js';
import { generatePytmScript } from '../bench/pytm-model.js';
import { generateModel } from '../bench/synthetic-model.js';
import { checkWorkspace } from './helpers/workspace.js';

/** The DFD of a tml model in one line per element, in the words of the pytm script (sorted). */
function tmlSystem(roots: readonly AstNode[]): string[] {
    const boundaryOf = (node: AstNode): string => (isBoundary(node.$container) ? node.$container.name : '-');
    const lines: string[] = [];
    for (const root of roots) {
        for (const node of AstUtils.streamAst(root)) {
            if (isBoundary(node)) lines.push(`Boundary ${node.name} "${node.title}" in ${boundaryOf(node)}`);
            if (isExternal(node)) lines.push(`Actor ${node.name} "${node.title}" in ${boundaryOf(node)} description "${node.description ?? ''}"`);
            if (isProcess(node)) lines.push(`Process ${node.name} "${node.title}" in ${boundaryOf(node)}`);
            if (isDatastore(node)) {
                lines.push(`Datastore ${node.name} "${node.title}" in ${boundaryOf(node)}${node.logs ? ' logs' : ''}`);
                for (const asset of node.stores) lines.push(`Data ${asset.$refText} "${asset.ref?.title}" stored in ${node.name}`);
            }
            if (isFlow(node)) {
                lines.push(`Dataflow ${node.name} ${node.source.$refText} -> ${node.target.$refText} "${node.title}" protocol "${node.protocol ?? ''}"` +
                    `${node.encrypted ? ' encrypted' : ''}${node.authenticated ? ' authenticated' : ''} data [${node.carries.map(c => c.$refText).join(', ')}]`);
            }
        }
    }
    return lines.sort();
}

/** The same lines read back from the pytm script (one statement per line, as pytm-model.ts writes it). */
function pytmSystem(script: string): string[] {
    const lines: string[] = [];
    const controls = new Map<string, string>();
    for (const line of script.split('\n')) {
        let m: RegExpMatchArray | null;
        if ((m = /^(\w+) = Boundary\("([^"]*)"(?:, inBoundary=(\w+))?\)$/.exec(line))) lines.push(`Boundary ${m[1]} "${m[2]}" in ${m[3] ?? '-'}`);
        else if ((m = /^(\w+) = Actor\("([^"]*)", inBoundary=(\w+), description="([^"]*)"\)$/.exec(line))) lines.push(`Actor ${m[1]} "${m[2]}" in ${m[3]} description "${m[4]}"`);
        else if ((m = /^(\w+) = Process\("([^"]*)", inBoundary=(\w+)\)$/.exec(line))) lines.push(`Process ${m[1]} "${m[2]}" in ${m[3]}`);
        else if ((m = /^(\w+) = Datastore\("([^"]*)", inBoundary=(\w+)(, storesLogData=True)?\)$/.exec(line))) lines.push(`Datastore ${m[1]} "${m[2]}" in ${m[3]}${m[4] ? ' logs' : ''}`);
        else if ((m = /^(\w+) = Data\("([^"]*)", isStored=True, processedBy=\[(\w+)\]\)$/.exec(line))) lines.push(`Data ${m[1]} "${m[2]}" stored in ${m[3]}`);
        else if ((m = /^(\w+)\.controls\.(isEncrypted|authenticatesSource) = True$/.exec(line))) controls.set(`${m[1]} ${m[2]}`, 'True');
        else if ((m = /^(\w+) = Dataflow\((\w+), (\w+), "([^"]*)"(?:, protocol="([^"]*)")?(?:, data=(\w+))?\)$/.exec(line))) {
            lines.push(`Dataflow ${m[1]} ${m[2]} -> ${m[3]} "${m[4]}" protocol "${m[5] ?? ''}"\u0000${m[1]} data [${m[6] ?? ''}]`);
        } else if (/^\w+ = /.test(line) && !line.startsWith('tm = ')) assert.fail(`A statement the test cannot read: ${line}`);
    }
    // The flows' controls come after the flow: put them back in.
    return lines.map(line => line.replace(/\u0000(\w+)/, (_, flow: string) =>
        `${controls.has(`${flow} isEncrypted`) ? ' encrypted' : ''}${controls.has(`${flow} authenticatesSource`) ? ' authenticated' : ''}`)).sort();
}

/** `npm run bench` compares `tml report` with pytm's on "the same system": test/bench/pytm-model.ts. */
describe('the pytm script of the benchmark', () => {
    for (const [elements, files] of [[60, 3], [30, 1]] as const) {
        it(`describes the same boundaries, elements, flows and data as the tml model (${elements} elements, ${files} file(s))`, async () => {
            const checked = await checkWorkspace(generateModel(elements, files).files);
            const tml = tmlSystem(checked.map(c => c.document.parseResult.value));
            assert.equal(tml.filter(line => /^(Actor|Process|Datastore|Dataflow) /.test(line)).length, elements);
            assert.deepEqual(pytmSystem(generatePytmScript(elements, files)), tml);
        });
    }

    it('declares every element before the flows that use it, and ends by processing the model', () => {
        const script = generatePytmScript(20, 1);
        assert.ok(script.indexOf('Auth1 = Process(') < script.indexOf('Check0 = Dataflow(Web0, Auth1'));
        assert.ok(script.endsWith('if __name__ == "__main__":\n    tm.process()\n'));
    });
});
