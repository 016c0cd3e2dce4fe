import type { ValidationAcceptor } from 'langium';
import type { Flow } from '../generated/ast.js';
import { describeElementInProse } from '../model/stride.js';
import { IssueCodes } from './issue-codes.js';
import { quote } from './quote.js';
import { diagnose } from './diagnose.js';

/**
 * `tm/flow-needs-process`: in a DFD, data moves only when a process moves it, so a flow between two
 * data stores, two external entities, or a data store and an external entity skips the process that
 * does the work (and the threats against it). A flow from an element to itself is `tm/flow-self`.
 */
export function checkFlowThroughProcess(flow: Flow, accept: ValidationAcceptor): void {
    const source = flow.source?.ref;
    const target = flow.target?.ref;
    if (!flow.name || !source || !target || source === target) return;
    if (source.$type === 'Process' || target.$type === 'Process') return;
    diagnose(accept, IssueCodes.FlowNeedsProcess,
        `Flow ${quote(flow.name)} goes from ${describeElementInProse(source)} directly to ${describeElementInProse(target)}, but data moves only through a process. ` +
        `Add the process that moves the data and split the flow into two: ${quote(source.name)} -> process and process -> ${quote(target.name)}.`,
        { node: flow, property: 'name' });
}

/** `tm/flow-self`: a flow whose source and target are the same element moves no data between elements. */
export function checkFlowNotSelf(flow: Flow, accept: ValidationAcceptor): void {
    const source = flow.source?.ref;
    if (!flow.name || !source || source !== flow.target?.ref) return;
    diagnose(accept, IssueCodes.FlowSelf,
        `Flow ${quote(flow.name)} starts and ends at ${describeElementInProse(source)}. A flow connects two different elements: ` +
        `change its source or its target, or remove it if the work stays inside ${quote(source.name)}.`,
        { node: flow, property: 'name' });
}
