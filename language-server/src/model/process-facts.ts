import type { AstNode } from 'langium';
import type { Asset, Boundary, Datastore, Declaration, DfdElement, Flow, Model, Process, Scenario, System } from '../generated/ast.js';
import { isBoundary, isProcess } from '../generated/ast.js';
import { crossedBoundaries } from './boundaries.js';

/** The parts of TMA step 1 (background) a model can lack, in the order messages list them. */
export type BackgroundPart = 'system description' | 'scenario' | 'assumption' | 'dependency';

/**
 * Facts about the whole workspace that the TMA process checks (steps 1 and 2) look up: which
 * elements scenarios use, which boundaries flows cross, which processes receive flows across their
 * boundary, which assets are carried or stored. Computed in one pass over every declaration.
 */
export interface ProcessFacts {
    /** What step 1 asks for and the model lacks. */
    readonly missingBackground: readonly BackgroundPart[];
    /** Where the model-level finding goes: the first `system`, else the first declaration (files by URI). */
    readonly backgroundAnchor: Declaration | undefined;
    readonly hasScenarios: boolean;
    /** Flows listed by a scenario, and the nodes at their ends. */
    readonly inScenario: ReadonlySet<DfdElement>;
    /** Nodes at either end of some flow. */
    readonly connected: ReadonlySet<AstNode>;
    readonly crossedBoundaries: ReadonlySet<Boundary>;
    /** For each process that a flow enters from outside its innermost boundary: the first such flow. */
    readonly enteredAcross: ReadonlyMap<Process, Flow>;
    /** Assets some flow carries or some data store stores. */
    readonly usedAssets: ReadonlySet<Asset>;
}

/** Computes {@link ProcessFacts} from the models of the workspace, given in a stable order. */
export function computeProcessFacts(models: readonly Model[]): ProcessFacts {
    let system: Declaration | undefined;
    let firstDeclaration: Declaration | undefined;
    let hasDescription = false, hasScenarios = false, hasAssumption = false, hasDependency = false;
    const inScenario = new Set<DfdElement>();
    const connected = new Set<AstNode>();
    const crossed = new Set<Boundary>();
    const enteredAcross = new Map<Process, Flow>();
    const usedAssets = new Set<Asset>();
    const visit = (node: Declaration): void => {
        firstDeclaration ??= node;
        // By $type rather than the generated guards (a lookup in the type hierarchy each): these are leaf types.
        switch (node.$type) {
            case 'System':
                system ??= node as System;
                if ((node as System).description?.trim()) hasDescription = true;
                break;
            case 'Assumption': hasAssumption = true; break;
            case 'Dependency': hasDependency = true; break;
            case 'Scenario':
                hasScenarios = true;
                for (const reference of (node as Scenario).flows) {
                    const flow = reference?.ref;
                    if (!flow) continue;
                    inScenario.add(flow);
                    const source = flow.source?.ref;
                    const target = flow.target?.ref;
                    if (source) inScenario.add(source);
                    if (target) inScenario.add(target);
                }
                break;
            case 'Flow':
                visitFlow(node as Flow, connected, crossed, enteredAcross);
                for (const asset of (node as Flow).carries) if (asset?.ref) usedAssets.add(asset.ref);
                break;
            case 'Datastore':
                for (const asset of (node as Datastore).stores) if (asset?.ref) usedAssets.add(asset.ref);
                break;
            case 'Boundary':
                for (const member of (node as Boundary).members) visit(member);
                break;
        }
    };
    for (const model of models) model.declarations.forEach(visit);
    const missingBackground: BackgroundPart[] = [];
    if (!hasDescription) missingBackground.push('system description');
    if (!hasScenarios) missingBackground.push('scenario');
    if (!hasAssumption) missingBackground.push('assumption');
    if (!hasDependency) missingBackground.push('dependency');
    return {
        missingBackground,
        backgroundAnchor: system ?? firstDeclaration,
        hasScenarios,
        inScenario,
        connected,
        crossedBoundaries: crossed,
        enteredAcross,
        usedAssets,
    };
}

function visitFlow(flow: Flow, connected: Set<AstNode>, crossed: Set<Boundary>, enteredAcross: Map<Process, Flow>): void {
    const source = flow.source?.ref;
    const target = flow.target?.ref;
    if (source) connected.add(source);
    if (target) connected.add(target);
    const boundaries = crossedBoundaries(flow);
    for (const boundary of boundaries) crossed.add(boundary);
    // A process outside every boundary has no boundary of its own for a flow to enter.
    const home = isProcess(target) && isBoundary(target.$container) ? target.$container : undefined;
    if (isProcess(target) && home && boundaries.includes(home) && !enteredAcross.has(target)) {
        enteredAcross.set(target, flow);
    }
}
