import type { ValidationAcceptor } from 'langium';
import type { Boundary, Flow, Process } from '../generated/ast.js';
import { crossedBoundaries } from '../model/boundaries.js';
import type { ThreatModelWorkspaceIndex } from '../workspace/model-index.js';
import { IssueCodes } from './issue-codes.js';
import { diagnose } from './diagnose.js';
import { listInProse } from '../shared/prose.js';
import { quote } from './quote.js';

/**
 * `tm/boundary-crossing-unprotected`: data that crosses a trust boundary travels through territory
 * the other side does not control, so it should be encrypted and its sender authenticated. One
 * finding per flow, naming what is missing (also in `data.properties` for the quick-fix).
 */
export function checkCrossingProtected(flow: Flow, accept: ValidationAcceptor): void {
    if (!flow.name || (flow.encrypted && flow.authenticated)) return;
    const crossed = crossedBoundaries(flow);
    if (crossed.length === 0) return;
    const properties = [...(flow.encrypted ? [] : ['encrypted']), ...(flow.authenticated ? [] : ['authenticated'])];
    const boundaries = listInProse(crossed.map(b => quote(b.name)));
    diagnose(accept, IssueCodes.BoundaryCrossingUnprotected,
        `Flow ${quote(flow.name)} crosses the trust ${crossed.length === 1 ? 'boundary' : 'boundaries'} ${boundaries} but is ${properties.length === 2 ? 'neither encrypted nor authenticated' : `not ${properties[0]}`}. ` +
        `Protect it (TLS, signatures, mutual authentication) and mark it ${listInProse(properties.map(quote))}.`,
        { node: flow, property: 'name' }, { properties });
}

/** `tm/entrypoint-missing`: a process that a flow enters from outside its boundary is an entry point (TMA step 2). */
export function checkEntrypointMarked(process: Process, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!process.name || process.entrypoint) return;
    const flow = index.processFacts(process).enteredAcross.get(process);
    if (!flow) return;
    diagnose(accept, IssueCodes.EntrypointMissing,
        `Process ${quote(process.name)} receives flow ${quote(flow.name)} from outside its trust boundary, so it is an entry point. Mark it 'entrypoint'.`,
        { node: process, property: 'name' });
}

/** `tm/boundary-not-crossed`: a trust boundary no flow crosses separates nothing the model shows. */
export function checkBoundaryCrossed(boundary: Boundary, accept: ValidationAcceptor, index: ThreatModelWorkspaceIndex): void {
    if (!boundary.name || index.processFacts(boundary).crossedBoundaries.has(boundary)) return;
    diagnose(accept, IssueCodes.BoundaryNotCrossed,
        `No flow crosses trust boundary ${quote(boundary.name)}. Add the flows that enter or leave it, or remove the boundary.`,
        { node: boundary, property: 'name' });
}
