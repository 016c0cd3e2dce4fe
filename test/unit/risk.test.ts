import * as assert from 'node:assert/strict';
import type { Dread, Threat } from '../../language-server/src/generated/ast.js';
import { isThreat } from '../../language-server/src/generated/ast.js';
import { computeRisk, rateRisk } from '../../language-server/src/model/risk.js';
import { checkModel } from './helpers/workspace.js';

async function parseDread(body: string): Promise<Dread | undefined> {
    const { document } = await checkModel(`threat T "t" { ${body} }`);
    const threat = document.parseResult.value.declarations.find(isThreat) as Threat;
    return threat.dread;
}

describe('DREAD risk', () => {
    it('is the mean of the five factors, one decimal (DESIGN.md example: 8 6 5 7 6 → 6.4 Medium)', async () => {
        const dread = await parseDread('dread { damage 8 reproducibility 6 exploitability 5 affectedUsers 7 discoverability 6 }');
        assert.deepEqual(computeRisk(dread), { risk: 6.4, rating: 'Medium' });
    });

    it('rounds to one decimal', async () => {
        const dread = await parseDread('dread { damage 10 reproducibility 10 exploitability 10 affectedUsers 3 discoverability 1 }');
        assert.deepEqual(computeRisk(dread), { risk: 6.8, rating: 'Medium' });
    });

    it('rates High from 7.0, Medium from 4.0, Low below', () => {
        assert.deepEqual([10, 7, 6.9, 4, 3.9, 0].map(rateRisk), ['High', 'High', 'Medium', 'Medium', 'Low', 'Low']);
    });

    it('has no risk when a factor is missing or out of range, or there is no dread block', async () => {
        assert.equal(computeRisk(await parseDread('dread { damage 8 reproducibility 6 exploitability 5 affectedUsers 7 }')), undefined);
        assert.equal(computeRisk(await parseDread('dread { damage 11 reproducibility 6 exploitability 5 affectedUsers 7 discoverability 6 }')), undefined);
        assert.equal(computeRisk(undefined), undefined);
    });
});
